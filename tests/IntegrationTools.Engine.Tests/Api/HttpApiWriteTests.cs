using System.Net;
using System.Text.Json;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests.Api;

/// <summary>
/// The changing HTTP/WebSocket API (v2) operations on the wire (apigatewayv2-2018-11-29: camelCase members, 201/204
/// answers), and paging of GetIntegrations, GetRoutes and GetIntegrationResponses over several pages.
/// </summary>
public class HttpApiWriteTests
{
    private static readonly ApiInfo HttpApi = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };
    private static readonly ApiInfo WsApi = new() { ApiId = "ws0123abcd", ProtocolType = "WEBSOCKET" };

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.BodyText!).RootElement;

    private static string[] Members(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task CreateIntegration_SendsCamelCaseMembers_TlsConfigAndResponseParametersAsMapOfMaps()
    {
        var handler = new FakeHandler(_ => Responses.Json("""
            {"integrationId":"int777","integrationType":"HTTP_PROXY","connectionType":"VPC_LINK","connectionId":"vl0abc",
             "integrationUri":"arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
             "integrationMethod":"ANY","payloadFormatVersion":"1.0","tlsConfig":{"serverNameToVerify":"orders.internal"},
             "responseParameters":{"500":{"overwrite:statuscode":"502"}}}
            """, HttpStatusCode.Created));
        using var client = TestSessions.Client(handler);
        var definition = new ApiIntegrationDefinition
        {
            IntegrationType = "HTTP_PROXY",
            ConnectionType = "VPC_LINK",
            ConnectionId = "vl0abc",
            IntegrationUri = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
            IntegrationMethod = "ANY",
            PayloadFormatVersion = "1.0",
            ServerNameToVerify = "orders.internal",
            CredentialsArn = "arn:aws:iam::123456789012:role/r",
            Description = "orders",
            TimeoutInMillis = 12000,
            RequestParameters = new() { ["overwrite:header.x-source"] = "$context.requestId" },
            ResponseParameters = new() { ["500"] = new() { ["overwrite:statuscode"] = "502" } },
        };

        var created = await new ApiV2Service(client.Client).CreateIntegrationAsync(HttpApi, definition, default);

        var request = handler.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations", request.RawPath);
        var body = Body(request);
        Assert.Equal(new[] { "connectionId", "connectionType", "credentialsArn", "description", "integrationMethod", "integrationType", "integrationUri",
            "payloadFormatVersion", "requestParameters", "responseParameters", "timeoutInMillis", "tlsConfig" }, Members(body));
        Assert.Equal("orders.internal", body.GetProperty("tlsConfig").GetProperty("serverNameToVerify").GetString());
        Assert.Equal("502", body.GetProperty("responseParameters").GetProperty("500").GetProperty("overwrite:statuscode").GetString());
        Assert.Equal(12000, body.GetProperty("timeoutInMillis").GetInt32());
        Assert.Equal("$context.requestId", body.GetProperty("requestParameters").GetProperty("overwrite:header.x-source").GetString());
        Assert.Equal("int777", created.IntegrationId);
        Assert.Equal("a1b2c3d4e5", created.ApiId);
        Assert.Equal("HTTP", created.ProtocolType);
        Assert.Equal("orders.internal", created.ServerNameToVerify);
        Assert.Equal("502", created.ResponseParameters["500"]["overwrite:statuscode"]);
    }

    [Fact]
    public async Task CreateIntegration_LeavesOutWhatTheDefinitionDoesNotName_AndBlankValues()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int1","integrationType":"MOCK"}""", HttpStatusCode.Created));
        using var client = TestSessions.Client(handler);

        await new ApiV2Service(client.Client).CreateIntegrationAsync(WsApi, new ApiIntegrationDefinition
        {
            IntegrationType = "MOCK",
            Description = "",
            RequestTemplates = new(),
            ResponseParameters = new(),
        }, default);

        Assert.Equal(new[] { "integrationType" }, Members(Body(handler.Single())));
    }

    [Fact]
    public async Task UpdateIntegration_IsAPatchWithOnlyTheNamedMembers()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int1","integrationType":"HTTP_PROXY","description":"","timeoutInMillis":5000}"""));
        using var client = TestSessions.Client(handler);

        var updated = await new ApiV2Service(client.Client).UpdateIntegrationAsync(HttpApi, "int1",
            new ApiIntegrationDefinition { Description = "", TimeoutInMillis = 5000, RequestParameters = new() { ["append:header.x"] = "" } }, default);

        var request = handler.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations/int1", request.RawPath);
        var body = Body(request);
        Assert.Equal(new[] { "description", "requestParameters", "timeoutInMillis" }, Members(body));
        Assert.Equal("", body.GetProperty("description").GetString());
        Assert.Equal("", body.GetProperty("requestParameters").GetProperty("append:header.x").GetString());
        Assert.Equal(5000, updated.TimeoutInMillis);
    }

    [Fact]
    public async Task UpdateIntegration_SendsMapKeysInOrdinalOrder_WhateverOrderTheDefinitionGaveThem()
    {
        // A PowerShell hashtable enumerates its keys in an order that differs from one process to the next: the same
        // definition sends the same text (and -WhatIf shows it) every time.
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int1","integrationType":"HTTP_PROXY"}"""));
        using var client = TestSessions.Client(handler);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["remove:querystring.debug"] = "",
            ["overwrite:header.x-id"] = "$context.requestId",
            ["append:header.x-tenant"] = "$request.header.x-tenant",
        };
        var responses = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["500"] = new(StringComparer.Ordinal) { ["overwrite:statuscode"] = "502", ["append:header.x-error"] = "yes" },
            ["404"] = new(StringComparer.Ordinal) { ["overwrite:statuscode"] = "410" },
        };

        await new ApiV2Service(client.Client).UpdateIntegrationAsync(HttpApi, "int1",
            new ApiIntegrationDefinition { RequestParameters = parameters, ResponseParameters = responses }, default);

        var expected = """
            {"requestParameters":{"append:header.x-tenant":"$request.header.x-tenant","overwrite:header.x-id":"$context.requestId","remove:querystring.debug":""},
            "responseParameters":{"404":{"overwrite:statuscode":"410"},"500":{"append:header.x-error":"yes","overwrite:statuscode":"502"}}}
            """.ReplaceLineEndings("");
        Assert.Equal(expected, handler.Single().BodyText);
    }

    [Fact]
    public async Task DeleteIntegration_AcceptsTheService204AndMotos200()
    {
        var handler = FakeHandler.Sequence(
            () => new HttpResponseMessage(HttpStatusCode.NoContent),
            () => Responses.Json("{}"));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        await service.DeleteIntegrationAsync("a1b2c3d4e5", "int1", default);
        await service.DeleteIntegrationAsync("a1b2c3d4e5", "int2", default);

        Assert.All(handler.Requests, r => Assert.Equal("DELETE", r.Method));
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations/int2", handler.Requests[1].RawPath);
        Assert.Null(handler.Requests[0].Body);
    }

    [Fact]
    public void TheWhatIfPreviewIsTheRequestWithItsBody()
    {
        var request = ApiV2Service.CreateIntegrationRequest("a1b2c3d4e5", new ApiIntegrationDefinition { IntegrationType = "AWS_PROXY", IntegrationUri = "arn:aws:lambda:us-east-1:123456789012:function:f", PayloadFormatVersion = "2.0" });
        Assert.Equal("POST /v2/apis/a1b2c3d4e5/integrations {\"integrationType\":\"AWS_PROXY\",\"integrationUri\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"payloadFormatVersion\":\"2.0\"}", request.Preview());
        Assert.Equal("DELETE /v2/apis/a1b2c3d4e5/integrations/int1", ApiV2Service.DeleteIntegrationRequest("a1b2c3d4e5", "int1").Preview());
    }

    [Fact]
    public async Task GetIntegrations_FollowsNextTokenOverThreePages()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"items":[{"integrationId":"i1","integrationType":"AWS_PROXY"},{"integrationId":"i2","integrationType":"HTTP_PROXY"}],"nextToken":"t2"}"""),
            () => Responses.Json("""{"items":[{"integrationId":"i3","integrationType":"HTTP_PROXY"}],"nextToken":"t3"}"""),
            () => Responses.Json("""{"items":[{"integrationId":"i4","integrationType":"AWS_PROXY"}]}"""));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await service.GetIntegrationsPageAsync(HttpApi, token, default, pageSize: 2);
            ids.AddRange(page.Items.Select(i => i.IntegrationId));
            token = page.NextToken;
            pages++;
        }
        while (token != null);

        Assert.Equal(3, pages);
        Assert.Equal(new[] { "i1", "i2", "i3", "i4" }, ids);
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "2" }, handler.Requests[0].Query());
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "2", ["nextToken"] = "t2" }, handler.Requests[1].Query());
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "2", ["nextToken"] = "t3" }, handler.Requests[2].Query());
    }

    [Fact]
    public async Task GetRoutes_FollowsNextToken()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"items":[{"routeId":"r1","routeKey":"GET /orders","target":"integrations/int1"}],"nextToken":"p2"}"""),
            () => Responses.Json("""{"items":[{"routeId":"r2","routeKey":"$default","target":"integrations/int2","apiGatewayManaged":true}],"nextToken":"p3"}"""),
            () => Responses.Json("""{"items":[{"routeId":"r3","routeKey":"POST /orders"}]}"""));
        using var client = TestSessions.Client(handler);

        var routes = await new ApiV2Service(client.Client).GetRoutesAsync("a1b2c3d4e5", default);

        Assert.Equal(new[] { "r1", "r2", "r3" }, routes.Select(r => r.RouteId));
        Assert.Equal("integrations/int1", routes[0].Target);
        Assert.True(routes[1].ApiGatewayManaged);
        Assert.Null(routes[2].Target);
        Assert.Equal("/v2/apis/a1b2c3d4e5/routes", handler.Requests[0].RawPath);
        Assert.Equal("p3", handler.Requests[2].Query()["nextToken"]);
    }

    [Fact]
    public async Task IntegrationResponses_CreateGetListAndDelete()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"integrationResponseId":"ir1","integrationResponseKey":"$default","responseTemplates":{"$default":"{}"},"templateSelectionExpression":"\\$default","contentHandlingStrategy":"CONVERT_TO_TEXT","responseParameters":{"method.response.header.x":"integration.response.header.y"}}""", HttpStatusCode.Created),
            () => Responses.Json("""{"integrationResponseId":"ir1","integrationResponseKey":"$default"}"""),
            () => Responses.Json("""{"items":[{"integrationResponseId":"ir1","integrationResponseKey":"$default"}],"nextToken":"n2"}"""),
            () => Responses.Json("""{"items":[{"integrationResponseId":"ir2","integrationResponseKey":"/2\\d\\d/"}]}"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        var created = await service.CreateIntegrationResponseAsync(WsApi, "int9", new ApiIntegrationResponseDefinition
        {
            IntegrationResponseKey = "$default",
            ResponseTemplates = new() { ["$default"] = "{}" },
            TemplateSelectionExpression = "\\$default",
            ContentHandlingStrategy = "CONVERT_TO_TEXT",
            ResponseParameters = new() { ["method.response.header.x"] = "integration.response.header.y" },
        }, default);
        var one = await service.GetIntegrationResponseAsync(WsApi, "int9", "ir1", default);
        var first = await service.GetIntegrationResponsesPageAsync(WsApi, "int9", null, default);
        var second = await service.GetIntegrationResponsesPageAsync(WsApi, "int9", first.NextToken, default);
        await service.DeleteIntegrationResponseAsync("ws0123abcd", "int9", "ir1", default);

        var create = handler.Requests[0];
        Assert.Equal("/v2/apis/ws0123abcd/integrations/int9/integrationresponses", create.RawPath);
        Assert.Equal(new[] { "contentHandlingStrategy", "integrationResponseKey", "responseParameters", "responseTemplates", "templateSelectionExpression" }, Members(Body(create)));
        Assert.Equal("ir1", created.IntegrationResponseId);
        Assert.Equal("int9", created.IntegrationId);
        Assert.Equal("WEBSOCKET", created.ProtocolType);
        Assert.Equal("{}", created.ResponseTemplates["$default"]);
        Assert.Equal("/v2/apis/ws0123abcd/integrations/int9/integrationresponses/ir1", handler.Requests[1].RawPath);
        Assert.Equal("$default", one.IntegrationResponseKey);
        Assert.Equal("n2", handler.Requests[3].Query()["nextToken"]);
        Assert.Null(second.NextToken);
        Assert.Equal("/2\\d\\d/", second.Items[0].IntegrationResponseKey);
        Assert.Equal("DELETE", handler.Requests[4].Method);
        Assert.Equal("/v2/apis/ws0123abcd/integrations/int9/integrationresponses/ir1", handler.Requests[4].RawPath);
    }

    [Fact]
    public async Task GetVpcLink_MapsTheLink()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"vpcLinkId":"vl0abc","name":"orders","vpcLinkStatus":"PENDING","vpcLinkStatusMessage":"creating","vpcLinkVersion":"V2"}"""));
        using var client = TestSessions.Client(handler);

        var link = await new ApiV2Service(client.Client).GetVpcLinkAsync("vl0abc", default);

        Assert.Equal("/v2/vpclinks/vl0abc", handler.Single().RawPath);
        Assert.Equal("PENDING", link.VpcLinkStatus);
        Assert.Equal("creating", link.VpcLinkStatusMessage);
    }

    // ---- The planner: what is checked and read before sending ----------------------------------------------------

    [Fact]
    public async Task PlanCreate_RefusesAnHttpTypeOnAnHttpApiWithoutSending()
    {
        var handler = new FakeHandler(r => throw new Xunit.Sdk.XunitException($"Nothing should be sent: {r.Method} {r.Uri}"));
        using var client = TestSessions.Client(handler);

        var plan = await new ApiIntegrationPlanner(new ApiV2Service(client.Client)).PlanCreateAsync(HttpApi, "us-east-1",
            new ApiIntegrationDefinition { IntegrationType = "HTTP", IntegrationUri = "https://e.com", IntegrationMethod = "GET" }, null, null, default);

        Assert.False(plan.MaySend);
        Assert.Contains(plan.Findings, f => f.RuleId == "IT2002");
        Assert.Empty(handler.Requests);
        Assert.Equal("POST /v2/apis/a1b2c3d4e5/integrations", plan.Request.Describe());
    }

    [Fact]
    public async Task PlanCreate_AKindForTheOtherProtocolReportsOnlyThat()
    {
        using var client = TestSessions.Client(new FakeHandler(_ => throw new Xunit.Sdk.XunitException("nothing to send")));
        var findings = new List<Finding>();
        var definition = ApiIntegrationKind.HttpLambdaProxy.Build(new ApiIntegrationKindInput { ApiId = "ws0123abcd", FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:chat" }, "us-east-1", findings);

        var plan = await new ApiIntegrationPlanner(new ApiV2Service(client.Client)).PlanCreateAsync(WsApi, "us-east-1", definition, ApiIntegrationKind.HttpLambdaProxy, findings, default);

        var finding = Assert.Single(plan.Findings);
        Assert.Equal("IT2000", finding.RuleId);
        Assert.Contains("WebSocket API", finding.Message);
        Assert.Contains("-IntegrationType AWS_PROXY", finding.Fix);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, null, Severity.Error)]
    [InlineData(HttpStatusCode.OK, "PENDING", Severity.Warning)]
    [InlineData(HttpStatusCode.OK, "FAILED", Severity.Error)]
    [InlineData(HttpStatusCode.OK, "AVAILABLE", null)]
    public async Task PlanCreate_ChecksTheVpcLinkOfAPrivateIntegration(HttpStatusCode status, string? linkStatus, Severity? expected)
    {
        var handler = new FakeHandler(_ => status == HttpStatusCode.NotFound
            ? Responses.Error(HttpStatusCode.NotFound, "NotFoundException", """{"message":"Invalid VPC link identifier specified"}""")
            : Responses.Json($$"""{"vpcLinkId":"vl0abc","vpcLinkStatus":"{{linkStatus}}"}"""));
        using var client = TestSessions.Client(handler);
        var findings = new List<Finding>();
        var definition = ApiIntegrationKind.HttpPrivate.Build(new ApiIntegrationKindInput
        {
            ApiId = HttpApi.ApiId,
            ConnectionId = "vl0abc",
            IntegrationUri = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-e4anhexw6hcouhwd",
        }, "us-east-1", findings);

        var plan = await new ApiIntegrationPlanner(new ApiV2Service(client.Client)).PlanCreateAsync(HttpApi, "us-east-1", definition, ApiIntegrationKind.HttpPrivate, findings, default);

        Assert.Equal("/v2/vpclinks/vl0abc", handler.Single().RawPath);
        if (expected == null) Assert.Empty(plan.Findings);
        else Assert.Equal(expected, Assert.Single(plan.Findings, f => f.RuleId == "IT2030").Severity);
    }

    [Fact]
    public async Task PlanUpdate_ChecksTheIntegrationAsItWillBe_AndSendsOnlyThePatch()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int1","integrationType":"HTTP_PROXY","integrationUri":"https://e.com","integrationMethod":"ANY","payloadFormatVersion":"1.0","timeoutInMillis":30000}"""));
        using var client = TestSessions.Client(handler);
        var planner = new ApiIntegrationPlanner(new ApiV2Service(client.Client));

        var ok = await planner.PlanUpdateAsync(HttpApi, "us-east-1", "int1", new ApiIntegrationDefinition { TimeoutInMillis = 10000 }, null, default);
        var bad = await planner.PlanUpdateAsync(HttpApi, "us-east-1", "int1", new ApiIntegrationDefinition { PayloadFormatVersion = "2.0" }, null, default);

        Assert.True(ok.MaySend);
        Assert.Equal(10000, ok.Definition.TimeoutInMillis);
        Assert.Equal("https://e.com", ok.Definition.IntegrationUri);
        Assert.Equal(new[] { "timeoutInMillis" }, Members(JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(ok.Request.Body, ok.Request.Body!.GetType(), new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull })).RootElement));
        Assert.Equal("PATCH /v2/apis/a1b2c3d4e5/integrations/int1", ok.Request.Describe());
        Assert.False(bad.MaySend);
        Assert.Contains(bad.Findings, f => f.RuleId == "IT2005");
        Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task PlanRemove_NamesTheRoutesThatTargetTheIntegration()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"integrationId":"int1","integrationType":"AWS_PROXY"}"""),
            () => Responses.Json("""{"items":[{"routeId":"r1","routeKey":"GET /orders","target":"integrations/int1"},{"routeId":"r9","routeKey":"GET /other","target":"integrations/int10"}],"nextToken":"p2"}"""),
            () => Responses.Json("""{"items":[{"routeId":"r2","routeKey":"POST /orders","target":"integrations/int1"}]}"""));
        using var client = TestSessions.Client(handler);

        var removal = await new ApiIntegrationPlanner(new ApiV2Service(client.Client)).PlanRemoveAsync(HttpApi, "int1", default);

        Assert.Equal(new[] { "r1", "r2" }, removal.RoutesTargeting.Select(r => r.RouteId));
        Assert.NotNull(removal.Refusal);
        Assert.Contains("2 routes still target it: 'GET /orders' (r1), 'POST /orders' (r2)", removal.Refusal);
        Assert.Contains("update-route", removal.Fix);
        Assert.Equal("DELETE /v2/apis/a1b2c3d4e5/integrations/int1", removal.Request.Describe());
    }

    [Fact]
    public void RouteGuard_AManagedIntegrationIsRefusedToo()
    {
        var refusal = RouteGuard.Refusal(new ApiIntegration { ApiId = "a", IntegrationId = "i", ApiGatewayManaged = true }, Array.Empty<ApiRoute>(), out var fix);
        Assert.Contains("managed by API Gateway", refusal);
        Assert.Contains("Set-ApiIntegration", fix);
        Assert.Null(RouteGuard.Refusal(new ApiIntegration { ApiId = "a", IntegrationId = "i" }, Array.Empty<ApiRoute>(), out _));
    }
}
