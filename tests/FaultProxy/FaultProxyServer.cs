using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationTools.FaultProxy;

/// <summary>
/// The proxy on a free loopback port, forwarding to an upstream (moto). Requests under <see cref="AdminPrefix"/> are
/// not forwarded: they read what the proxy saw and change what it does (see <see cref="HandleAdminAsync"/>).
/// </summary>
public sealed partial class FaultProxyServer : IAsyncDisposable
{
    /// <summary>The path prefix of the admin endpoints; no API Gateway path starts with it.</summary>
    public const string AdminPrefix = "/__faultproxy";

    /// <summary>Every fate a request can meet, in the order the counts list them.</summary>
    /// <summary>
    /// Every fate a request can meet, in the order the counts list them. "passed" is a request signed for another
    /// service than apigateway (STS GetCallerIdentity), forwarded without quota or faults.
    /// </summary>
    public static readonly IReadOnlyList<string> Fates = ["forwarded", "rejected", "throttled", "500", "503", "dropped-before", "dropped-after", "slow", "passed"];

    private static readonly string[] SecretHeaders = ["Authorization", "X-Amz-Security-Token"];
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamUri;
    private readonly object _gate = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private FaultOptions _options;
    private Random _dice;
    private Random _jitter;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    private FaultProxyServer(WebApplication app, Uri upstream, FaultOptions options)
    {
        _app = app;
        _upstreamUri = upstream;
        _options = options;
        _dice = new Random(options.Seed);
        _jitter = new Random(options.Seed);
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>What to do; can be swapped between runs (a new seed starts the dice again).</summary>
    public FaultOptions Options
    {
        get { lock (_gate) return _options; }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (value.Seed != _options.Seed)
                {
                    _dice = new Random(value.Seed);
                    _jitter = new Random(value.Seed);
                }
                _options = value;
            }
        }
    }

    public string Endpoint { get; private set; } = "";

    /// <summary>How many requests met each fate: rejected, forwarded, throttled, 500, 503, dropped-before, dropped-after, slow, passed.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>One line per request: method, path, fate, status, and the request's headers with secrets redacted.</summary>
    public IReadOnlyCollection<string> Log => _log;

    public static async Task<FaultProxyServer> StartAsync(string upstream, FaultOptions? options = null)
    {
        options ??= new FaultOptions();
        if (options.Problem() is { } problem) throw new ArgumentException("The fault options cannot be used: " + problem, nameof(options));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The process that embeds the proxy keeps its own Ctrl+C and SIGTERM handling (the proxy's Program adds its own).
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FaultProxyServer(app, new Uri(upstream), options);
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

    /// <summary>Forgets the counts and the log (and the per-quota request counts; the buckets keep their tokens).</summary>
    public void ResetCounts()
    {
        _counts.Clear();
        _log.Clear();
        lock (_gate)
        {
            foreach (var bucket in _buckets.Values)
            {
                bucket.Requests = 0;
                bucket.Throttled = 0;
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase, out var adminPath))
        {
            await HandleAdminAsync(context, adminPath.Value ?? "");
            return;
        }
        var line = $"{request.Method} {request.Path}{RedactedQuery(request.QueryString.Value)} [{RedactedHeaders(request.Headers)}]";
        var scope = CredentialScope.Of(request);
        var (fate, slowDelay, latency) = Decide(scope);
        Count(fate);
        // The round trip: every request waits on its own (no lock is held), so requests in flight overlap.
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
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
        if (fate == "slow") await Task.Delay(slowDelay, context.RequestAborted);

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
        _log.Enqueue($"{line} -> {(int)answer.StatusCode}{(fate == "slow" ? " (slow)" : fate == "passed" ? $" (passed: {scope.Service})" : "")}");
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (HopByHop.Contains(header.Key)) continue;
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>
    /// The admin endpoints (JSON; never counted, logged, throttled or failed):
    /// GET counts (every fate with its count), GET buckets (per quota, "region key#hash": the apigateway requests it saw
    /// and how many it throttled; the access key itself is never shown), GET log (the log lines, oldest first), GET options, POST options (a JSON
    /// object of the options to change, as GET options names them; answers the options now in force, or 400 with a
    /// message), POST reset (forgets the counts and the log).
    /// </summary>
    private async Task HandleAdminAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        switch (path.Trim('/').ToLowerInvariant(), method)
        {
            case ("counts", "GET"):
                await WriteJson(context, 200, w =>
                {
                    w.WriteStartObject();
                    foreach (var fate in Fates) w.WriteNumber(fate, _counts.GetValueOrDefault(fate));
                    w.WriteEndObject();
                });
                return;
            case ("buckets", "GET"):
                await WriteJson(context, 200, w =>
                {
                    w.WriteStartObject();
                    lock (_gate)
                    {
                        foreach (var (key, bucket) in _buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
                        {
                            w.WriteStartObject(key);
                            w.WriteNumber("requests", bucket.Requests);
                            w.WriteNumber("throttled", bucket.Throttled);
                            w.WriteEndObject();
                        }
                    }
                    w.WriteEndObject();
                });
                return;
            case ("log", "GET"):
                await WriteJson(context, 200, w =>
                {
                    w.WriteStartArray();
                    foreach (var line in _log) w.WriteStringValue(line);
                    w.WriteEndArray();
                });
                return;
            case ("options", "GET"):
                await WriteJson(context, 200, Options.WriteJson);
                return;
            case ("options", "POST"):
                FaultOptions changed;
                try
                {
                    using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                    changed = Options.With(document.RootElement);
                }
                catch (Exception ex) when (ex is JsonException or FormatException)
                {
                    await WriteMessage(context, 400, ex.Message);
                    return;
                }
                if (changed.Problem() is { } problem)
                {
                    await WriteMessage(context, 400, problem);
                    return;
                }
                Options = changed;
                await WriteJson(context, 200, changed.WriteJson);
                return;
            case ("reset", "POST"):
                ResetCounts();
                context.Response.StatusCode = 204;
                return;
            case ("counts" or "buckets" or "log" or "options" or "reset", _):
                await WriteMessage(context, 405, $"{method} is not allowed on {AdminPrefix}/{path.Trim('/')}.");
                return;
            default:
                await WriteMessage(context, 404, $"No admin endpoint {AdminPrefix}/{path.Trim('/')}: there are GET counts, GET buckets, GET log, GET and POST options, POST reset.");
                return;
        }
    }

    private (string Fate, TimeSpan SlowDelay, TimeSpan Latency) Decide(CredentialScope scope)
    {
        lock (_gate)
        {
            var o = _options;
            var latency = o.Latency;
            if (o.LatencyJitter > TimeSpan.Zero) latency += TimeSpan.FromMilliseconds(_jitter.NextDouble() * o.LatencyJitter.TotalMilliseconds);
            if (o.RejectCredentials) return ("rejected", o.SlowDelay, latency);
            if (!scope.IsApiGateway) return ("passed", o.SlowDelay, latency);
            var bucket = BucketOf(scope);
            bucket.Requests++;
            if (o.Throttle)
            {
                var now = DateTime.UtcNow;
                bucket.Tokens = Math.Min(o.Burst, bucket.Tokens + (now - bucket.Refilled).TotalSeconds * o.RatePerSecond);
                bucket.Refilled = now;
                if (bucket.Tokens < 1)
                {
                    bucket.Throttled++;
                    return ("throttled", o.SlowDelay, latency);
                }
                bucket.Tokens -= 1;
            }
            var roll = _dice.NextDouble();
            foreach (var (rate, fate) in new[]
                     {
                         (o.TooManyRequestsRate, "throttled"), (o.InternalErrorRate, "500"), (o.ServiceUnavailableRate, "503"),
                         (o.DropBeforeForwardRate, "dropped-before"), (o.DropAfterForwardRate, "dropped-after"), (o.SlowRate, "slow"),
                     })
            {
                if (roll < rate) return (fate, o.SlowDelay, latency);
                roll -= rate;
            }
            return ("forwarded", o.SlowDelay, latency);
        }
    }

    /// <summary>The token bucket of the request's region and access key (under <see cref="_gate"/>); a new one is full.</summary>
    private Bucket BucketOf(CredentialScope scope)
    {
        var key = scope.BucketKey;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Tokens = _options.Burst, Refilled = DateTime.UtcNow };
            _buckets[key] = bucket;
        }
        return bucket;
    }

    /// <summary>One quota: what is left of it, and how many apigateway requests it has seen and throttled.</summary>
    private sealed class Bucket
    {
        public double Tokens;
        public DateTime Refilled;
        public int Requests;
        public int Throttled;
    }

    private void Count(string fate) => _counts.AddOrUpdate(fate, 1, (_, n) => n + 1);

    private static string RedactedHeaders(IHeaderDictionary headers) =>
        string.Join("; ", headers.Select(h => SecretHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? $"{h.Key}: ***" : $"{h.Key}: {h.Value}"));

    /// <summary>The query string with the values of presigned-URL parameters (signature, credential, token) hidden.</summary>
    private static string RedactedQuery(string? query) =>
        string.IsNullOrEmpty(query) ? "" : SecretQueryParameter().Replace(query, m => m.Groups[1].Value + "***");

    [GeneratedRegex(@"((?:^\?|&)X-Amz-(?:Signature|Credential|Security-Token)=)[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryParameter();

    private static async Task WriteError(HttpContext context, int status, string type, string message, bool retryAfter = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = type;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (retryAfter) context.Response.Headers["Retry-After"] = "1";
        await context.Response.WriteAsync($"{{\"message\":\"{message}\"}}", Encoding.UTF8);
    }

    private static Task WriteMessage(HttpContext context, int status, string message) =>
        WriteJson(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private static async Task WriteJson(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    /// <summary>A host lifetime that leaves the process's signals alone: the embedding process decides when to stop.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// The SigV4 credential scope of a request (access key id / date / region / service / aws4_request), from the
/// Authorization header or a presigned URL's X-Amz-Credential. An unsigned request has no key and no region and counts
/// as apigateway (moto accepts it as such).
/// </summary>
internal readonly record struct CredentialScope(string AccessKeyId, string Region, string Service)
{
    public bool IsApiGateway => Service.Length == 0 || string.Equals(Service, "apigateway", StringComparison.OrdinalIgnoreCase);

    /// <summary>"region key#hash": the region and a hash of the access key id (which is never shown).</summary>
    public string BucketKey
    {
        get
        {
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(AccessKeyId)))[..8].ToLowerInvariant();
            return $"{(Region.Length == 0 ? "(no region)" : Region)} key#{(AccessKeyId.Length == 0 ? "none" : hash)}";
        }
    }

    public static CredentialScope Of(HttpRequest request)
    {
        string? credential = null;
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + "Credential=".Length;
            var end = authorization.IndexOfAny([',', ' '], start);
            credential = end < 0 ? authorization[start..] : authorization[start..end];
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var query))
        {
            credential = query.ToString();
        }
        var parts = (credential ?? "").Split('/');
        return parts.Length >= 5 ? new CredentialScope(parts[0], parts[2], parts[3]) : new CredentialScope("", "", "");
    }
}
