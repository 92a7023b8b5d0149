using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests.Rest;

public class IntegrationUrisTests
{
    private const string Target = "restapi/a /pets GET";

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:get-pet", null,
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:get-pet/invocations")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:get-pet:live", null,
        "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:get-pet:live/invocations")]
    [InlineData("123456789012:function:get-pet", null,
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:get-pet/invocations")]
    [InlineData("get-pet", "arn:aws:iam::210987654321:role/apigw-invoke",
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:get-pet/invocations")]
    public void Lambda_FromArnPartialArnOrNameWithKnownAccount(string function, string? credentials, string expected)
    {
        var findings = new List<Finding>();
        Assert.Equal(expected, IntegrationUris.Lambda(function, "us-east-1", credentials, Target, findings));
        Assert.Empty(findings);
    }

    [Fact]
    public void Lambda_ChinaRegion_UsesItsPartition()
    {
        var findings = new List<Finding>();
        Assert.Equal("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:f/invocations",
            IntegrationUris.Lambda("123456789012:function:f", "cn-north-1", null, Target, findings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("arn:aws:iam::*:user/*")]
    public void Lambda_BareNameWithoutAccount_IsRefusedWithTheFix(string? credentials)
    {
        var findings = new List<Finding>();
        Assert.Null(IntegrationUris.Lambda("get-pet", "us-east-1", credentials, Target, findings));
        var finding = Assert.Single(findings);
        Assert.Equal("IT1201", finding.RuleId);
        Assert.Equal("FunctionName", finding.Field);
        Assert.Contains("full ARN", finding.Fix);
        Assert.Contains("arn:aws:lambda:us-east-1:123456789012:function:get-pet", finding.Fix);
    }

    [Theory]
    [InlineData("sqs", "SendMessage", null, "arn:aws:apigateway:us-east-1:sqs:action/SendMessage")]
    [InlineData("s3", null, "/{bucket}/{key}", "arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}")]
    [InlineData("sqs", null, "123456789012/orders", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders")]
    public void AwsService_ActionOrPath(string service, string? action, string? path, string expected)
    {
        Assert.Equal(expected, IntegrationUris.AwsService(service, action, path, "us-east-1"));
    }
}
