using System.Net;
using System.Text.Json;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>TestInvokeMethod (apigateway-2015-07-09) against answers shaped like the API reference's, and the -Invoke findings.</summary>
public sealed class TestInvokeTests
{
    private static readonly RestMethodTarget Target = new("a1b2c3d4e5", "res456", "/pets/{id}", "GET");

    // A successful proxy call, as the console's Test button shows it.
    private const string Success = """
        {
          "status": 200,
          "body": "{\"id\": 1, \"name\": \"Rex\"}",
          "headers": { "Content-Type": "application/json", "X-Amzn-Trace-Id": "Root=1-5f84c0d1-4ba2d6d3c9c6e0c0c5c0c0c0" },
          "multiValueHeaders": { "Content-Type": [ "application/json" ], "Set-Cookie": [ "a=1", "b=2" ] },
          "log": "Execution log for request 3f1c5a1e\nMon Nov 23 12:00:00 UTC 2026 : Starting execution for request: 3f1c5a1e\nMon Nov 23 12:00:00 UTC 2026 : Sending request to https://petstore.example.com/pets/1?verbose=true\nMon Nov 23 12:00:00 UTC 2026 : Received response. Status: 200, Integration latency: 41 ms\nMon Nov 23 12:00:00 UTC 2026 : Method completed with status: 200\n",
          "latency": 57
        }
        """;

    // The backend answered 503: API Gateway passes a 502 to the client.
    private const string BackendDown = """
        {
          "status": 502,
          "body": "{\"message\": \"Internal server error\"}",
          "headers": { "Content-Type": "application/json", "x-amzn-ErrorType": "InternalServerErrorException" },
          "log": "Execution log for request 7a2b\nSending request to https://petstore.example.com/pets/1\nReceived response. Status: 503, Integration latency: 12 ms\nExecution failed: Internal server error from the endpoint\nMethod completed with status: 502\n",
          "latency": 30
        }
        """;

    // A request template that does not parse: a configuration error, answered as a bare 500.
    private const string MappingFailure = """
        {
          "status": 500,
          "body": "{\"message\": \"Internal server error\"}",
          "headers": { "Content-Type": "application/json" },
          "log": "Execution log for request 9c3d\nEndpoint request body after transformations: \nExecution failed due to configuration error: Unable to transform request\nMethod completed with status: 500\n",
          "latency": 8
        }
        """;

    private static (RestApiService Service, FakeHandler Handler, ApiGatewayClientWithLog Client) Create(Func<HttpResponseMessage> answer)
    {
        var handler = FakeHandler.Sequence(answer);
        var client = TestSessions.Client(handler);
        return (new RestApiService(client.Client), handler, client);
    }

    [Fact]
    public async Task SendsTheSimulatedRequestAndMapsTheAnswer()
    {
        var (service, handler, client) = Create(() => Responses.Json(Success));
        using var _ = client;

        var result = await service.TestInvokeMethodAsync(Target, new TestInvokeRequest
        {
            PathWithQueryString = "/pets/1?verbose=true",
            Body = "",
            Headers = new() { ["Accept"] = "application/json" },
            StageVariables = new() { ["backend"] = "petstore.example.com" },
        }, default);

        var request = handler.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/restapis/a1b2c3d4e5/resources/res456/methods/GET", request.RawPath);
        using var body = JsonDocument.Parse(request.BodyText!);
        Assert.Equal("/pets/1?verbose=true", body.RootElement.GetProperty("pathWithQueryString").GetString());
        Assert.Equal("application/json", body.RootElement.GetProperty("headers").GetProperty("Accept").GetString());
        Assert.Equal("petstore.example.com", body.RootElement.GetProperty("stageVariables").GetProperty("backend").GetString());

        Assert.Equal(200, result.Status);
        Assert.Equal(57, result.Latency);
        Assert.Equal("{\"id\": 1, \"name\": \"Rex\"}", result.Body);
        Assert.Equal("application/json", result.Headers["Content-Type"]);
        Assert.Equal("a=1,b=2", result.Headers["Set-Cookie"]);
        Assert.Equal(5, result.Log.Length);
        Assert.EndsWith("Method completed with status: 200", result.Log[^1]);
        Assert.Equal(("a1b2c3d4e5", "res456", "/pets/{id}", "GET", "/pets/1?verbose=true"),
            (result.RestApiId, result.ResourceId, result.ResourcePath, result.HttpMethod, result.PathWithQueryString));
        Assert.Empty(LiveRules.CheckInvocation("restapi/a1b2c3d4e5 /pets/{id} GET", result));
    }

    [Fact]
    public async Task AFailingBackendIsAResultAndAStatusFindingNotAnException()
    {
        var (service, _, client) = Create(() => Responses.Json(BackendDown));
        using var _c = client;

        var result = await service.TestInvokeMethodAsync(Target, new TestInvokeRequest(), default);

        Assert.Equal(502, result.Status);
        var finding = Assert.Single(LiveRules.CheckInvocation("restapi/a1b2c3d4e5 /pets/{id} GET", result));
        Assert.Equal("IT3101", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("answered 502", finding.Message);
        Assert.Contains("Execution failed: Internal server error from the endpoint", finding.Message);
    }

    [Fact]
    public async Task AMappingFailureInTheLogIsItsOwnFinding()
    {
        var (service, _, client) = Create(() => Responses.Json(MappingFailure));
        using var _c = client;

        var result = await service.TestInvokeMethodAsync(Target, new TestInvokeRequest { Body = "{not json" }, default);

        var finding = Assert.Single(LiveRules.CheckInvocation("restapi/a1b2c3d4e5 /pets/{id} GET", result));
        Assert.Equal("IT3102", finding.RuleId);
        Assert.Equal("Log", finding.Field);
        Assert.Contains("Execution failed due to configuration error: Unable to transform request", finding.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task AnEndpointWithoutTheOperationSaysSo(HttpStatusCode status)
    {
        // What moto answers: an HTML error page, no x-amzn-ErrorType.
        var (service, handler, client) = Create(() => Responses.Text("<!doctype html><title>Internal Server Error</title>", status, "text/html"));
        using var _c = client;

        var ex = await Assert.ThrowsAsync<TestInvokeNotSupportedException>(() => service.TestInvokeMethodAsync(Target, new TestInvokeRequest(), default));

        Assert.Single(handler.Requests); // a POST is not resent
        Assert.Contains("does not support test invocation (TestInvokeMethod)", ex.Message);
        Assert.Contains("apigateway.us-east-1.amazonaws.com", ex.Message);
        Assert.IsType<ApiGatewayServiceException>(ex.InnerException);
    }

    [Fact]
    public async Task AServiceErrorStaysAServiceError()
    {
        var (service, _, client) = Create(() => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\": \"Invalid Method identifier specified\"}"));
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.TestInvokeMethodAsync(Target, new TestInvokeRequest(), default));

        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Contains("Invalid Method identifier specified", ex.Message);
    }
}
