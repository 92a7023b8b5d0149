using System.Collections;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests.Rest;

/// <summary>Every REST rule: its failing example fails it, its passing example passes the whole catalog; plus the edges of each rule.</summary>
public class RestRuleTests
{
    public static TheoryData<string> IntegrationRuleIds() => [.. RestRules.All.Select(r => r.Info.Id)];

    public static TheoryData<string> ResponseRuleIds() => [.. RestRules.Responses.Select(r => r.Info.Id)];

    [Theory]
    [MemberData(nameof(IntegrationRuleIds))]
    public void IntegrationRule_FailingExampleIsFound_PassingExamplePassesEveryRule(string id)
    {
        var rule = RestRules.All.Single(r => r.Info.Id == id);
        var failing = Read(rule.FailingExample);
        Assert.Contains(rule.Check(failing, rule.ExampleContext), f => f.RuleId == id);

        var passing = Read(rule.PassingExample);
        Assert.Empty(RuleCatalog.Check(passing, rule.ExampleContext));
        Assert.False(string.IsNullOrWhiteSpace(rule.Info.Title));
        Assert.False(string.IsNullOrWhiteSpace(rule.Info.Rationale));
    }

    [Theory]
    [MemberData(nameof(ResponseRuleIds))]
    public void ResponseRule_FailingExampleIsFound_PassingExamplePassesEveryRule(string id)
    {
        var rule = RestRules.Responses.Single(r => r.Info.Id == id);
        var readFindings = new List<Finding>();
        var failing = RestIntegrationResponseDefinition.Read(rule.FailingExample, readFindings);
        Assert.Empty(readFindings);
        Assert.Contains(rule.Check(failing, rule.ExampleContext), f => f.RuleId == id);

        var passing = RestIntegrationResponseDefinition.Read(rule.PassingExample, readFindings);
        Assert.Empty(readFindings);
        Assert.Empty(RuleCatalog.Check(passing, rule.ExampleContext));
    }

    [Fact]
    public void RuleIdsAreStableUniqueAndInTheCatalog()
    {
        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"IT{1000 + i}"), RestRules.All.Select(r => r.Info.Id));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"IT{1100 + i}"), RestRules.Responses.Select(r => r.Info.Id));
        var catalog = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(catalog.Count, catalog.Distinct().Count());
        foreach (var id in new[] { "IT1001", "IT1024", "IT1101", "IT1107", "IT1201", "IT1301", "IT1302" })
            Assert.Contains(id, catalog);
    }

    [Fact]
    public void EveryFindingNamesTargetFieldAndFix()
    {
        var d = Read(new Hashtable { ["RestApiId"] = "a1", ["ResourcePath"] = "/pets", ["HttpMethod"] = "GET", ["Type"] = "AWS_PROXY", ["Uri"] = "https://x" });
        var findings = RuleCatalog.Check(d, RuleContext.Offline);
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Equal("restapi/a1 /pets GET", f.Target);
            Assert.False(string.IsNullOrEmpty(f.Field));
            Assert.False(string.IsNullOrEmpty(f.Fix));
        });
    }

    // ---- type, methods, target

    [Theory]
    [InlineData(null, "Type is missing.")]
    [InlineData("LAMBDA_PROXY", "Lambda integrations are of type AWS_PROXY")]
    [InlineData("HTTPPROXY", "Did you mean 'HTTP_PROXY'?")]
    public void Type_MissingOrUnknown_IsNamed(string? type, string expected)
    {
        var findings = Check(RestExamples.HttpProxy(("Type", type)), "IT1003");
        Assert.Contains(expected, Assert.Single(findings).Message);
    }

    [Fact]
    public void Type_IsReadCaseInsensitively()
    {
        Assert.Empty(Check(RestExamples.HttpProxy(("Type", "http_proxy")), "IT1003"));
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("HTTP_PROXY")]
    [InlineData("AWS")]
    [InlineData("AWS_PROXY")]
    public void BackendMethod_IsRequiredForEveryTypeWithABackend(string type)
    {
        Assert.Single(Check(RestExamples.HttpProxy(("Type", type), ("IntegrationHttpMethod", null)), "IT1004"));
    }

    [Fact]
    public void BackendMethod_MustBePostForLambda_AlsoForAwsTypeCallingLambda()
    {
        Assert.Single(Check(RestExamples.LambdaProxy(("IntegrationHttpMethod", "PUT")), "IT1005"));
        Assert.Single(Check(RestExamples.LambdaProxy(("Type", "AWS"), ("IntegrationHttpMethod", "GET")), "IT1005"));
        Assert.Empty(Check(RestExamples.AwsService(("IntegrationHttpMethod", "GET")), "IT1005"));
        Assert.Contains("not an HTTP method", Assert.Single(Check(RestExamples.HttpProxy(("IntegrationHttpMethod", "FETCH")), "IT1005")).Message);
    }

    [Fact]
    public void Mock_WithBackendMethodIsAnError_WithUriAWarning()
    {
        var findings = Check(RestExamples.Mock(("IntegrationHttpMethod", "POST"), ("Uri", "https://x.example.com")), "IT1006");
        Assert.Equal([Severity.Error, Severity.Warning], findings.Select(f => f.Severity));
    }

    [Fact]
    public void Target_NeedsApiResourceAndMethod()
    {
        var findings = Check(new Hashtable { ["Type"] = "MOCK" }, "IT1001");
        Assert.Equal(["RestApiId", "ResourcePath", "HttpMethod"], findings.Select(f => f.Field));
        Assert.Empty(Check(RestExamples.Mock(("ResourcePath", null), ("ResourceId", "abc123")), "IT1001"));
        Assert.Single(Check(RestExamples.Mock(("HttpMethod", "FETCH")), "IT1002"));
    }

    // ---- URIs

    [Theory]
    [InlineData("https://petstore.example.com/pets/{id}", null)]
    [InlineData("http://petstore.example.com:8080/pets", null)]
    [InlineData("https://${stageVariables.host}/pets", null)]
    [InlineData("https://petstore.example.com:22/pets", "port 22")]
    [InlineData("ftp://petstore.example.com/pets", "not an absolute http or https URL")]
    [InlineData("/pets", "not an absolute http or https URL")]
    [InlineData("https://petstore.example.com/my pets", "white space")]
    [InlineData("arn:aws:apigateway:us-east-1:s3:path/b/k", "is an ARN")]
    public void HttpUri_Forms(string uri, string? problem)
    {
        var findings = Check(RestExamples.HttpProxy(("Uri", uri)), "IT1008");
        if (problem == null) Assert.Empty(findings);
        else Assert.Contains(problem, Assert.Single(findings).Message);
    }

    [Fact]
    public void Uri_IsRequiredForPrivateIntegrationsToo()
    {
        var findings = Check(RestExamples.HttpProxy(("Uri", null), ("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1234")), "IT1007");
        Assert.Contains("VPC link", Assert.Single(findings).Fix);
        Assert.Empty(Check(RestExamples.Mock(), "IT1007"));
    }

    [Theory]
    [InlineData("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}", null)]
    [InlineData("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}", null)]
    [InlineData("arn:aws:apigateway:us-east-1:mybucket.s3:path/key", null)]
    [InlineData("arn:aws-cn:apigateway:cn-north-1:sqs:action/SendMessage", null)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f", "is a Lambda function ARN")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/orders", "is a URL")]
    [InlineData("arn:aws:apigateway:us-east-1:sqs:SendMessage", "is not of the form")]
    public void AwsUri_Forms(string uri, string? problem)
    {
        var findings = Check(RestExamples.AwsService(("Uri", uri)), "IT1009");
        if (problem == null) Assert.Empty(findings);
        else Assert.Contains(problem, Assert.Single(findings).Message);
    }

    [Theory]
    [InlineData(RestExamples.LambdaUri, null, null)]
    [InlineData("arn:aws:apigateway:us-west-2:lambda:path//2015-03-31/functions/arn:aws:lambda:us-west-2:123412341234:function:function_name/invocations", null, null)]
    [InlineData("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:live/invocations", null, null)]
    [InlineData("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations", null, null)]
    [InlineData("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/pets/invocations", "not a full Lambda function ARN", Severity.Error)]
    [InlineData("arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders", "calls the service 'sqs'", Severity.Error)]
    [InlineData("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions", "does not invoke a function", Severity.Error)]
    [InlineData("arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations", "lives in us-east-1", Severity.Warning)]
    public void LambdaUri_Forms(string uri, string? problem, Severity? severity)
    {
        var findings = Check(RestExamples.LambdaProxy(("Uri", uri)), "IT1010");
        if (problem == null)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Contains(problem, finding.Message);
        Assert.Equal(severity, finding.Severity);
    }

    // ---- connection, enums

    [Fact]
    public void VpcLink_NeedsConnectionId_ConnectionIdNeedsVpcLink_AndOnlyHttpTypes()
    {
        Assert.Equal("ConnectionId", Assert.Single(Check(RestExamples.HttpProxy(("ConnectionType", "VPC_LINK")), "IT1012")).Field);
        Assert.Contains("ConnectionType is not VPC_LINK", Assert.Single(Check(RestExamples.HttpProxy(("ConnectionId", "vl1234")), "IT1012")).Message);
        Assert.Contains("cannot use a VPC link", Assert.Single(Check(RestExamples.LambdaProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1234")), "IT1012")).Message);
        Assert.Empty(Check(RestExamples.HttpProxy(("ConnectionType", "INTERNET")), "IT1012"));
    }

    [Theory]
    [InlineData("ConnectionType", "LAN", "IT1011")]
    [InlineData("PassthroughBehavior", "ALWAYS", "IT1013")]
    [InlineData("ContentHandling", "CONVERT_TO_JSON", "IT1014")]
    [InlineData("ResponseTransferMode", "STREAMING", "IT1015")]
    public void Enums_UnknownValuesAreNamed(string field, string value, string id)
    {
        var finding = Assert.Single(Check(RestExamples.HttpProxy((field, value)), id));
        Assert.Contains($"'{value}'", finding.Message);
        Assert.Equal(field, finding.Field);
    }

    [Fact]
    public void Stream_IsForProxyTypesOnly()
    {
        Assert.Empty(Check(RestExamples.LambdaProxy(("ResponseTransferMode", "STREAM")), "IT1015"));
        Assert.Single(Check(RestExamples.HttpProxy(("Type", "HTTP"), ("ResponseTransferMode", "STREAM")), "IT1015"));
        Assert.Empty(Check(RestExamples.HttpProxy(("Type", "HTTP"), ("ResponseTransferMode", "BUFFERED")), "IT1015"));
    }

    // ---- timeout

    [Theory]
    [InlineData(49, null, Severity.Error)]
    [InlineData(50, null, null)]
    [InlineData(29_000, null, null)]
    [InlineData(29_001, null, Severity.Warning)]
    [InlineData(300_000, null, Severity.Warning)]
    [InlineData(300_001, null, Severity.Error)]
    [InlineData(300_001, "STREAM", Severity.Warning)]
    [InlineData(900_000, "STREAM", Severity.Warning)]
    [InlineData(900_001, "STREAM", Severity.Error)]
    public void Timeout_Limits(int timeout, string? mode, Severity? expected)
    {
        var findings = Check(RestExamples.HttpProxy(("TimeoutInMillis", timeout), ("ResponseTransferMode", mode)), "IT1016");
        if (expected == null)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal(expected, finding.Severity);
        if (expected == Severity.Warning)
        {
            Assert.Contains("Maximum integration timeout", finding.Message);
            Assert.Contains("Regional and private", finding.Message);
        }
    }

    // ---- mappings

    [Theory]
    [InlineData("method.request.path.id", true)]
    [InlineData("method.request.querystring.q", true)]
    [InlineData("method.request.header.X-Trace", true)]
    [InlineData("method.request.multivalueheader.Accept", true)]
    [InlineData("method.request.multivaluequerystring.tag", true)]
    [InlineData("method.request.body", true)]
    [InlineData("method.request.body.pet.name", true)]
    [InlineData("'application/json'", true)]
    [InlineData("''", true)]
    [InlineData("context.requestId", true)]
    [InlineData("context.identity.sourceIp", true)]
    [InlineData("stageVariables.backendHost", true)]
    [InlineData("application/json", false)]
    [InlineData("\"static\"", false)]
    [InlineData("method.request.cookie.id", false)]
    [InlineData("$context.requestId", false)]
    [InlineData("method.requst.path.id", false)]
    public void RequestParameterValues(string value, bool valid)
    {
        var findings = Check(RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.header.x-id"] = value })), "IT1018");
        Assert.Equal(valid, findings.Count == 0);
    }

    [Fact]
    public void RequestParameterValue_UnquotedConstant_SaysToQuoteIt()
    {
        var finding = Assert.Single(Check(RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.header.Accept"] = "application/json" })), "IT1018"));
        Assert.Equal("RequestParameters['integration.request.header.Accept']", finding.Field);
        Assert.Contains("\"'application/json'\"", finding.Fix);
    }

    [Theory]
    [InlineData("integration.request.header.x-id", true)]
    [InlineData("integration.request.path.proxy", true)]
    [InlineData("integration.request.querystring.q", true)]
    [InlineData("integration.request.body", false)]
    [InlineData("integration.request.cookie.id", false)]
    [InlineData("x-id", false)]
    public void RequestParameterKeys(string key, bool valid)
    {
        var findings = Check(RestExamples.HttpProxy(("RequestParameters", new Hashtable { [key] = "'v'" })), "IT1017");
        Assert.Equal(valid, findings.Count == 0);
    }

    [Fact]
    public void RequestTemplate_ThatIsNotText_IsAReadingError_AndItsKeyMustBeAContentType()
    {
        var findings = new List<Finding>();
        RestIntegrationDefinition.Read(RestExamples.Mock(("RequestTemplates", new Hashtable { ["application/json"] = new Hashtable { ["statusCode"] = 200 } })), findings);
        var finding = Assert.Single(findings);
        Assert.Equal("IT0003", finding.RuleId);
        Assert.Contains("must be text", finding.Message);

        Assert.Contains("application/json", Assert.Single(Check(RestExamples.Mock(("RequestTemplates", new Hashtable { ["json"] = "{}" })), "IT1019")).Fix);
    }

    [Fact]
    public void TlsConfig_OnlyForHttpTypes()
    {
        Assert.Single(Check(RestExamples.AwsService(("InsecureSkipVerification", true)), "IT1020"));
        Assert.Empty(Check(RestExamples.HttpProxy(("Type", "HTTP"), ("InsecureSkipVerification", true)), "IT1020"));
        Assert.Empty(Check(RestExamples.AwsService(("InsecureSkipVerification", false)), "IT1020"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/apigw", null)]
    [InlineData("arn:aws:iam::123456789012:role/service-role/apigw", null)]
    [InlineData("arn:aws:iam::*:user/*", null)]
    [InlineData("arn:aws-cn:iam::*:user/*", null)]
    [InlineData("arn:aws:iam::123456789012:user/bob", "assumes a role, not a user")]
    [InlineData("apigw", "arn:aws:iam::123456789012:role/apigw")]
    [InlineData("arn:aws:iam::123:role/x", "IAM role ARN")]
    public void Credentials_Forms(string credentials, string? fixContains)
    {
        var findings = Check(RestExamples.AwsService(("Credentials", credentials)), "IT1021");
        if (fixContains == null) Assert.Empty(findings);
        else Assert.Contains(fixContains, Assert.Single(findings).Fix);
    }

    [Fact]
    public void Credentials_OnAnHttpIntegration_AreAWarning()
    {
        Assert.Equal(Severity.Warning, Assert.Single(Check(RestExamples.HttpProxy(("Credentials", "arn:aws:iam::123456789012:role/x")), "IT1021")).Severity);
    }

    [Fact]
    public void CacheKeys_AreMethodRequestParameters_DeclaredByTheMethod()
    {
        var integrationSide = Assert.Single(Check(RestExamples.HttpProxy(("CacheKeyParameters", new[] { "integration.request.querystring.q" })), "IT1022"));
        Assert.Contains("'method.request.querystring.q'", integrationSide.Fix);

        var definition = Read(RestExamples.HttpProxy(("CacheKeyParameters", new[] { "method.request.querystring.q" }),
            ("RequestParameters", new Hashtable { ["integration.request.header.x-id"] = "method.request.header.x-id", ["integration.request.path.id"] = "method.request.path.id" })));
        var rule = new RestDeclaredMethodParameterRule();
        Assert.True(RestDeclaredMethodParameterRule.NeedsMethod(definition));
        Assert.Empty(rule.Check(definition, RuleContext.Offline));
        var findings = rule.Check(definition, new RuleContext(null, null, ["method.request.path.id", "method.request.multivalueheader.x-id"])).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal("CacheKeyParameters", finding.Field);
        Assert.Contains("method.request.multivalueheader.x-id, method.request.path.id", finding.Message);
        Assert.False(RestDeclaredMethodParameterRule.NeedsMethod(Read(RestExamples.Mock())));
    }

    [Fact]
    public void IntegrationTarget_NeedsVpcLinkAndAListenerArn()
    {
        var findings = Check(RestExamples.HttpProxy(("IntegrationTarget", "my-listener")), "IT1024");
        Assert.Equal(2, findings.Count);
    }

    // ---- integration responses

    [Theory]
    [InlineData("200", true)]
    [InlineData("599", true)]
    [InlineData("100", true)]
    [InlineData("099", false)]
    [InlineData("600", false)]
    [InlineData("20", false)]
    [InlineData("2XX", false)]
    public void StatusCodes(string code, bool valid)
    {
        var findings = CheckResponse(RestExamples.Response(("StatusCode", code)), "IT1102");
        Assert.Equal(valid, findings.Count == 0);
    }

    [Theory]
    [InlineData("integration.response.header.x-trace", true)]
    [InlineData("integration.response.multivalueheader.Set-Cookie", true)]
    [InlineData("integration.response.body", true)]
    [InlineData("integration.response.body.id", true)]
    [InlineData("'*'", true)]
    [InlineData("context.requestId", true)]
    [InlineData("stageVariables.origin", true)]
    [InlineData("*", false)]
    [InlineData("integration.response.status", false)]
    public void ResponseParameterValues(string value, bool valid)
    {
        var findings = CheckResponse(RestExamples.Response(("ResponseParameters", new Hashtable { ["method.response.header.X-Value"] = value })), "IT1105");
        Assert.Equal(valid, findings.Count == 0);
    }

    [Fact]
    public void ResponseParameterKey_BareHeaderName_SaysHowToWriteIt()
    {
        var finding = Assert.Single(CheckResponse(RestExamples.Response(("ResponseParameters", new Hashtable { ["X-Trace"] = "'1'" })), "IT1104"));
        Assert.Contains("'method.response.header.X-Trace'", finding.Fix);
    }

    [Fact]
    public void SelectionPattern_ThatDoesNotCompile_IsAWarning()
    {
        Assert.Equal(Severity.Warning, Assert.Single(CheckResponse(RestExamples.Response(("SelectionPattern", "([")), "IT1107")).Severity);
        Assert.Empty(CheckResponse(RestExamples.Response(("SelectionPattern", "")), "IT1107"));
    }

    // ---- reading

    [Fact]
    public void TheAwsCliSkeleton_IsReadWithItsCamelCaseNames_AndEmptyPlaceholdersCountAsNotGiven()
    {
        var skeleton = """
            { "restApiId": "a1b2c3d4e5", "resourceId": "res123", "httpMethod": "get", "type": "HTTP", "integrationHttpMethod": "POST",
              "uri": "https://search.example.com/find", "connectionType": "INTERNET", "connectionId": "", "credentials": "",
              "requestParameters": { "integration.request.querystring.q": "method.request.querystring.term" },
              "requestTemplates": { "application/json": "{}" }, "passthroughBehavior": "when_no_templates", "cacheNamespace": "",
              "cacheKeyParameters": [], "contentHandling": "CONVERT_TO_TEXT", "timeoutInMillis": 12000,
              "tlsConfig": { "insecureSkipVerification": true }, "responseTransferMode": "BUFFERED", "integrationTarget": "" }
            """;
        var findings = new List<Finding>();
        var d = RestIntegrationDefinition.Read(JsonToPlain(skeleton), findings);
        Assert.Empty(findings);
        Assert.Equal("GET", d.HttpMethod);
        Assert.Equal("POST", d.IntegrationHttpMethod);
        Assert.Equal("WHEN_NO_TEMPLATES", d.PassthroughBehavior);
        Assert.Null(d.ConnectionId);
        Assert.Null(d.Credentials);
        Assert.Null(d.IntegrationTarget);
        Assert.True(d.InsecureSkipVerification);
        Assert.Equal(12000, d.TimeoutInMillis);
        Assert.Empty(RuleCatalog.Check(d, RuleContext.Offline));
    }

    [Fact]
    public void AMisspeltKey_NamesTheClosestField()
    {
        var findings = new List<Finding>();
        RestIntegrationDefinition.Read(RestExamples.HttpProxy(("Uri", null), ("Uir", "https://x.example.com")), findings);
        var finding = Assert.Single(findings);
        Assert.Equal("IT0002", finding.RuleId);
        Assert.Contains("Did you mean 'Uri'?", finding.Message);
    }

    internal static RestIntegrationDefinition Read(IDictionary input)
    {
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(input, findings);
        Assert.Empty(findings);
        return definition;
    }

    private static List<Finding> Check(IDictionary input, string id, RuleContext? context = null) =>
        RuleCatalog.Check(Read(input), context ?? RuleContext.Offline).Where(f => f.RuleId == id).ToList();

    private static List<Finding> CheckResponse(IDictionary input, string id)
    {
        var findings = new List<Finding>();
        var definition = RestIntegrationResponseDefinition.Read(input, findings);
        Assert.Empty(findings);
        return RuleCatalog.Check(definition, RuleContext.Offline).Where(f => f.RuleId == id).ToList();
    }

    private static object? JsonToPlain(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return Plain(doc.RootElement);
    }

    private static object? Plain(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().Aggregate(new Hashtable(), (h, p) => { h[p.Name] = Plain(p.Value); return h; }),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.Number => e.GetInt64(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };
}
