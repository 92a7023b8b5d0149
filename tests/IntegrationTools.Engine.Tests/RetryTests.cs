using System.Net;
using System.Net.Sockets;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>Retries, back-off, Retry-After, the no-duplicate rule for creates, and the adaptive pacing.</summary>
public sealed class RetryTests
{
    private static ApiGatewayClient Client(FakeHandler handler, List<string> log, int attempts = 5) => new(TestSessions.Create(), handler)
    {
        MaxAttempts = attempts,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        RateLimiter = TestSessions.Unpaced(),
        Log = line => { lock (log) log.Add(line); },
    };

    private static HttpResponseMessage Throttled(int? retryAfterSeconds = null)
    {
        var response = Responses.Error((HttpStatusCode)429, "TooManyRequestsException", "{\"message\":\"Too Many Requests\"}");
        if (retryAfterSeconds.HasValue) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds.Value));
        return response;
    }

    [Fact]
    public async Task ThrottledThenAnswered_Succeeds_AfterRetrying()
    {
        var log = new List<string>();
        var handler = FakeHandler.Sequence(() => Throttled(), () => Throttled(), () => Responses.Json("{\"item\":[]}"));
        using var client = Client(handler, log);

        var resources = await new RestApiService(client).GetResourcesAsync("abc123", default);

        Assert.Empty(resources);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, log.Count(l => l.StartsWith("Retrying GET /restapis/abc123/resources")));
        Assert.Contains(log, l => l.Contains("(attempt 2 of 5) after TooManyRequestsException (HTTP 429)"));
        Assert.Equal(2, client.RateLimiter.Throttles);
    }

    [Fact]
    public async Task RetryAfter_IsHonouredUpToTheMaximumDelay()
    {
        var log = new List<string>();
        var handler = FakeHandler.Sequence(() => Throttled(retryAfterSeconds: 1), () => Responses.Json("{\"item\":[]}"));
        using var client = Client(handler, log);
        client.RetryMaxDelay = TimeSpan.FromMilliseconds(300);

        await new RestApiService(client).GetResourcesAsync("abc123", default);

        // Retry-After said 1 s; the client's maximum delay (300 ms here) caps it.
        Assert.Contains(log, l => l.Contains("in 300 ms"));
    }

    [Fact]
    public async Task PersistentServerErrors_GiveUp_SayingHowManyAttemptsAndWhy()
    {
        var log = new List<string>();
        var handler = new FakeHandler(_ => Responses.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", "{\"message\":\"busy\"}"));
        using var client = Client(handler, log, attempts: 4);

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(FailureKind.ServiceError, ex.Kind);
        Assert.Contains("Gave up after 4 attempts: ServiceUnavailableException (HTTP 503) ×4.", ex.Message);
    }

    [Fact]
    public async Task ClientErrors_AreNotRetried()
    {
        var handler = new FakeHandler(_ => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\":\"Invalid REST API identifier specified\"}"));
        using var client = Client(handler, []);

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Single(handler.Requests);
        Assert.Equal(1, ex.Attempts);
        Assert.DoesNotContain("Gave up", ex.Message);
    }

    [Fact]
    public async Task ACreateThatGot5xx_IsNotSentAgain_AndIsMarkedAmbiguous()
    {
        var handler = new FakeHandler(_ => Responses.Error(HttpStatusCode.InternalServerError, "InternalServerErrorException", "{\"message\":\"oops\"}"));
        using var client = Client(handler, []);

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() =>
            client.SendAsync(new WireRequest("POST", "/v2/apis/{apiId}/integrations").With("apiId", "a1b2c3") , default));

        Assert.Single(handler.Requests);
        Assert.True(ex.Ambiguous);
    }

    [Fact]
    public async Task ACreateThatTimedOut_IsNotSentAgain_AndIsMarkedAmbiguous()
    {
        var handler = FakeHandler.Hanging();
        using var client = Client(handler, []);
        client.Timeout = TimeSpan.FromMilliseconds(100);

        var ex = await Assert.ThrowsAsync<ApiGatewayTransportException>(() =>
            client.SendAsync(new WireRequest("POST", "/v2/apis/{apiId}/integrations").With("apiId", "a1b2c3"), default));

        Assert.Single(handler.Requests);
        Assert.Equal(FailureKind.Timeout, ex.Kind);
        Assert.True(ex.Ambiguous);
    }

    [Fact]
    public async Task ACreateThatWasThrottled_IsRetried_BecauseTheServiceDidNotProcessIt()
    {
        var handler = FakeHandler.Sequence(() => Throttled(), () => Responses.Json("{\"integrationId\":\"x1\"}", HttpStatusCode.Created));
        using var client = Client(handler, []);

        var response = await client.SendAsync(new WireRequest("POST", "/v2/apis/{apiId}/integrations").With("apiId", "a1b2c3"), default);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ACreateToARefusedConnection_IsRetried_BecauseNothingWasSent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ApiGatewayClient(TestSessions.Create(endpoint: $"http://127.0.0.1:{port}"))
        {
            MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(5), RateLimiter = TestSessions.Unpaced(),
        };

        var ex = await Assert.ThrowsAsync<ApiGatewayTransportException>(() =>
            client.SendAsync(new WireRequest("POST", "/v2/apis/{apiId}/integrations").With("apiId", "a1b2c3"), default));

        Assert.True(ex.NotSent);
        Assert.False(ex.Ambiguous);
        Assert.Equal(3, ex.Attempts);
        Assert.Contains("Gave up after 3 attempts: a connection failure ×3.", ex.Message);
        // The transport's own text ("Connection refused") ends as a sentence before the summary.
        Assert.Matches(@"[^.?!][.?!] Gave up after 3 attempts", ex.Message);
    }

    [Fact]
    public void Limiter_AllowsTheBurstThenPacesAtTheRate()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var limiter = new AdaptiveRateLimiter(maxRate: 10, burst: 40, clock: () => now);

        for (var i = 0; i < 40; i++) Assert.True(limiter.WaitAsync(default).IsCompletedSuccessfully, $"request {i + 1} of the burst waited");
        Assert.False(limiter.WaitAsync(new CancellationTokenSource(0).Token).IsCompletedSuccessfully);
        now = now.AddSeconds(0.5); // 5 tokens at 10/s
        for (var i = 0; i < 5; i++) Assert.True(limiter.WaitAsync(default).IsCompletedSuccessfully);
    }

    [Fact]
    public void Limiter_SlowsDownOnThrottlingAndRecoversOnSuccess()
    {
        var limiter = new AdaptiveRateLimiter(maxRate: 10, burst: 40);
        limiter.OnThrottled();
        limiter.OnThrottled();
        Assert.Equal(10 * 0.7 * 0.7, limiter.CurrentRate, 6);
        for (var i = 0; i < 100; i++) limiter.OnSuccess();
        Assert.Equal(10, limiter.CurrentRate, 6);
        for (var i = 0; i < 50; i++) limiter.OnThrottled();
        Assert.Equal(0.5, limiter.CurrentRate, 6);
    }

    [Fact]
    public void Limiter_RegainsTheRateBeforeAThrottleWithinAboutTwoSeconds_LikeTheSdksCubicCurve()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var limiter = new AdaptiveRateLimiter(maxRate: 10, burst: 40, clock: () => now);
        limiter.OnThrottled();
        Assert.Equal(7, limiter.CurrentRate, 6);

        now = now.AddSeconds(1);
        limiter.OnSuccess();
        // W(1) = 0.4 (1 - cbrt(7.5))^3 + 10: most of the way back after one second.
        Assert.Equal(0.4 * Math.Pow(1 - Math.Cbrt(7.5), 3) + 10, limiter.CurrentRate, 6);
        Assert.InRange(limiter.CurrentRate, 9.5, 9.9);

        now = now.AddSeconds(1.5);
        limiter.OnSuccess();
        Assert.Equal(10, limiter.CurrentRate, 6);
    }
}
