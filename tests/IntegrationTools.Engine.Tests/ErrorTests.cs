using System.Net;
using System.Net.Sockets;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>How service errors, unreadable answers and transport failures are reported.</summary>
public class ErrorTests
{
    private static readonly ApiInfo HttpApi = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    private static async Task<ApiGatewayServiceException> V1GetIntegrationFails(Func<HttpResponseMessage> response)
    {
        var handler = new FakeHandler(_ => response());
        using var client = TestSessions.Client(handler);
        return await Assert.ThrowsAsync<ApiGatewayServiceException>(
            () => new RestApiService(client.Client).GetIntegrationAsync("abc123", "res456", "POST", "/pets", default));
    }

    private static async Task<ApiGatewayServiceException> V2GetIntegrationFails(Func<HttpResponseMessage> response)
    {
        var handler = new FakeHandler(_ => response());
        using var client = TestSessions.Client(handler);
        return await Assert.ThrowsAsync<ApiGatewayServiceException>(
            () => new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int789", default));
    }

    [Fact]
    public async Task NotFound_FromRestApi_CarriesCodeKindStatusAndRequestId()
    {
        var ex = await V1GetIntegrationFails(() => Responses.Error(HttpStatusCode.NotFound,
            "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/",
            """{"message":"Invalid Integration identifier specified"}""", requestId: "5d3b2c1a-0000-4f6e-8a9b-0c1d2e3f4a5b"));

        Assert.Equal("NotFoundException", ex.ErrorCode);
        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("5d3b2c1a-0000-4f6e-8a9b-0c1d2e3f4a5b", ex.RequestId);
        Assert.Equal("Invalid Integration identifier specified", ex.ServiceMessage);
        Assert.Equal("GET /restapis/abc123/resources/res456/methods/POST/integration", ex.Operation);
        Assert.Null(ex.RetryAfter);
        Assert.Equal("NotFoundException: Invalid Integration identifier specified (HTTP 404, request id 5d3b2c1a-0000-4f6e-8a9b-0c1d2e3f4a5b)", ex.Message);
    }

    [Theory]
    // v2 style: code in the body's __type, no x-amzn-ErrorType header.
    [InlineData(404, null, """{"message":"Invalid API identifier specified 123456789012:a1b2c3d4e5","__type":"NotFoundException"}""",
        "NotFoundException", "Invalid API identifier specified 123456789012:a1b2c3d4e5", FailureKind.NotFound)]
    [InlineData(404, null, """{"__type":"com.amazonaws.apigatewayv2#NotFoundException","Message":"Unable to find Integration with id 'int789'"}""",
        "NotFoundException", "Unable to find Integration with id 'int789'", FailureKind.NotFound)]
    [InlineData(400, null, """{"__type":"BadRequestException:http://internal.amazon.com/coral/com.amazonaws.apigatewayv2/","message":"Invalid integration type"}""",
        "BadRequestException", "Invalid integration type", FailureKind.BadRequest)]
    // "Message" alone: the code comes from the status.
    [InlineData(404, null, """{"Message":"Invalid API identifier specified"}""", "Http404", "Invalid API identifier specified", FailureKind.NotFound)]
    // The header wins over the body.
    [InlineData(409, "ConflictException", """{"message":"Integration already exists","__type":"SomethingElse"}""",
        "ConflictException", "Integration already exists", FailureKind.Conflict)]
    // The code wins over the status.
    [InlineData(429, "LimitExceededException", """{"message":"Quota exceeded"}""", "LimitExceededException", "Quota exceeded", FailureKind.LimitExceeded)]
    [InlineData(400, null, """{"code":"BadRequestException","message":"Invalid request input"}""", "BadRequestException", "Invalid request input", FailureKind.BadRequest)]
    public async Task ErrorBodies_OfBothApiVersions_AreRead(int status, string? errorType, string body, string code, string message, FailureKind kind)
    {
        var ex = await V2GetIntegrationFails(() => Responses.Error((HttpStatusCode)status, errorType, body));

        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ServiceMessage);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(Responses.RequestId, ex.RequestId);
        Assert.Equal("GET /v2/apis/a1b2c3d4e5/integrations/int789", ex.Operation);
    }

    [Fact]
    public async Task TooManyRequests_IsThrottled_WithRetryAfter()
    {
        var ex = await V1GetIntegrationFails(() =>
        {
            var response = Responses.Error((HttpStatusCode)429, "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/",
                """{"message":"Too Many Requests"}""");
            response.Headers.TryAddWithoutValidation("Retry-After", "3");
            return response;
        });

        Assert.Equal("TooManyRequestsException", ex.ErrorCode);
        Assert.Equal(FailureKind.Throttled, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal("Too Many Requests", ex.ServiceMessage);
    }

    [Fact]
    public async Task RetryAfter_AsAnHttpDate_BecomesADelay()
    {
        var at = DateTimeOffset.UtcNow.AddHours(1);
        var ex = await V1GetIntegrationFails(() =>
        {
            var response = Responses.Error((HttpStatusCode)429, "TooManyRequestsException", """{"message":"Too Many Requests"}""");
            response.Headers.TryAddWithoutValidation("Retry-After", at.ToString("R"));
            return response;
        });

        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter!.Value, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task ServerError_WithoutBody_IsServiceError()
    {
        var ex = await V1GetIntegrationFails(() => Responses.Error(HttpStatusCode.InternalServerError, null, null));

        Assert.Equal("Http500", ex.ErrorCode);
        Assert.Equal(FailureKind.ServiceError, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("", ex.ServiceMessage);
        Assert.Equal($"Http500 (HTTP 500, request id {Responses.RequestId})", ex.Message);
    }

    [Fact]
    public async Task ServerError_WithAnHtmlBody_KeepsTheStartOfTheText()
    {
        var html = "<html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 400) + "</body></html>";
        var ex = await V1GetIntegrationFails(() => Responses.Text(html, HttpStatusCode.BadGateway, "text/html"));

        Assert.Equal("Http502", ex.ErrorCode);
        Assert.Equal(FailureKind.ServiceError, ex.Kind);
        Assert.Null(ex.RequestId);
        Assert.StartsWith("<html><head><title>502 Bad Gateway</title>", ex.ServiceMessage);
        Assert.True(ex.ServiceMessage.Length <= 301, "The service message was not truncated: " + ex.ServiceMessage.Length);
    }

    [Fact]
    public async Task UnrecognizedClient_IsAccessDenied()
    {
        var ex = await V1GetIntegrationFails(() => Responses.Error(HttpStatusCode.Forbidden,
            "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/",
            """{"message":"The security token included in the request is invalid."}"""));

        Assert.Equal("UnrecognizedClientException", ex.ErrorCode);
        Assert.Equal(FailureKind.AccessDenied, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("The security token included in the request is invalid.", ex.ServiceMessage);
    }

    [Theory]
    [InlineData("NotFoundException", 400, FailureKind.NotFound)]
    [InlineData("BadRequestException", 400, FailureKind.BadRequest)]
    [InlineData("ValidationException", 400, FailureKind.BadRequest)]
    [InlineData("ConflictException", 409, FailureKind.Conflict)]
    [InlineData("LimitExceededException", 429, FailureKind.LimitExceeded)]
    [InlineData("TooManyRequestsException", 429, FailureKind.Throttled)]
    [InlineData("ThrottlingException", 400, FailureKind.Throttled)]
    [InlineData("UnauthorizedException", 401, FailureKind.AccessDenied)]
    [InlineData("AccessDeniedException", 403, FailureKind.AccessDenied)]
    [InlineData("InvalidSignatureException", 403, FailureKind.AccessDenied)]
    [InlineData("ExpiredTokenException", 403, FailureKind.AccessDenied)]
    [InlineData("MissingAuthenticationTokenException", 403, FailureKind.AccessDenied)]
    [InlineData("Http404", 404, FailureKind.NotFound)]
    [InlineData("Http409", 409, FailureKind.Conflict)]
    [InlineData("Http429", 429, FailureKind.Throttled)]
    [InlineData("Http401", 401, FailureKind.AccessDenied)]
    [InlineData("Http403", 403, FailureKind.AccessDenied)]
    [InlineData("Http503", 503, FailureKind.ServiceError)]
    [InlineData("InternalFailure", 500, FailureKind.ServiceError)]
    [InlineData("Http400", 400, FailureKind.BadRequest)]
    public void Classify_MapsCodesFirstThenStatus(string code, int status, FailureKind expected)
    {
        Assert.Equal(expected, ApiGatewayServiceException.Classify(code, status));
    }

    [Theory]
    [InlineData("NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/", "NotFoundException")]
    [InlineData("com.amazon.coral.service#UnrecognizedClientException", "UnrecognizedClientException")]
    [InlineData("com.amazon.coral.service#ExpiredTokenException:http://internal.amazon.com/coral/", "ExpiredTokenException")]
    [InlineData("  ConflictException  ", "ConflictException")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void NormalizeCode_StripsNamespaceAndUri(string? raw, string? expected)
    {
        Assert.Equal(expected, ApiGatewayClient.NormalizeCode(raw));
    }

    [Theory]
    [InlineData("<html><body>Welcome to nginx!</body></html>")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"item":"not a list"}""")]
    public async Task UnreadableSuccessBody_IsResponseException(string body)
    {
        var handler = new FakeHandler(_ => Responses.Json(body));
        using var client = TestSessions.Client(handler);

        var ex = await Assert.ThrowsAsync<ApiGatewayResponseException>(
            () => new RestApiService(client.Client).GetResourcesAsync("abc123", default));

        Assert.Equal(FailureKind.UnexpectedResponse, ex.Kind);
        Assert.Equal("GET /restapis/abc123/resources", ex.Operation);
        Assert.Contains("HTTP 200", ex.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task ClosedPort_IsConnectionFailed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var session = TestSessions.Create(endpoint: $"http://127.0.0.1:{port}");
        using var client = new ApiGatewayClient(session) { Timeout = TimeSpan.FromSeconds(20), MaxAttempts = 1 };

        var ex = await Assert.ThrowsAsync<ApiGatewayTransportException>(
            () => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Equal(FailureKind.ConnectionFailed, ex.Kind);
        Assert.Equal("GET /restapis/abc123/resources", ex.Operation);
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task NoAnswer_WithinTheClientTimeout_IsTimeout()
    {
        var handler = FakeHandler.Hanging();
        using var client = TestSessions.Client(handler);
        client.Client.Timeout = TimeSpan.FromMilliseconds(200);

        var ex = await Assert.ThrowsAsync<ApiGatewayTransportException>(
            () => new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int789", default));

        Assert.Equal(FailureKind.Timeout, ex.Kind);
        Assert.Equal("GET /v2/apis/a1b2c3d4e5/integrations/int789", ex.Operation);
        Assert.Contains("apigateway.us-east-1.amazonaws.com", ex.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task CancelledToken_IsOperationCanceled_NotATimeout()
    {
        var handler = FakeHandler.Hanging();
        using var client = TestSessions.Client(handler);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new RestApiService(client.Client).GetResourcesAsync("abc123", cts.Token));

        Assert.IsNotAssignableFrom<ApiGatewayException>(ex);
    }

    [Fact]
    public async Task CancellingWhileTheRequestIsInFlight_IsOperationCanceled()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(async (_, ct) =>
        {
            arrived.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestSessions.Client(handler);
        client.Client.Timeout = TimeSpan.FromMinutes(5);
        using var cts = new CancellationTokenSource();

        var call = new RestApiService(client.Client).GetResourcesAsync("abc123", cts.Token);
        await arrived.Task;
        cts.Cancel();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotAssignableFrom<ApiGatewayException>(ex);
    }
}
