using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IntegrationTools.Engine.Tests.Infrastructure;

/// <summary>What the client put on the wire, copied out of the HttpRequestMessage while it was alive.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public Uri Uri { get; }

    /// <summary>Request and content headers, case-insensitive names, multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[]? Body { get; }

    /// <summary>The path as sent (percent-encoded), from the URL the client built.</summary>
    public string RawPath => SplitUrl().Path;

    /// <summary>The query string as sent, without '?'.</summary>
    public string RawQuery => SplitUrl().Query;

    private (string Path, string Query) SplitUrl()
    {
        // The SDK composes URLs with DangerousDisablePathAndQueryCanonicalization, so read the original text.
        var text = Uri.OriginalString;
        var start = text.IndexOf('/', text.IndexOf("://", StringComparison.Ordinal) + 3);
        if (start < 0) return ("/", "");
        var rest = text.Substring(start);
        var q = rest.IndexOf('?');
        return q < 0 ? (rest, "") : (rest.Substring(0, q), rest.Substring(q + 1));
    }

    public string? BodyText => Body == null ? null : Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Query string members, decoded.</summary>
    public Dictionary<string, string> Query()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = RawQuery;
        if (query.Length == 0) return result;
        foreach (var pair in query.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1));
            result[key] = value;
        }
        return result;
    }

    /// <summary>Everything recorded as one string, for "does this secret appear anywhere" checks.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        sb.Append(Method).Append(' ').Append(Uri.AbsoluteUri).Append('\n');
        foreach (var h in Headers) sb.Append(h.Key).Append(": ").Append(h.Value).Append('\n');
        sb.Append(BodyText);
        return sb.ToString();
    }
}

/// <summary>
/// An HttpMessageHandler that records every request and answers from a function (or a queue of canned answers),
/// the way API Gateway would.
/// </summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = new();

    public FakeHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    public FakeHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((r, _) => Task.FromResult(respond(r)))
    {
    }

    /// <summary>Answers the requests in order with the given responses; one more request fails the test.</summary>
    public static FakeHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var queue = new Queue<Func<HttpResponseMessage>>(responses);
        return new FakeHandler(r =>
        {
            if (queue.Count == 0) throw new Xunit.Sdk.XunitException($"Unexpected extra request: {r.Method} {r.Uri}");
            return queue.Dequeue()();
        });
    }

    /// <summary>Never answers: waits until the request is cancelled (client timeout or caller's token).</summary>
    public static FakeHandler Hanging() =>
        new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers) headers[h.Key] = string.Join(", ", h.Value);
        byte[]? body = null;
        if (request.Content != null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(", ", h.Value);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body);
        lock (_requests) _requests.Add(recorded);
        var response = await _respond(recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

/// <summary>Canned answers shaped like API Gateway's (rest-json: x-amzn-RequestId, x-amzn-ErrorType, JSON bodies).</summary>
public static class Responses
{
    public const string RequestId = "3f1c5a1e-7d2b-4c9e-9a55-0123456789ab";

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string? requestId = RequestId)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (requestId != null) response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        return response;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string? errorType, string? body, string? requestId = RequestId)
    {
        var response = new HttpResponseMessage(status);
        if (body != null)
        {
            response.Content = new StringContent(body, Encoding.UTF8);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        if (requestId != null) response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        if (errorType != null) response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorType);
        return response;
    }

    public static HttpResponseMessage Text(string body, HttpStatusCode status, string mediaType)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return response;
    }
}
