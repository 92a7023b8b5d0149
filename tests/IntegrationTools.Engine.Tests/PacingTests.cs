using System.Diagnostics;
using System.Net;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Session;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// The pacer: one limiter per account and region, shared by every client of the process, safe for many requests in
/// flight (the burst and the rate hold, callers are served in the order they asked), and the account behind it
/// learnt from STS GetCallerIdentity once per access key in the process, or, when STS cannot tell, the access key.
/// </summary>
public class PacingTests
{
    // ---- the limiter with several callers at once ----

    [Fact]
    public async Task Limiter_EightCallersAtOnce_TheBurstAndTheRateHold_AndNoneStarves()
    {
        const double rate = 40, burst = 5;
        const int callers = 8, each = 6; // 48 requests: 5 at once, then 43 at 40/s, about 1.1 s
        // The limiter's own clock measures the grants: a timer may wake a waiter late, and up to its resolution
        // (about a millisecond) early, never more.
        var origin = DateTime.UtcNow;
        var limiter = new AdaptiveRateLimiter(rate, burst, clock: () => DateTime.UtcNow);
        var grants = new List<(int Caller, double At)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < each; i++)
            {
                var granted = await limiter.AcquireAsync(default);
                lock (grants) grants.Add((caller, (granted - origin).TotalSeconds));
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(tasks);

        var times = grants.Select(g => g.At).OrderBy(t => t).ToArray();
        Assert.Equal(callers * each, times.Length);
        // The rate and the burst hold: by any moment t, at most burst + rate * t requests were let through (5 ms of
        // slack for the timer's resolution).
        for (var i = 0; i < times.Length; i++)
            Assert.True(i + 1 <= burst + rate * (times[i] + 0.005) + 1e-9, $"request {i + 1} went at {times[i]:0.000} s, before the quota allowed it");
        // A server enforcing the same quota (a token bucket: full at the start, refilled at the rate) never has to refuse
        // one: even when a busy machine wakes several waiters late and at once, the bucket has refilled meanwhile.
        var tokens = burst;
        var last = 0.0;
        foreach (var t in times)
        {
            tokens = Math.Min(burst, tokens + (t - last) * rate);
            last = t;
            Assert.True(tokens >= 1 - 0.005 * rate, $"a server with the quota would have refused the request sent at {t:0.000} s: {string.Join(" ", times.Select(x => x.ToString("0.000")))}");
            tokens -= 1;
        }
        // The waiters do not spin or stall: the whole run takes about what the quota needs.
        var needed = (callers * each - burst) / rate;
        Assert.InRange(times[^1], needed - 0.01, needed + 1.0);
        // No starvation: each caller got its turns spread over the run (a round of the other callers is 7 slots at
        // 40/s = 0.175 s; the bound leaves room for a busy machine's late timers, not for a caller left behind).
        foreach (var caller in grants.GroupBy(g => g.Caller))
        {
            var own = caller.Select(g => g.At).OrderBy(t => t).ToArray();
            Assert.Equal(each, own.Length);
            for (var i = 1; i < own.Length; i++)
                Assert.True(own[i] - own[i - 1] <= 2.0, $"caller {caller.Key} waited {own[i] - own[i - 1]:0.000} s between two turns");
        }
    }

    [Fact]
    public async Task Limiter_GivesTheKthCallerTheKthSlot_NeverSooner()
    {
        // Slots 100 ms apart: the k-th caller to ask gets the k-th slot, never sooner, and no caller goes before the
        // slot of the callers before it has come (a busy machine may wake some late, and then several at once).
        var limiter = new AdaptiveRateLimiter(maxRate: 10, burst: 1, clock: () => DateTime.UtcNow);
        var start = await limiter.AcquireAsync(default);
        var waits = Enumerable.Range(0, 6).Select(_ => limiter.AcquireAsync(default)).ToArray();
        var granted = await Task.WhenAll(waits);
        for (var k = 0; k < granted.Length; k++)
        {
            Assert.True(granted[k] - start >= TimeSpan.FromMilliseconds(100 * (k + 1) - 5), $"caller {k + 1} went after {(granted[k] - start).TotalMilliseconds:0} ms, before its slot");
        }
    }

    [Fact]
    public async Task Limiter_ACancelledCallerGivesItsSlotBack()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var limiter = new AdaptiveRateLimiter(maxRate: 1, burst: 1, clock: () => now);
        Assert.True(limiter.AcquireAsync(default).IsCompletedSuccessfully);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        now = now.AddSeconds(1); // one token refilled: the next caller goes at once, as the cancelled one never sent
        Assert.True(limiter.AcquireAsync(default).IsCompletedSuccessfully);
    }

    [Fact]
    public void Limiter_ThrottlesOfRequestsAlreadyInFlightCutTheRateOnce()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var limiter = new AdaptiveRateLimiter(maxRate: 10, burst: 40, clock: () => now);
        var inFlight = Enumerable.Range(0, 8).Select(_ => limiter.AcquireAsync(default).Result).ToArray();

        now = now.AddMilliseconds(300); // the answers come back: all eight throttled
        foreach (var granted in inFlight) limiter.OnThrottled(granted);
        Assert.Equal(7, limiter.CurrentRate, 6);
        Assert.Equal(8, limiter.Throttles);

        // A request granted after the cut that is throttled again cuts again.
        now = now.AddSeconds(1);
        var later = limiter.AcquireAsync(default);
        Assert.True(later.IsCompleted);
        limiter.OnThrottled(later.Result);
        Assert.True(limiter.CurrentRate < 7);
    }

    // ---- which limiter a client uses ----

    private static readonly Random Dice = new();

    /// <summary>A 12-digit account of its own per test, so the process-wide limiters of one test are not another's.</summary>
    private static string NewAccount()
    {
        lock (Dice) return "9" + Dice.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string CallerIdentity(string account) =>
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        $"<UserId>AIDAEXAMPLE</UserId><Account>{account}</Account><Arn>arn:aws:iam::{account}:user/ops</Arn>" +
        "</GetCallerIdentityResult></GetCallerIdentityResponse>";

    private static bool IsSts(RecordedRequest r) => r.Method == "POST" && r.RawPath == "/";

    /// <summary>STS (POST /) answered by <paramref name="sts"/>, every API Gateway request with an empty page.</summary>
    private static FakeHandler Service(Func<HttpResponseMessage> sts, TimeSpan? stsDelay = null) =>
        new(async (r, ct) =>
        {
            if (!IsSts(r)) return Responses.Json("""{"item":[]}""");
            if (stsDelay != null) await Task.Delay(stsDelay.Value, ct);
            return sts();
        });

    private static ResolvedSession Session(string region = "us-east-1", string endpoint = "https://pace.example.com") =>
        TestSessions.Create(endpoint: endpoint, region: region);

    [Fact]
    public async Task Clients_OfOneAccountAndRegion_ShareOneLimiter_AndSTSIsAskedOnce_EvenByClientsStartingTogether()
    {
        var account = NewAccount();
        var accounts = new CallerAccounts();
        var handler = Service(() => Responses.Text(CallerIdentity(account), HttpStatusCode.OK, "text/xml"), stsDelay: TimeSpan.FromMilliseconds(100));
        var clients = Enumerable.Range(0, 4).Select(_ => new ApiGatewayClient(Session(), handler) { Accounts = accounts }).ToList();
        var other = new ApiGatewayClient(Session(region: "eu-west-1"), handler) { Accounts = accounts };
        try
        {
            await Task.WhenAll(clients.Select(c => Task.Run(() => new RestApiService(c).GetResourcesAsync("abc123", default))));
            await new RestApiService(other).GetResourcesAsync("abc123", default);

            Assert.Single(handler.Requests, IsSts);
            Assert.Equal(5, handler.Requests.Count(r => !IsSts(r)));
            var shared = clients[0].RateLimiter;
            Assert.NotNull(shared);
            Assert.All(clients, c => Assert.Same(shared, c.RateLimiter));
            Assert.Equal($"account {account} us-east-1 https://pace.example.com", clients[0].PacingKey);
            Assert.NotSame(shared, other.RateLimiter);
            Assert.Equal($"account {account} eu-west-1 https://pace.example.com", other.PacingKey);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
            other.Dispose();
        }
    }

    [Fact]
    public async Task OnApiGatewaysOwnEndpoints_OneAccountAndRegionIsOneQuota_WhicheverEndpoint()
    {
        var account = NewAccount();
        var accounts = new CallerAccounts();
        var handler = Service(() => Responses.Text(CallerIdentity(account), HttpStatusCode.OK, "text/xml"));
        using var regional = new ApiGatewayClient(Session(endpoint: "https://apigateway.us-east-1.amazonaws.com"), handler) { Accounts = accounts };
        using var vpc = new ApiGatewayClient(Session(endpoint: "https://vpce-0abc-12345.apigateway.us-east-1.vpce.amazonaws.com"), handler) { Accounts = accounts };

        await new RestApiService(regional).GetResourcesAsync("abc123", default);
        await new RestApiService(vpc).GetResourcesAsync("abc123", default);

        Assert.Equal($"account {account} us-east-1 aws", regional.PacingKey);
        Assert.Same(regional.RateLimiter, vpc.RateLimiter);
    }

    [Fact]
    public async Task AFunctionNameAndThePacingShareOneSTSCall()
    {
        var account = NewAccount();
        var handler = Service(() => Responses.Text(CallerIdentity(account), HttpStatusCode.OK, "text/xml"));
        using var client = new ApiGatewayClient(Session(), handler) { Accounts = new CallerAccounts() };

        var arn = await new LambdaFunctionResolver(client).FunctionArnAsync("orders", default);
        await new RestApiService(client).GetResourcesAsync("abc123", default);
        using var next = new ApiGatewayClient(Session(), handler) { Accounts = client.Accounts };
        await new LambdaFunctionResolver(next).FunctionArnAsync("billing", default);
        await new RestApiService(next).GetResourcesAsync("abc123", default);

        Assert.Equal($"arn:aws:lambda:us-east-1:{account}:function:orders", arn);
        Assert.Single(handler.Requests, IsSts);
        Assert.Same(client.RateLimiter, next.RateLimiter);
    }

    [Fact]
    public async Task WhenSTSCannotTell_TheRequestGoesOn_PacedByTheAccessKey_AndALogLineSaysWhy_AndSTSIsNotAskedAgainAtOnce()
    {
        var accounts = new CallerAccounts();
        var handler = Service(() => Responses.Text("<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>",
            HttpStatusCode.Forbidden, "text/xml"));
        var lines = new List<string>();
        using var first = new ApiGatewayClient(Session(endpoint: "https://fallback.example.com"), handler) { Accounts = accounts, Log = lines.Add };
        using var second = new ApiGatewayClient(Session(endpoint: "https://fallback.example.com"), handler) { Accounts = accounts };

        var page = await new RestApiService(first).GetResourcesAsync("abc123", default);
        await new RestApiService(second).GetResourcesAsync("abc123", default);

        Assert.NotNull(page);
        Assert.Single(handler.Requests, IsSts);
        Assert.StartsWith("access key #", first.PacingKey);
        Assert.EndsWith(" us-east-1 https://fallback.example.com", first.PacingKey);
        Assert.DoesNotContain(TestSessions.AccessKey, first.PacingKey);
        Assert.Same(first.RateLimiter, second.RateLimiter);
        var note = Assert.Single(lines, l => l.StartsWith("Pacing ", StringComparison.Ordinal));
        Assert.Contains("the account is not known", note);
        Assert.Contains("AccessDenied", note);
        Assert.DoesNotContain(TestSessions.AccessKey, string.Join("\n", lines));
    }

    [Fact]
    public async Task WhenSTSDoesNotAnswer_ThePacingWaitsNoLongerThanItsTimeout()
    {
        var handler = new FakeHandler(async (r, ct) =>
        {
            if (IsSts(r)) await Task.Delay(Timeout.Infinite, ct);
            return Responses.Json("""{"item":[]}""");
        });
        using var client = new ApiGatewayClient(Session(endpoint: "https://silent.example.com"), handler)
        {
            Accounts = new CallerAccounts(), PacingLookupTimeout = TimeSpan.FromMilliseconds(200),
        };
        var clock = Stopwatch.StartNew();

        await new RestApiService(client).GetResourcesAsync("abc123", default);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.15, 3);
        Assert.StartsWith("access key #", client.PacingKey);
    }

    [Fact]
    public async Task AClientGivenItsOwnLimiterAsksNoSTS()
    {
        var handler = Service(() => throw new Xunit.Sdk.XunitException("STS was asked"));
        using var client = new ApiGatewayClient(Session(), handler) { Accounts = new CallerAccounts(), RateLimiter = TestSessions.Unpaced() };

        await new RestApiService(client).GetResourcesAsync("abc123", default);

        Assert.DoesNotContain(handler.Requests, IsSts);
    }
}
