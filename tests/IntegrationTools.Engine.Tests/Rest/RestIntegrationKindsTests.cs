using System.Collections;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests.Rest;

/// <summary>What each parameter set of Set-RestIntegration implies, and command-line targets over piped definitions.</summary>
public class RestIntegrationKindsTests
{
    private static RestIntegrationDefinition Read(Hashtable fields)
    {
        fields["RestApiId"] = "a1b2c3d4e5";
        fields["ResourcePath"] = "/pets";
        fields["HttpMethod"] = "GET";
        var findings = new List<Finding>();
        var d = RestIntegrationDefinition.Read(fields, findings);
        Assert.Empty(findings);
        Assert.Empty(RuleCatalog.Check(d, RuleContext.Offline));
        return d;
    }

    [Fact]
    public void EveryKind_ReadsAsAValidDefinition()
    {
        Assert.Equal("MOCK", Read(RestIntegrationKinds.Mock()).Type);
        var http = Read(RestIntegrationKinds.Http(false, "https://x.example.com", "GET"));
        Assert.Equal(("HTTP", "GET", null as string), (http.Type, http.IntegrationHttpMethod, http.ConnectionType));
        var vpc = Read(RestIntegrationKinds.Http(true, "https://x.example.com", "POST", "vl1234"));
        Assert.Equal(("HTTP_PROXY", "VPC_LINK", "vl1234"), (vpc.Type, vpc.ConnectionType, vpc.ConnectionId));
        var findings = new List<Finding>();
        var lambda = Read(RestIntegrationKinds.Lambda(true, "arn:aws:lambda:us-east-1:123456789012:function:f", "us-east-1", null, "t", findings));
        Assert.Equal(("AWS_PROXY", "POST"), (lambda.Type, lambda.IntegrationHttpMethod));
        var custom = Read(RestIntegrationKinds.Lambda(false, "f", "us-east-1", "arn:aws:iam::123456789012:role/r", "t", findings));
        Assert.Equal("AWS", custom.Type);
        Assert.Equal("arn:aws:iam::123456789012:role/r", custom.Credentials);
        var aws = Read(RestIntegrationKinds.AwsService("sqs", "SendMessage", null, "POST", "arn:aws:iam::123456789012:role/r", "us-east-1"));
        Assert.Equal("arn:aws:apigateway:us-east-1:sqs:action/SendMessage", aws.Uri);
        Assert.Empty(findings);
    }

    [Fact]
    public void Lambda_WhoseUriCannotBeBuilt_LeavesUriOutAndSaysWhy()
    {
        var findings = new List<Finding>();
        var fields = RestIntegrationKinds.Lambda(true, "f", "us-east-1", null, "t", findings);
        Assert.False(fields.ContainsKey("Uri"));
        Assert.Equal("IT1201", Assert.Single(findings).RuleId);
    }

    [Fact]
    public void OverrideTarget_CommandLineWins_AndAnotherApiDropsTheOldResourceId()
    {
        var piped = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["restApiId"] = "old", ["ResourceId"] = "res1", ["ResourcePath"] = "/pets", ["HttpMethod"] = "GET" };
        RestIntegrationKinds.OverrideTarget(piped, "new", null, null, null);
        Assert.Equal("new", piped["RestApiId"]);
        Assert.False(piped.ContainsKey("ResourceId"));
        Assert.Equal("/pets", piped["ResourcePath"]);

        var same = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["RestApiId"] = "api", ["ResourceId"] = "res1", ["ResourcePath"] = "/pets" };
        RestIntegrationKinds.OverrideTarget(same, "api", null, null, "post");
        Assert.Equal("res1", same["ResourceId"]);
        Assert.Equal("post", same["HttpMethod"]);

        var byPath = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["RestApiId"] = "api", ["ResourceId"] = "res1", ["ResourcePath"] = "/pets" };
        RestIntegrationKinds.OverrideTarget(byPath, null, null, "/orders", null);
        Assert.False(byPath.ContainsKey("ResourceId"));
        Assert.Equal("/orders", byPath["ResourcePath"]);

        var byId = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["RestApiId"] = "api", ["ResourcePath"] = "/pets" };
        RestIntegrationKinds.OverrideTarget(byId, null, "res9", null, null);
        Assert.False(byId.ContainsKey("ResourcePath"));
        Assert.Equal("res9", byId["ResourceId"]);
    }
}
