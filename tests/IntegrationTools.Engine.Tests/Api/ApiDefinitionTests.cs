using System.Collections;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Api;

/// <summary>Lambda URIs, the kinds of New-ApiIntegration, and merging an update into an integration.</summary>
public class ApiDefinitionTests
{
    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders", "arn:aws:lambda:us-east-1:123456789012:function:orders")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders:live", "arn:aws:lambda:us-east-1:123456789012:function:orders:live")]
    [InlineData("123456789012:function:orders", "arn:aws:lambda:eu-west-1:123456789012:function:orders")]
    [InlineData("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations", "arn:aws:lambda:eu-west-1:123456789012:function:orders")]
    [InlineData("orders", "orders")]
    public void LambdaUris_ForHttpApisAreTheFunctionArn(string input, string expected)
    {
        Assert.Equal(expected, LambdaUris.ForHttpApi(input, "eu-west-1"));
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:chat", "us-east-1", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations")]
    [InlineData("123456789012:function:chat:prod", "cn-north-1", "arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:chat:prod/invocations")]
    [InlineData("chat", "us-east-1", "chat")]
    public void LambdaUris_ForWebSocketApisAreInvocationUris(string input, string region, string expected)
    {
        Assert.Equal(expected, LambdaUris.ForWebSocketApi(input, region));
    }

    private static ApiIntegrationDefinition Build(ApiIntegrationKind kind, ApiIntegrationKindInput input, List<Finding>? findings = null)
    {
        findings ??= new List<Finding>();
        input.ApiId ??= "a1b2c3d4e5";
        return kind.Build(input, "us-east-1", findings);
    }

    [Fact]
    public void Kinds_FillInTheServiceDefaults()
    {
        var lambda = Build(ApiIntegrationKind.HttpLambdaProxy, new() { FunctionArn = "123456789012:function:orders" });
        Assert.Equal(("AWS_PROXY", "arn:aws:lambda:us-east-1:123456789012:function:orders", "2.0", "POST"), (lambda.IntegrationType, lambda.IntegrationUri, lambda.PayloadFormatVersion, lambda.IntegrationMethod));

        var proxy = Build(ApiIntegrationKind.HttpProxy, new() { Url = "https://e.com" });
        Assert.Equal(("HTTP_PROXY", "ANY", "1.0"), (proxy.IntegrationType, proxy.IntegrationMethod, proxy.PayloadFormatVersion));

        var vpc = Build(ApiIntegrationKind.HttpPrivate, new() { ConnectionId = "vl1", IntegrationUri = "arn:x", ServerNameToVerify = "n" });
        Assert.Equal(("HTTP_PROXY", "VPC_LINK", "vl1", "n"), (vpc.IntegrationType, vpc.ConnectionType, vpc.ConnectionId, vpc.ServerNameToVerify));

        var sqs = Build(ApiIntegrationKind.HttpAwsService, new() { IntegrationSubtype = "SQS-SendMessage", RequestParameters = new Hashtable { ["QueueUrl"] = "q", ["MessageBody"] = "$request.body" }, CredentialsArn = "arn:aws:iam::123456789012:role/r" });
        Assert.Equal(("AWS_PROXY", "SQS-SendMessage", "1.0"), (sqs.IntegrationType, sqs.IntegrationSubtype, sqs.PayloadFormatVersion));
        Assert.Equal("q", sqs.RequestParameters!["QueueUrl"]);

        var mock = Build(ApiIntegrationKind.WebSocketMock, new() { RequestTemplates = new Hashtable { ["$default"] = "{}" }, PassthroughBehavior = "never" });
        Assert.Equal(("MOCK", "NEVER"), (mock.IntegrationType, mock.PassthroughBehavior));

        Assert.Equal("HTTP", Build(ApiIntegrationKind.WebSocketHttp, new() { Url = "https://e.com" }).IntegrationType);
        Assert.Equal("HTTP_PROXY", Build(ApiIntegrationKind.WebSocketHttp, new() { Url = "https://e.com", Proxy = true }).IntegrationType);
        Assert.Equal("POST", Build(ApiIntegrationKind.WebSocketHttp, new() { Url = "https://e.com", IntegrationType = "http_proxy" }).IntegrationMethod);

        var wsLambda = Build(ApiIntegrationKind.WebSocketLambda, new() { FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:chat", IntegrationType = "AWS" });
        Assert.Equal(("AWS", "POST"), (wsLambda.IntegrationType, wsLambda.IntegrationMethod));
        Assert.StartsWith("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/", wsLambda.IntegrationUri);
    }

    [Fact]
    public void Kinds_ProxyAndAnotherTypeContradict()
    {
        var findings = new List<Finding>();
        Build(ApiIntegrationKind.WebSocketHttp, new() { Url = "https://e.com", Proxy = true, IntegrationType = "HTTP" }, findings);
        Assert.Equal(ReadingRules.DuplicateField.Id, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void Kinds_MapsThatAreNotMapsAreReadingFindings()
    {
        var findings = new List<Finding>();
        Build(ApiIntegrationKind.HttpProxy, new() { Url = "https://e.com", RequestParameters = new List<object> { "a" } }, findings);
        Assert.Equal(ReadingRules.WrongType.Id, Assert.Single(findings).RuleId);
    }

    [Theory]
    [InlineData("HttpLambdaProxy", "HTTP", false)]
    [InlineData("HttpLambdaProxy", "WEBSOCKET", true)]
    [InlineData("HttpProxy", "WEBSOCKET", true)]
    [InlineData("HttpPrivate", "WEBSOCKET", true)]
    [InlineData("HttpAwsService", "WEBSOCKET", true)]
    [InlineData("WebSocketMock", "HTTP", true)]
    [InlineData("WebSocketHttp", "HTTP", true)]
    [InlineData("WebSocketLambda", "HTTP", true)]
    [InlineData("WebSocketLambda", "WEBSOCKET", false)]
    [InlineData("WebSocketLambda", null, false)]
    public void Kinds_FitTheirProtocolOnly(string name, string? protocol, bool refused)
    {
        var kind = ApiIntegrationKind.Find(name)!;
        var findings = ApiContextRules.CheckKind(kind, new ApiIntegrationDefinition { ApiId = "a" }, new RuleContext("us-east-1", protocol)).ToList();
        Assert.Equal(refused, findings.Count == 1 && findings[0].RuleId == "IT2000");
        Assert.Equal(refused, findings.Count > 0);
    }

    [Fact]
    public void MergedWith_ReplacesNamedMembersAndMergesMapsKeyByKey()
    {
        var current = ApiIntegrationDefinition.FromIntegration(new ApiIntegration
        {
            ApiId = "a",
            IntegrationId = "i",
            IntegrationType = "HTTP_PROXY",
            Description = "old",
            TimeoutInMillis = 30000,
            RequestParameters = new() { ["append:header.a"] = "1", ["append:header.b"] = "2" },
            ResponseParameters = new() { ["500"] = new() { ["overwrite:statuscode"] = "502" }, ["404"] = new() { ["overwrite:statuscode"] = "410" } },
        });

        var merged = current.MergedWith(new ApiIntegrationDefinition
        {
            Description = "",
            RequestParameters = new() { ["append:header.a"] = "", ["append:header.c"] = "3" },
            ResponseParameters = new() { ["404"] = new(), ["500"] = new() { ["append:header.x"] = "y" } },
        });

        Assert.Null(merged.Description);
        Assert.Equal(30000, merged.TimeoutInMillis);
        Assert.Equal("HTTP_PROXY", merged.IntegrationType);
        Assert.Equal(new Dictionary<string, string> { ["append:header.b"] = "2", ["append:header.c"] = "3" }, merged.RequestParameters);
        Assert.Equal(new[] { "500" }, merged.ResponseParameters!.Keys);
        Assert.Equal(new Dictionary<string, string> { ["overwrite:statuscode"] = "502", ["append:header.x"] = "y" }, merged.ResponseParameters["500"]);
        Assert.Null(current.MergedWith(new ApiIntegrationDefinition()).RequestTemplates);
    }

    [Fact]
    public void TheCliSkeletonReadsWithItsPascalCaseKeysAndNestedTlsConfig()
    {
        var skeleton = new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["ConnectionType"] = "VPC_LINK",
            ["ConnectionId"] = "vl1",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationUri"] = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-e4anhexw6hcouhwd",
            ["IntegrationMethod"] = "ANY",
            ["PayloadFormatVersion"] = "1.0",
            ["TimeoutInMillis"] = 15000L,
            ["TlsConfig"] = new Hashtable { ["ServerNameToVerify"] = "orders.internal" },
            ["ResponseParameters"] = new Hashtable { ["500"] = new Hashtable { ["overwrite:statuscode"] = "502" } },
        };
        var findings = new List<Finding>();
        var definition = ApiIntegrationDefinition.Read(skeleton, findings);
        Assert.Empty(findings);
        Assert.Equal("orders.internal", definition.ServerNameToVerify);
        Assert.Equal(15000, definition.TimeoutInMillis);
        Assert.Empty(RuleCatalog.Check(definition, new RuleContext("us-east-1", "HTTP")));

        skeleton["IntegrationUrl"] = "x";
        ApiIntegrationDefinition.Read(skeleton, findings);
        Assert.Contains("Did you mean 'IntegrationUri'?", Assert.Single(findings).Message);
    }
}
