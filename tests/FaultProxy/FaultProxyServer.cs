using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationTools.FaultProxy;

/// <summary>What the proxy does to requests. Rates are fractions of requests (0.1 = 10 %).</summary>
public sealed record FaultOptions
{
    /// <summary>Requests per second the token bucket allows (API Gateway's management quota: 10).</summary>
    public double RatePerSecond { get; init; } = 10;

    /// <summary>The bucket's size (the quota's burst: 40).</summary>
    public double Burst { get; init; } = 40;

    /// <summary>Whether the token bucket is enforced at all.</summary>
    public bool Throttle { get; init; } = true;

    /// <summary>Extra 429s at random, on top of the bucket.</summary>
    public double TooManyRequestsRate { get; init; }

    public double InternalErrorRate { get; init; }

    public double ServiceUnavailableRate { get; init; }

    /// <summary>Connections dropped before forwarding: the change is not applied.</summary>
    public double DropBeforeForwardRate { get; init; }

    /// <summary>Connections dropped after forwarding: the change IS applied, the client gets no answer.</summary>
    public double DropAfterForwardRate { get; init; }

    public double SlowRate { get; init; }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Answers every request as API Gateway answers a request signed with unknown keys (403 UnrecognizedClientException),
    /// without forwarding it: moto accepts any credentials.
    /// </summary>
    public bool RejectCredentials { get; init; }

    /// <summary>Seed of the fault dice, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 12345;
}

/// <summary>The proxy on a free loopback port, forwarding to an upstream (moto).</summary>
public sealed class FaultProxyServer : IAsyncDisposable
{
    private static readonly string[] SecretHeaders = ["Authorization", "X-Amz-Security-Token"];
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamUri;
    private readonly object _gate = new();
    private readonly Random _dice;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private double _tokens;
    private DateTime _refilled = DateTime.UtcNow;

    private FaultProxyServer(WebApplication app, Uri upstream, FaultOptions options)
    {
        _app = app;
        _upstreamUri = upstream;
        Options = options;
        _dice = new Random(options.Seed);
        _tokens = options.Burst;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>What to do; can be swapped between runs.</summary>
    public FaultOptions Options { get; set; }

    public string Endpoint { get; private set; } = "";

    /// <summary>How many requests met each fate: rejected, forwarded, throttled, 500, 503, dropped-before, dropped-after, slow.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>One line per request: method, path, fate, status, and the request's headers with secrets redacted.</summary>
    public IReadOnlyCollection<string> Log => _log;

    public static async Task<FaultProxyServer> StartAsync(string upstream, FaultOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FaultProxyServer(app, new Uri(upstream), options ?? new FaultOptions());
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Endpoint = app.Urls.First().Replace("localhost", "127.0.0.1");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    public void ResetCounts()
    {
        _counts.Clear();
        _log.Clear();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var line = $"{request.Method} {request.Path}{request.QueryString} [{RedactedHeaders(request.Headers)}]";
        var fate = Decide();
        Count(fate);
        switch (fate)
        {
            case "rejected":
                _log.Enqueue($"{line} -> 403 unrecognized client");
                await WriteError(context, 403, "UnrecognizedClientException", "The security token included in the request is invalid.");
                return;
            case "throttled":
                _log.Enqueue($"{line} -> 429 throttled");
                await WriteError(context, 429, "TooManyRequestsException", "Too Many Requests", retryAfter: true);
                return;
            case "500":
                _log.Enqueue($"{line} -> 500");
                await WriteError(context, 500, "InternalServerErrorException", "Internal server error");
                return;
            case "503":
                _log.Enqueue($"{line} -> 503");
                await WriteError(context, 503, "ServiceUnavailableException", "Service unavailable");
                return;
            case "dropped-before":
                _log.Enqueue($"{line} -> connection dropped before forwarding");
                context.Abort();
                return;
        }
        if (fate == "slow") await Task.Delay(Options.SlowDelay, context.RequestAborted);

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamUri, request.Path + request.QueryString));
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || request.ContentLength.HasValue)
        {
            forward.Content = new ByteArrayContent(body.ToArray());
        }
        foreach (var header in request.Headers)
        {
            if (HopByHop.Contains(header.Key)) continue;
            if (!forward.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
                forward.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }
        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (fate == "dropped-after")
        {
            _log.Enqueue($"{line} -> forwarded ({(int)answer.StatusCode}), then the connection was dropped");
            context.Abort();
            return;
        }
        _log.Enqueue($"{line} -> {(int)answer.StatusCode}{(fate == "slow" ? " (slow)" : "")}");
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (HopByHop.Contains(header.Key)) continue;
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private string Decide()
    {
        lock (_gate)
        {
            var o = Options;
            if (o.RejectCredentials) return "rejected";
            if (o.Throttle)
            {
                var now = DateTime.UtcNow;
                _tokens = Math.Min(o.Burst, _tokens + (now - _refilled).TotalSeconds * o.RatePerSecond);
                _refilled = now;
                if (_tokens < 1) return "throttled";
                _tokens -= 1;
            }
            var roll = _dice.NextDouble();
            foreach (var (rate, fate) in new[]
                     {
                         (o.TooManyRequestsRate, "throttled"), (o.InternalErrorRate, "500"), (o.ServiceUnavailableRate, "503"),
                         (o.DropBeforeForwardRate, "dropped-before"), (o.DropAfterForwardRate, "dropped-after"), (o.SlowRate, "slow"),
                     })
            {
                if (roll < rate) return fate;
                roll -= rate;
            }
            return "forwarded";
        }
    }

    private void Count(string fate) => _counts.AddOrUpdate(fate, 1, (_, n) => n + 1);

    private static string RedactedHeaders(IHeaderDictionary headers) =>
        string.Join("; ", headers.Select(h => SecretHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? $"{h.Key}: ***" : $"{h.Key}: {h.Value}"));

    private static async Task WriteError(HttpContext context, int status, string type, string message, bool retryAfter = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = type;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (retryAfter) context.Response.Headers["Retry-After"] = "1";
        await context.Response.WriteAsync($"{{\"message\":\"{message}\"}}", Encoding.UTF8);
    }
}
