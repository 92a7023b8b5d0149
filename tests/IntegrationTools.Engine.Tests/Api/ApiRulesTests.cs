using System.Collections;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests.Api;

/// <summary>Every HTTP/WebSocket API rule: its failing example finds it, its passing example does not, and the ids are stable.</summary>
public class ApiRulesTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in ApiRules.All) data.Add(rule.Info.Id);
        return data;
    }

    public static TheoryData<string> ResponseRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in ApiIntegrationResponseRules.All) data.Add(rule.Info.Id);
        return data;
    }

    private static Rule<ApiIntegrationDefinition> RuleById(string id) => ApiRules.All.Single(r => r.Info.Id == id);

    private static ApiIntegrationDefinition Read(IDictionary example)
    {
        var findings = new List<Finding>();
        var definition = ApiIntegrationDefinition.Read(example, findings, "example");
        Assert.Empty(findings);
        return definition;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void TheFailingExampleFindsTheRule(string id)
    {
        var rule = RuleById(id);
        var findings = rule.Check(Read(rule.FailingExample), rule.ExampleContext).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Equal(id, f.RuleId);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ThePassingExamplePassesTheRule(string id)
    {
        var rule = RuleById(id);
        Assert.Empty(rule.Check(Read(rule.PassingExample), rule.ExampleContext));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ThePassingExamplePassesTheWholeCatalog(string id)
    {
        // Examples are shown in help as what to write: they must be right, not only right for their own rule.
        var rule = RuleById(id);
        Assert.Empty(RuleCatalog.Check(Read(rule.PassingExample), rule.ExampleContext));
    }

    [Theory]
    [MemberData(nameof(ResponseRuleIds))]
    public void IntegrationResponseRules_FailingFindsAndPassingPasses(string id)
    {
        var rule = ApiIntegrationResponseRules.All.Single(r => r.Info.Id == id);
        var findings = new List<Finding>();
        var failing = ApiIntegrationResponseDefinition.Read(rule.FailingExample, findings, "example");
        var passing = ApiIntegrationResponseDefinition.Read(rule.PassingExample, findings, "example");
        Assert.Empty(findings);
        Assert.NotEmpty(rule.Check(failing, rule.ExampleContext));
        Assert.All(rule.Check(failing, rule.ExampleContext), f => Assert.Equal(id, f.RuleId));
        Assert.Empty(rule.Check(passing, rule.ExampleContext));
        Assert.Empty(RuleCatalog.Check(passing, rule.ExampleContext));
    }

    [Fact]
    public void RuleIdsAreStableUniqueAndDocumented()
    {
        var mine = ApiRules.All.Select(r => r.Info)
            .Concat(ApiContextRules.All)
            .Concat(ApiIntegrationResponseRules.All.Select(r => r.Info))
            .ToList();
        Assert.All(mine, info =>
        {
            Assert.Matches(@"^IT2\d{3}$", info.Id);
            Assert.False(string.IsNullOrWhiteSpace(info.Title));
            Assert.False(string.IsNullOrWhiteSpace(info.Rationale));
        });
        Assert.Equal(mine.Count, mine.Select(i => i.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 22).Select(i => $"IT20{i:00}"), ApiRules.All.Select(r => r.Info.Id));
        // The catalog lists every one of them, and no other rule uses their ids.
        var catalog = RuleCatalog.All.ToList();
        foreach (var info in mine) Assert.Single(catalog, c => c.Id == info.Id);
    }

    // ---- Checks beyond the examples -------------------------------------------------------------------------------

    private static readonly RuleContext Http = new("us-east-1", "HTTP");
    private static readonly RuleContext WebSocket = new("us-east-1", "WEBSOCKET");

    private static List<Finding> Check(RuleContext context, params (string Key, object Value)[] fields)
    {
        var table = new Hashtable { ["ApiId"] = "a1b2c3d4e5" };
        foreach (var (key, value) in fields) table[key] = value;
        return RuleCatalog.Check(Read(table), context);
    }

    private static IEnumerable<string> Ids(IEnumerable<Finding> findings) => findings.Select(f => f.RuleId).Distinct().Order();

    [Theory]
    [InlineData("HTTP")]
    [InlineData("AWS")]
    [InlineData("MOCK")]
    public void HttpApisRefuseTypesOtherThanTheProxies(string type)
    {
        var findings = Check(Http, ("IntegrationType", type), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "GET"));
        Assert.Contains(findings, f => f.RuleId == "IT2002" && f.Message.Contains(type));
    }

    [Fact]
    public void TheProtocolFromTheDefinitionCountsWhenTheContextHasNone()
    {
        var findings = Check(RuleContext.Offline, ("IntegrationType", "MOCK"), ("ProtocolType", "HTTP"));
        Assert.Contains(findings, f => f.RuleId == "IT2002");
    }

    [Fact]
    public void AnUnknownTypeIsNamedWithTheClosestOne()
    {
        var finding = Assert.Single(Check(Http, ("IntegrationType", "HTTP_PROXI"), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "GET"), ("PayloadFormatVersion", "1.0")), f => f.RuleId == "IT2001");
        Assert.Contains("Did you mean 'HTTP_PROXY'?", finding.Message);
        var lower = Assert.Single(Check(Http, ("IntegrationType", "http_proxy"), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "GET"), ("PayloadFormatVersion", "1.0")), f => f.RuleId == "IT2001");
        Assert.Contains("upper-case", lower.Message);
        Assert.Contains(Check(Http), f => f.RuleId == "IT2001" && f.Message.Contains("no IntegrationType"));
    }

    [Theory]
    [InlineData("RequestTemplates")]
    [InlineData("TemplateSelectionExpression")]
    [InlineData("PassthroughBehavior")]
    [InlineData("ContentHandlingStrategy")]
    public void WebSocketOnlyFieldsAreRefusedOnHttpApis(string field)
    {
        object value = field == "RequestTemplates" ? new Hashtable { ["application/json"] = "{}" }
            : field == "PassthroughBehavior" ? "NEVER" : field == "ContentHandlingStrategy" ? "CONVERT_TO_TEXT" : "\\$default";
        var findings = Check(Http, ("IntegrationType", "HTTP_PROXY"), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"), (field, value));
        var finding = Assert.Single(findings);
        Assert.Equal("IT2003", finding.RuleId);
        Assert.Equal(field, finding.Field);
        // The same on a WebSocket API is fine.
        Assert.DoesNotContain(Check(WebSocket, ("IntegrationType", "HTTP_PROXY"), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "ANY"), (field, value)), f => f.RuleId == "IT2003");
    }

    [Theory]
    [InlineData("2.0", "AWS_PROXY", null, true)]
    [InlineData("1.0", "AWS_PROXY", null, true)]
    [InlineData("2.0", "HTTP_PROXY", null, false)]
    [InlineData("2.0", "AWS_PROXY", "SQS-SendMessage", false)]
    [InlineData("3.0", "AWS_PROXY", null, false)]
    public void PayloadFormat20IsOnlyForLambdaProxies(string version, string type, string? subtype, bool ok)
    {
        var fields = new List<(string, object)> { ("IntegrationType", type), ("PayloadFormatVersion", version) };
        if (subtype != null) fields.Add(("IntegrationSubtype", subtype));
        var findings = Check(Http, fields.ToArray());
        Assert.Equal(ok, !findings.Any(f => f.RuleId == "IT2005"));
    }

    [Fact]
    public void WebSocketApisTakeOnlyPayloadFormat10()
    {
        var uri = LambdaUris.InvocationUri("arn:aws:lambda:us-east-1:123456789012:function:chat", "us-east-1");
        Assert.Contains(Check(WebSocket, ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", uri), ("IntegrationMethod", "POST"), ("PayloadFormatVersion", "2.0")), f => f.RuleId == "IT2005");
        Assert.Empty(Check(WebSocket, ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", uri), ("IntegrationMethod", "POST"), ("PayloadFormatVersion", "1.0")));
    }

    public static TheoryData<string> Subtypes()
    {
        var data = new TheoryData<string>();
        foreach (var subtype in ApiIntegrationValues.Subtypes) data.Add(subtype.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Subtypes))]
    public void EachSubtypeNeedsEachOfItsRequiredParameters(string name)
    {
        var subtype = ApiIntegrationValues.FindSubtype(name)!;
        Hashtable Parameters(IEnumerable<string> keys)
        {
            var table = new Hashtable();
            foreach (var key in keys) table[key] = "$request.body." + key.ToLowerInvariant();
            return table;
        }
        List<Finding> With(Hashtable parameters) => Check(Http,
            ("IntegrationType", "AWS_PROXY"), ("IntegrationSubtype", name), ("PayloadFormatVersion", "1.0"),
            ("CredentialsArn", "arn:aws:iam::123456789012:role/apigw"), ("RequestParameters", parameters));

        Assert.Empty(With(Parameters(subtype.Required)));
        Assert.Empty(With(Parameters(subtype.All)));
        foreach (var missing in subtype.Required)
        {
            var finding = Assert.Single(With(Parameters(subtype.Required.Where(r => r != missing))));
            Assert.Equal("IT2008", finding.RuleId);
            Assert.Contains($"'{missing}'", finding.Message);
        }
        var unknown = Assert.Single(With(Parameters(subtype.Required.Append("NotAParameter"))));
        Assert.Equal("IT2008", unknown.RuleId);
    }

    [Fact]
    public void TheRequiredParametersOfTheSubtypesAreTheDocumentedOnes()
    {
        string Required(string name) => string.Join(",", ApiIntegrationValues.FindSubtype(name)!.Required.Order());
        Assert.Equal("MessageBody,QueueUrl", Required("SQS-SendMessage"));
        Assert.Equal("QueueUrl", Required("SQS-ReceiveMessage"));
        Assert.Equal("QueueUrl,ReceiptHandle", Required("SQS-DeleteMessage"));
        Assert.Equal("QueueUrl", Required("SQS-PurgeQueue"));
        Assert.Equal("Detail,DetailType,Source", Required("EventBridge-PutEvents"));
        Assert.Equal("StateMachineArn", Required("StepFunctions-StartExecution"));
        Assert.Equal("StateMachineArn", Required("StepFunctions-StartSyncExecution"));
        Assert.Equal("ExecutionArn", Required("StepFunctions-StopExecution"));
        Assert.Equal("Data,PartitionKey,StreamName", Required("Kinesis-PutRecord"));
        Assert.Equal("Application,ClientId,Configuration,Environment", Required("AppConfig-GetConfiguration"));
    }

    [Fact]
    public void ASubtypeNeedsAwsProxyAKnownNameAndARole()
    {
        var findings = Check(Http, ("IntegrationType", "HTTP_PROXY"), ("IntegrationSubtype", "sqs-sendmessage"), ("IntegrationUri", "https://example.com"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"));
        Assert.Contains(findings, f => f.RuleId == "IT2007" && f.Message.Contains("Did you mean 'SQS-SendMessage'?"));
        Assert.Contains(findings, f => f.RuleId == "IT2007" && f.Message.Contains("AWS_PROXY"));
        Assert.Contains(findings, f => f.RuleId == "IT2009");
        // A subtype on a WebSocket API.
        Assert.Contains(Check(WebSocket, ("IntegrationType", "AWS_PROXY"), ("IntegrationSubtype", "SQS-PurgeQueue"), ("CredentialsArn", "arn:aws:iam::123456789012:role/r"), ("RequestParameters", new Hashtable { ["QueueUrl"] = "q" })), f => f.RuleId == "IT2004");
    }

    [Theory]
    [InlineData("HTTP", "arn:aws:lambda:us-east-1:123456789012:function:orders", true)]
    [InlineData("HTTP", "arn:aws:lambda:us-east-1:123456789012:function:orders:live", true)]
    [InlineData("HTTP", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations", true)]
    [InlineData("HTTP", "orders", false)]
    [InlineData("HTTP", "https://orders.example.com", false)]
    [InlineData("WEBSOCKET", "arn:aws:lambda:us-east-1:123456789012:function:orders", false)]
    [InlineData("WEBSOCKET", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations", true)]
    public void LambdaProxyUrisFitTheProtocol(string protocol, string uri, bool ok)
    {
        var context = new RuleContext("us-east-1", protocol);
        var findings = Check(context, ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", uri), ("IntegrationMethod", "POST"), ("PayloadFormatVersion", protocol == "HTTP" ? "2.0" : "1.0"));
        Assert.Equal(ok, !findings.Any(f => f.RuleId == "IT2010"));
        if (!ok && uri == "orders") Assert.Contains(findings, f => f.Message.Contains("function name") && f.Fix.Contains("function:orders"));
        if (!ok && protocol == "WEBSOCKET") Assert.Contains(findings, f => f.Fix.Contains("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"));
    }

    [Theory]
    [InlineData("MOCK", "https://example.com", false)]
    [InlineData("MOCK", null, true)]
    [InlineData("HTTP", "ftp://example.com", false)]
    [InlineData("HTTP", null, false)]
    [InlineData("HTTP", "https://chat.example.com/{proxy}", true)]
    [InlineData("AWS", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/chat", true)]
    [InlineData("AWS", "arn:aws:sqs:us-east-1:123456789012:chat", false)]
    public void WebSocketUrisFitTheType(string type, string? uri, bool ok)
    {
        var fields = new List<(string, object)> { ("IntegrationType", type), ("IntegrationMethod", "POST") };
        if (uri != null) fields.Add(("IntegrationUri", uri));
        Assert.Equal(ok, !Check(WebSocket, fields.ToArray()).Any(f => f.RuleId == "IT2010"));
    }

    [Theory]
    [InlineData("HTTP_PROXY", null, false)]
    [InlineData("HTTP_PROXY", "get", false)]
    [InlineData("HTTP_PROXY", "FETCH", false)]
    [InlineData("HTTP_PROXY", "ANY", true)]
    [InlineData("AWS_PROXY", "GET", false)]
    [InlineData("AWS_PROXY", null, true)]
    public void IntegrationMethodsOnHttpApis(string type, string? method, bool ok)
    {
        var fields = new List<(string, object)> { ("IntegrationType", type), ("PayloadFormatVersion", "1.0") };
        fields.Add(("IntegrationUri", type == "AWS_PROXY" ? "arn:aws:lambda:us-east-1:123456789012:function:orders" : "https://example.com"));
        if (method != null) fields.Add(("IntegrationMethod", method));
        Assert.Equal(ok, !Check(Http, fields.ToArray()).Any(f => f.RuleId == "IT2011"));
    }

    [Theory]
    [InlineData("HTTP", 50, true)]
    [InlineData("HTTP", 30000, true)]
    [InlineData("HTTP", 30001, false)]
    [InlineData("HTTP", 49, false)]
    [InlineData("WEBSOCKET", 29000, true)]
    [InlineData("WEBSOCKET", 29001, false)]
    [InlineData("WEBSOCKET", 30000, false)]
    public void TimeoutRangesDependOnTheProtocol(string protocol, int timeout, bool ok)
    {
        var context = new RuleContext("us-east-1", protocol);
        var findings = Check(context, ("IntegrationType", protocol == "HTTP" ? "HTTP_PROXY" : "MOCK"), ("TimeoutInMillis", timeout));
        Assert.Equal(ok, !findings.Any(f => f.RuleId == "IT2014"));
    }

    [Fact]
    public void TlsAndVpcLinkBelongToPrivateIntegrations()
    {
        Assert.Contains(Check(Http, ("IntegrationType", "HTTP_PROXY"), ("IntegrationUri", "https://e.com"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"), ("ConnectionId", "vl1")), f => f.RuleId == "IT2013" && f.Field == "ConnectionId");
        var listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/orders/50dc6c495c0c9188/0467ef3c8400ae65";
        Assert.Empty(Check(Http, ("IntegrationType", "HTTP_PROXY"), ("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1"), ("IntegrationUri", listener), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"), ("ServerNameToVerify", "orders.internal")));
        var wrongType = Check(Http, ("IntegrationType", "AWS_PROXY"), ("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1"), ("IntegrationUri", listener), ("PayloadFormatVersion", "1.0"));
        Assert.Contains(wrongType, f => f.RuleId == "IT2013" && f.Field == "IntegrationType");
        Assert.Contains(Check(Http, ("IntegrationType", "HTTP_PROXY"), ("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0")), f => f.RuleId == "IT2013" && f.Field == "IntegrationUri");
    }

    [Theory]
    [InlineData("ConnectionType", "internet", "The service wants 'INTERNET'")]
    [InlineData("PassthroughBehavior", "WHEN_NO_MATCHES", "Did you mean 'WHEN_NO_MATCH'?")]
    [InlineData("ContentHandlingStrategy", "CONVERT_TO_BINARI", "Did you mean 'CONVERT_TO_BINARY'?")]
    public void EnumValuesAreNamedWithTheFix(string field, string value, string hint)
    {
        var finding = Assert.Single(Check(WebSocket, ("IntegrationType", "MOCK"), (field, value)), f => f.RuleId == "IT2015");
        Assert.Contains(hint, finding.Message);
        Assert.Equal(field, finding.Field);
    }

    [Theory]
    [InlineData("overwrite:header.x-source", "$context.requestId", null)]
    [InlineData("append:querystring.version", "2", null)]
    [InlineData("remove:header.x-debug", "''", null)]
    [InlineData("overwrite:path", "/v2/${request.path.id}", null)]
    [InlineData("header.x-source", "$context.requestId", "IT2016")]
    [InlineData("integration.request.header.x", "$context.requestId", "IT2016")]
    [InlineData("replace:header.x", "1", "IT2016")]
    [InlineData("overwrite:header.Authorization", "$request.header.token", "IT2017")]
    [InlineData("append:header.X-Amz-Date", "now", "IT2017")]
    [InlineData("overwrite:header.access-control-allow-origin", "*", "IT2017")]
    [InlineData("overwrite:header.x-user", "$request.headers.user", "IT2018")]
    [InlineData("overwrite:header.x-user", "${requests.header.user}", "IT2018")]
    [InlineData("overwrite:header.x-stage", "$stageVariables.env", null)]
    [InlineData("overwrite:header.x-price", "costs $5", null)]
    public void HttpApiRequestParameterMappings(string key, string value, string? ruleId)
    {
        var findings = Check(Http, ("IntegrationType", "HTTP_PROXY"), ("IntegrationUri", "https://e.com"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"),
            ("RequestParameters", new Hashtable { [key] = value }));
        Assert.Equal(ruleId == null ? "" : ruleId, string.Join(",", Ids(findings)));
    }

    [Theory]
    [InlineData("200", "overwrite:statuscode", "204", null)]
    [InlineData("599", "append:header.x-error", "$response.header.x-error", null)]
    [InlineData("199", "overwrite:statuscode", "204", "IT2019")]
    [InlineData("600", "overwrite:statuscode", "204", "IT2019")]
    [InlineData("5xx", "overwrite:statuscode", "502", "IT2019")]
    [InlineData("500", "overwrite:body", "x", "IT2019")]
    [InlineData("500", "overwrite:statuscode", "bad", "IT2018")]
    [InlineData("500", "remove:header.Content-Length", "", "IT2017")]
    public void HttpApiResponseParameters(string status, string key, string value, string? ruleId)
    {
        var findings = Check(Http, ("IntegrationType", "HTTP_PROXY"), ("IntegrationUri", "https://e.com"), ("IntegrationMethod", "ANY"), ("PayloadFormatVersion", "1.0"),
            ("ResponseParameters", new Hashtable { [status] = new Hashtable { [key] = value } }));
        Assert.Equal(ruleId == null ? "" : ruleId, string.Join(",", Ids(findings)));
    }

    [Theory]
    [InlineData("integration.request.header.x-connection", "context.connectionId", true)]
    [InlineData("integration.request.querystring.room", "route.request.body.room", true)]
    [InlineData("integration.request.path.id", "'static'", true)]
    [InlineData("overwrite:header.x", "context.connectionId", false)]
    [InlineData("integration.request.header.x", "static", false)]
    public void WebSocketRequestParameters(string key, string value, bool ok)
    {
        var findings = Check(WebSocket, ("IntegrationType", "HTTP"), ("IntegrationUri", "https://e.com"), ("IntegrationMethod", "POST"), ("RequestParameters", new Hashtable { [key] = value }));
        Assert.Equal(ok, !findings.Any(f => f.RuleId == "IT2020"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/apigw", true)]
    [InlineData("arn:aws:iam::123456789012:role/service-role/apigw", true)]
    [InlineData("arn:aws:iam::*:user/*", true)]
    [InlineData("arn:aws:iam::123456789012:user/alice", false)]
    [InlineData("apigw", false)]
    public void CredentialsAreRoleArns(string arn, bool ok)
    {
        var findings = Check(Http, ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", "arn:aws:lambda:us-east-1:123456789012:function:f"), ("PayloadFormatVersion", "2.0"), ("CredentialsArn", arn));
        Assert.Equal(ok, !findings.Any(f => f.RuleId == "IT2022"));
    }

    [Fact]
    public void LongValuesAreRefused()
    {
        var findings = Check(WebSocket, ("IntegrationType", "MOCK"), ("RequestTemplates", new Hashtable { ["$default"] = new string('x', 32769) }));
        var finding = Assert.Single(findings);
        Assert.Equal("IT2021", finding.RuleId);
        Assert.Equal("RequestTemplates.$default", finding.Field);
    }

    [Theory]
    [InlineData("$default", true)]
    [InlineData("/2\\d\\d/", true)]
    [InlineData("/4\\d\\d|5\\d\\d/", true)]
    [InlineData("default", false)]
    [InlineData("200", false)]
    [InlineData("/[2/", false)]
    [InlineData("", false)]
    public void IntegrationResponseKeys(string key, bool ok)
    {
        var definition = new ApiIntegrationResponseDefinition { ApiId = "ws", IntegrationId = "i", IntegrationResponseKey = key };
        Assert.Equal(ok, RuleCatalog.Check(definition, WebSocket).Count == 0);
    }

    [Fact]
    public void IntegrationResponsesAreRefusedOnHttpApis()
    {
        var definition = new ApiIntegrationResponseDefinition { ApiId = "h", IntegrationId = "i", IntegrationResponseKey = "$default" };
        var finding = Assert.Single(RuleCatalog.Check(definition, Http));
        Assert.Equal("IT2101", finding.RuleId);
        Assert.Contains("Set-ApiIntegration", finding.Fix);
    }
}
