using System.Collections;
using System.Net;
using System.Text.Json;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests.Rest;

/// <summary>
/// The REST integration operations on the wire, against answers shaped like the API reference (PutIntegration 201,
/// UpdateIntegration 200, DeleteIntegration 204, ...). UpdateIntegration is tested only here: moto answers it with 500.
/// </summary>
public class RestIntegrationOperationsTests
{
    private static readonly RestMethodTarget Target = new("abc123", "res456", "/pets/{id}", "GET");

    private const string PutAnswer = """
        {"type":"HTTP_PROXY","httpMethod":"GET","uri":"https://petstore.example.com/pets/{id}","connectionType":"INTERNET",
         "requestParameters":{"integration.request.path.id":"method.request.path.id"},"passthroughBehavior":"WHEN_NO_MATCH",
         "timeoutInMillis":5000,"cacheNamespace":"res456","cacheKeyParameters":[],"tlsConfig":{"insecureSkipVerification":true}}
        """;

    private static (RestApiService Service, FakeHandler Handler, ApiGatewayClientWithLog Client) Create(params Func<HttpResponseMessage>[] responses)
    {
        var handler = FakeHandler.Sequence(responses);
        var client = TestSessions.Client(handler);
        return (new RestApiService(client.Client), handler, client);
    }

    private static RestIntegrationDefinition Definition(params (string Key, object? Value)[] changes)
    {
        var findings = new List<Finding>();
        var d = RestIntegrationDefinition.Read(RestExamples.HttpProxy(changes), findings);
        Assert.Empty(findings);
        return d;
    }

    [Fact]
    public async Task PutIntegration_SendsTheBackendMethodAsHttpMethodInTheBody_AndTheIntegratedMethodInThePath()
    {
        var (service, handler, client) = Create(() => Responses.Json(PutAnswer, HttpStatusCode.Created));
        using var _c = client;
        var d = Definition(("HttpMethod", "GET"), ("IntegrationHttpMethod", "POST"), ("Uri", "https://petstore.example.com/pets/{id}"),
            ("RequestParameters", new Hashtable { ["integration.request.path.id"] = "method.request.path.id" }),
            ("RequestTemplates", new Hashtable { ["application/json"] = "{}" }), ("TimeoutInMillis", 5000),
            ("tlsConfig", new Hashtable { ["insecureSkipVerification"] = true }), ("CacheKeyParameters", new[] { "method.request.path.id" }),
            ("ResponseTransferMode", "STREAM"));

        var integration = await service.PutIntegrationAsync(d, Target, default);

        var request = handler.Single();
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/restapis/abc123/resources/res456/methods/GET/integration", request.RawPath);
        Assert.Equal("application/json", request.Header("Accept"));
        using var body = JsonDocument.Parse(request.BodyText!);
        var root = body.RootElement;
        Assert.Equal("HTTP_PROXY", root.GetProperty("type").GetString());
        Assert.Equal("POST", root.GetProperty("httpMethod").GetString());
        Assert.False(root.TryGetProperty("integrationHttpMethod", out _));
        Assert.Equal("https://petstore.example.com/pets/{id}", root.GetProperty("uri").GetString());
        Assert.Equal("method.request.path.id", root.GetProperty("requestParameters").GetProperty("integration.request.path.id").GetString());
        Assert.Equal("{}", root.GetProperty("requestTemplates").GetProperty("application/json").GetString());
        Assert.Equal(5000, root.GetProperty("timeoutInMillis").GetInt32());
        Assert.True(root.GetProperty("tlsConfig").GetProperty("insecureSkipVerification").GetBoolean());
        Assert.Equal("method.request.path.id", root.GetProperty("cacheKeyParameters")[0].GetString());
        Assert.Equal("STREAM", root.GetProperty("responseTransferMode").GetString());
        // Members not given are not sent at all.
        foreach (var absent in new[] { "connectionType", "connectionId", "credentials", "passthroughBehavior", "cacheNamespace", "contentHandling", "integrationTarget", "restApiId", "resourceId" })
            Assert.False(root.TryGetProperty(absent, out _), absent);

        Assert.Equal("abc123", integration.RestApiId);
        Assert.Equal("res456", integration.ResourceId);
        Assert.Equal("/pets/{id}", integration.ResourcePath);
        Assert.Equal("GET", integration.HttpMethod);
        Assert.Equal("GET", integration.IntegrationHttpMethod);
        Assert.Equal(5000, integration.TimeoutInMillis);
    }

    [Fact]
    public void PutIntegration_PreviewIsTheExactRequest()
    {
        var (service, handler, client) = Create();
        using var _c = client;
        var call = service.PreparePutIntegration(Definition(), Target);
        Assert.Equal("PUT /restapis/abc123/resources/res456/methods/GET/integration {\"type\":\"HTTP_PROXY\",\"httpMethod\":\"GET\",\"uri\":\"https://petstore.example.com/pets\"}",
            call.Request.Preview());
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PutIntegration_AnAnswerWithoutBody_ReadsAsWhatWasSent()
    {
        var (service, _, client) = Create(() => Responses.Json("", HttpStatusCode.Created));
        using var _c = client;
        var integration = await service.PutIntegrationAsync(Definition(("TimeoutInMillis", 1000)), Target, default);
        Assert.Equal("HTTP_PROXY", integration.Type);
        Assert.Equal(1000, integration.TimeoutInMillis);
    }

    [Fact]
    public async Task PutIntegration_BadRequest_IsABadRequestServiceError()
    {
        var (service, _, client) = Create(() => Responses.Error(HttpStatusCode.BadRequest, "BadRequestException",
            """{"message":"Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.request.querystring.term]"}"""));
        using var _c = client;
        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.PutIntegrationAsync(Definition(), Target, default));
        Assert.Equal(FailureKind.BadRequest, ex.Kind);
        Assert.Equal("PUT /restapis/abc123/resources/res456/methods/GET/integration", ex.Operation);
    }

    [Fact]
    public async Task UpdateIntegration_SendsPatchOperations_AndReadsTheUpdatedIntegration()
    {
        var (service, handler, client) = Create(() => Responses.Json(PutAnswer));
        using var _c = client;

        var integration = await service.UpdateIntegrationAsync(Target,
        [
            new PatchOperation("replace", "/timeoutInMillis", "5000"),
            new PatchOperation("add", "/requestTemplates/application~1json", "{}"),
            new PatchOperation("remove", "/requestParameters/integration.request.header.x-id"),
        ], default);

        var request = handler.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/restapis/abc123/resources/res456/methods/GET/integration", request.RawPath);
        Assert.Equal(
            """{"patchOperations":[{"op":"replace","path":"/timeoutInMillis","value":"5000"},{"op":"add","path":"/requestTemplates/application~1json","value":"{}"},{"op":"remove","path":"/requestParameters/integration.request.header.x-id"}]}""",
            request.BodyText);
        Assert.Equal(5000, integration.TimeoutInMillis);
        Assert.Equal("/pets/{id}", integration.ResourcePath);
        Assert.True(integration.InsecureSkipVerification);
    }

    [Fact]
    public async Task UpdateIntegration_NotFound_AndAnEmptyAnswerIsAResponseError()
    {
        var (service, _, client) = Create(
            () => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", """{"message":"Invalid Integration identifier specified"}"""),
            () => Responses.Json(""));
        using var _c = client;
        var ops = new[] { new PatchOperation("replace", "/timeoutInMillis", "5000") };
        var notFound = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.UpdateIntegrationAsync(Target, ops, default));
        Assert.Equal(FailureKind.NotFound, notFound.Kind);
        var empty = await Assert.ThrowsAsync<ApiGatewayResponseException>(() => service.UpdateIntegrationAsync(Target, ops, default));
        Assert.Equal("PATCH /restapis/abc123/resources/res456/methods/GET/integration", empty.Operation);
    }

    [Fact]
    public async Task DeleteIntegration_Sends204Delete_AndReturnsWhatWasRemoved()
    {
        var (service, handler, client) = Create(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var _c = client;
        var removed = new Models.RestIntegration { RestApiId = "abc123", Type = "MOCK" };
        var result = await service.SendAsync(service.PrepareDeleteIntegration(Target, removed), default);
        Assert.Same(removed, result);
        var request = handler.Single();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/restapis/abc123/resources/res456/methods/GET/integration", request.RawPath);
        Assert.Null(request.BodyText);
    }

    [Fact]
    public async Task IntegrationResponses_PutGetDelete()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"statusCode":"400","selectionPattern":"4\\d{2}","responseParameters":{"method.response.header.X-Error":"integration.response.header.X-Error"},"responseTemplates":{"application/json":null},"contentHandling":"CONVERT_TO_TEXT"}""", HttpStatusCode.Created),
            () => Responses.Json("""{"statusCode":"400","selectionPattern":"4\\d{2}"}"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var _c = client;
        var findings = new List<Finding>();
        var d = RestIntegrationResponseDefinition.Read(RestExamples.Response(("StatusCode", "400"), ("SelectionPattern", "4\\d{2}"),
            ("ResponseParameters", new Hashtable { ["method.response.header.X-Error"] = "integration.response.header.X-Error" }),
            ("ResponseTemplates", new Hashtable { ["application/json"] = "" }), ("ContentHandling", "convert_to_text")), findings);
        Assert.Empty(findings);

        var put = await service.PutIntegrationResponseAsync(d, Target, default);
        var got = await service.GetIntegrationResponseAsync(Target, "400", default);
        await service.SendAsync(service.PrepareDeleteIntegrationResponse(Target, got), default);

        Assert.Equal("/restapis/abc123/resources/res456/methods/GET/integration/responses/400", handler.Requests[0].RawPath);
        Assert.Equal("PUT", handler.Requests[0].Method);
        Assert.Equal("""{"selectionPattern":"4\\d{2}","responseParameters":{"method.response.header.X-Error":"integration.response.header.X-Error"},"responseTemplates":{"application/json":""},"contentHandling":"CONVERT_TO_TEXT"}""",
            handler.Requests[0].BodyText);
        Assert.Equal("400", put.StatusCode);
        Assert.Equal("/pets/{id}", put.ResourcePath);
        Assert.Equal("", put.ResponseTemplates["application/json"]);
        Assert.Equal("GET", handler.Requests[1].Method);
        Assert.Equal("4\\d{2}", got.SelectionPattern);
        Assert.Equal("DELETE", handler.Requests[2].Method);
        Assert.Equal("/restapis/abc123/resources/res456/methods/GET/integration/responses/400", handler.Requests[2].RawPath);
    }

    [Fact]
    public async Task GetIntegrationResponse_EmptyAnswer_IsNotFound()
    {
        var (service, _, client) = Create(() => Responses.Json("{}"));
        using var _c = client;
        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.GetIntegrationResponseAsync(Target, "418", default));
        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Contains("no integration response 418", ex.Message);
    }

    [Fact]
    public async Task GetMethod_ReadsTheDeclaredRequestParameters()
    {
        var (service, handler, client) = Create(() => Responses.Json(
            """{"httpMethod":"GET","authorizationType":"NONE","apiKeyRequired":false,"requestParameters":{"method.request.path.id":true,"method.request.querystring.q":false}}"""));
        using var _c = client;
        var method = await service.GetMethodAsync(Target, default);
        Assert.Equal("/restapis/abc123/resources/res456/methods/GET", handler.Single().RawPath);
        Assert.Equal("NONE", method.AuthorizationType);
        Assert.True(method.RequestParameters["method.request.path.id"]);
        Assert.False(method.RequestParameters["method.request.querystring.q"]);
    }

    [Fact]
    public async Task ResolveMethod_ByIdWinsOverPath_AndAnUndeclaredMethodIsNotFoundNamingTheDeclaredOnes()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"id":"res456","path":"/pets/{id}","resourceMethods":{"GET":{},"DELETE":{}}}"""),
            () => Responses.Json("""{"id":"res456","path":"/pets/{id}","resourceMethods":{"GET":{},"DELETE":{}}}"""));
        using var _c = client;
        var target = await service.ResolveMethodAsync("abc123", "res456", "/ignored", "get", default);
        Assert.Equal("restapi/abc123 /pets/{id} GET", target.ToString());
        Assert.Equal("/restapis/abc123/resources/res456", handler.Requests[0].RawPath);

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.ResolveMethodAsync("abc123", "res456", null, "PATCH", default));
        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal("The resource '/pets/{id}' of REST API abc123 has no PATCH method (it has DELETE, GET).", ex.ServiceMessage);
    }

    [Fact]
    public async Task PlanPut_ReadsTheMethodOnlyWhenMappingsReadMethodParameters_AndReportsUndeclaredOnes()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"item":[{"id":"root00","path":"/"},{"id":"res456","path":"/pets","resourceMethods":{"GET":{}}}]}"""),
            () => Responses.Json("""{"httpMethod":"GET","requestParameters":{"method.request.querystring.q":false}}"""),
            () => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\":\"Invalid Integration identifier specified\"}"),
            () => Responses.Json("""{"item":[{"id":"res456","path":"/pets","resourceMethods":{"GET":{}}}]}"""),
            () => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\":\"Invalid Integration identifier specified\"}"));
        using var _c = client;
        var planner = new RestIntegrationPlanner(service, "us-east-1");

        var plan = await planner.PlanPutAsync(Definition(("RequestParameters", new Hashtable
        {
            ["integration.request.querystring.q"] = "method.request.querystring.q",
            ["integration.request.querystring.t"] = "method.request.querystring.term",
        })), default);
        var finding = Assert.Single(plan.Findings);
        Assert.Equal("IT1023", finding.RuleId);
        Assert.Equal("RequestParameters['integration.request.querystring.t']", finding.Field);
        Assert.Equal("/restapis/a1b2c3d4e5/resources/res456/methods/GET", handler.Requests[1].RawPath);

        var simple = await planner.PlanPutAsync(Definition(), default);
        Assert.Empty(simple.Findings);
        Assert.Equal(5, handler.Requests.Count); // no GetMethod for a definition that reads no method parameter
        Assert.Equal("/restapis/a1b2c3d4e5/resources/res456/methods/GET/integration", handler.Requests[4].RawPath);
        Assert.Equal(IntegrationTools.Models.ApplyOutcome.Created, simple.Outcome);
        Assert.Equal("restapi/a1b2c3d4e5 /pets GET", simple.Target.ToString());
    }

    [Fact]
    public async Task PlanPut_ComparesWithTheLiveIntegration_UnchangedSendsNothing_UpdatedPutsTheDefinition()
    {
        var definition = new RestIntegrationDefinition
        {
            RestApiId = "abc123", ResourceId = "res456", HttpMethod = "GET", Type = "HTTP_PROXY", IntegrationHttpMethod = "GET",
            Uri = "https://petstore.example.com/pets/{id}", TimeoutInMillis = 5000, InsecureSkipVerification = true,
            RequestParameters = new() { ["integration.request.path.id"] = "method.request.path.id" },
        };
        var resource = () => Responses.Json("""{"id":"res456","path":"/pets/{id}","resourceMethods":{"GET":{}}}""");
        var method = () => Responses.Json("""{"httpMethod":"GET","requestParameters":{"method.request.path.id":true}}""");
        var (service, handler, client) = Create(
            resource, method, () => Responses.Json(PutAnswer),
            resource, method, () => Responses.Json(PutAnswer.Replace("5000", "6000")), () => Responses.Json(PutAnswer, HttpStatusCode.Created));
        using var _c = client;
        var planner = new RestIntegrationPlanner(service, "us-east-1");

        // The live integration (with every default spelled out, as AWS returns it) is what the definition asks for.
        var same = await planner.PlanPutAsync(definition, default);
        Assert.Equal(IntegrationTools.Models.ApplyOutcome.Unchanged, same.Outcome);
        Assert.True(same.NothingToSend);
        var unchanged = await planner.ApplyAsync(same, default);
        Assert.Equal(IntegrationTools.Models.ApplyOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(3, handler.Requests.Count); // no PutIntegration

        var different = await planner.PlanPutAsync(definition, default);
        Assert.Equal(IntegrationTools.Models.ApplyOutcome.Updated, different.Outcome);
        Assert.Equal(new[] { "TimeoutInMillis" }, different.Differences);
        var updated = await planner.ApplyAsync(different, default);
        Assert.Equal(IntegrationTools.Models.ApplyOutcome.Updated, updated.Outcome);
        Assert.Equal("PUT", handler.Requests[6].Method);
    }

    [Fact]
    public async Task PlanUpdate_PatchesAgainstTheCurrentIntegration_AndReportsOnlyNewProblems()
    {
        // The current integration already has a timeout the service would not take today (10 ms): an update of something
        // else goes ahead, an update that brings in a new problem does not.
        const string current = """{"type":"HTTP","httpMethod":"GET","uri":"https://petstore.example.com/pets","timeoutInMillis":10,"requestParameters":{"integration.request.header.a":"'1'"}}""";
        var (service, _, client) = Create(
            () => Responses.Json("""{"id":"res456","path":"/pets","resourceMethods":{"GET":{}}}"""),
            () => Responses.Json(current),
            () => Responses.Json("""{"id":"res456","path":"/pets","resourceMethods":{"GET":{}}}"""),
            () => Responses.Json(current));
        using var _c = client;
        var planner = new RestIntegrationPlanner(service, "us-east-1");

        var ok = await planner.PlanUpdateAsync("abc123", "res456", null, "GET",
            new RestIntegrationDefinition { RequestParameters = new() { ["integration.request.header.a"] = "", ["integration.request.header.b"] = "'2'" } },
            [], default);
        Assert.Empty(ok.Findings);
        Assert.Equal(["remove /requestParameters/integration.request.header.a", "add /requestParameters/integration.request.header.b = '2'"], ok.Operations.Select(o => o.ToString()));
        Assert.Equal("PATCH /restapis/abc123/resources/res456/methods/GET/integration", ok.Call.Request.Describe());

        var bad = await planner.PlanUpdateAsync("abc123", "res456", null, "GET", new RestIntegrationDefinition(),
            [new PatchOperation("replace", "/uri", "not a url")], default);
        Assert.Equal("IT1008", Assert.Single(bad.Findings).RuleId);
    }

    [Fact]
    public async Task PlanDelete_ReadsTheIntegrationFirst()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"id":"res456","path":"/pets","resourceMethods":{"GET":{}}}"""),
            () => Responses.Json("""{"type":"MOCK"}"""));
        using var _c = client;
        var plan = await new RestIntegrationPlanner(service, "us-east-1").PlanDeleteAsync("abc123", "res456", null, "GET", default);
        Assert.Equal("MOCK", plan.Current!.Type);
        Assert.Equal("DELETE /restapis/abc123/resources/res456/methods/GET/integration", plan.Call.Request.Preview());
        Assert.Equal(2, handler.Requests.Count);
    }
}
