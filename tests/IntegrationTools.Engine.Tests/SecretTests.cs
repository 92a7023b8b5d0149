using System.Net;
using System.Net.Sockets;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Session;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// The secret key and the session token never show in an exception (message, ToString with inner exceptions,
/// service message) or in a line given to <see cref="ApiGatewayClient.Log"/>, whatever happens.
/// </summary>
public class SecretTests
{
    private static readonly ApiInfo HttpApi = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    private static readonly string[] Forbidden =
    {
        TestSessions.SecretKey,
        TestSessions.SessionToken,
        "Signature=",
        "AWS4-HMAC-SHA256",
    };

    private static void AssertNoSecrets(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (text == null) continue;
            foreach (var secret in Forbidden)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' appears in: {text}");
        }
    }

    private static IEnumerable<string?> Describe(Exception? ex)
    {
        if (ex == null) yield break;
        yield return ex.ToString();
        for (var e = ex; e != null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is ApiGatewayException gateway) yield return gateway.Operation;
            if (e is ApiGatewayServiceException service)
            {
                yield return service.ServiceMessage;
                yield return service.ErrorCode;
                yield return service.RequestId;
            }
            if (e is SessionException session) yield return session.RecommendedAction;
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static HttpResponseMessage Throttled()
    {
        var response = Responses.Error((HttpStatusCode)429, "TooManyRequestsException", """{"message":"Too Many Requests"}""");
        response.Headers.TryAddWithoutValidation("Retry-After", "2");
        return response;
    }

    /// <summary>name → (answer, call, the exception type expected or null for success).</summary>
    private static readonly Dictionary<string, (Func<FakeHandler>? Handler, Func<ApiGatewayClient, CancellationToken, Task> Call, Type? Expected)> WireScenarios = new()
    {
        ["success v1"] = (() => new FakeHandler(_ => Responses.Json("""{"type":"HTTP_PROXY","httpMethod":"GET","uri":"https://example.com"}""")),
            (c, ct) => new RestApiService(c).GetIntegrationAsync("abc123", "res456", "GET", "/pets", ct), null),
        ["success v2 paged"] = (() => new FakeHandler(_ => Responses.Json("""{"items":[{"integrationId":"int001"}],"nextToken":"t2"}""")),
            (c, ct) => new ApiV2Service(c).GetIntegrationsPageAsync(HttpApi, "t1", ct), null),
        ["404 v1"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.NotFound, "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/", """{"message":"Invalid Integration identifier specified"}""")),
            (c, ct) => new RestApiService(c).GetIntegrationAsync("abc123", "res456", "GET", "/pets", ct), typeof(ApiGatewayServiceException)),
        ["404 v2 body"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.NotFound, null, """{"message":"Invalid API identifier specified","__type":"NotFoundException"}""")),
            (c, ct) => new ApiV2Service(c).GetIntegrationAsync(HttpApi, "int001", ct), typeof(ApiGatewayServiceException)),
        ["404 Message"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.NotFound, null, """{"Message":"Invalid API identifier specified"}""")),
            (c, ct) => new ApiV2Service(c).GetIntegrationAsync(HttpApi, "int001", ct), typeof(ApiGatewayServiceException)),
        ["429"] = (() => new FakeHandler(_ => Throttled()),
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayServiceException)),
        ["500 no body"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.InternalServerError, null, null)),
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayServiceException)),
        ["403 unrecognized client"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.Forbidden, "UnrecognizedClientException", """{"message":"The security token included in the request is invalid."}""")),
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayServiceException)),
        ["403 signature mismatch"] = (() => new FakeHandler(_ => Responses.Error(HttpStatusCode.Forbidden, "InvalidSignatureException", """{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."}""")),
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayServiceException)),
        ["non-JSON 2xx"] = (() => new FakeHandler(_ => Responses.Text("<html>proxy login</html>", HttpStatusCode.OK, "text/html")),
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayResponseException)),
        ["empty integration"] = (() => new FakeHandler(_ => Responses.Json("{}")),
            (c, ct) => new RestApiService(c).GetIntegrationAsync("abc123", "res456", "GET", "/pets", ct), typeof(ApiGatewayServiceException)),
        ["path not found"] = (() => new FakeHandler(_ => Responses.Json("""{"item":[{"id":"r","path":"/pets"}]}""")),
            (c, ct) => new RestApiService(c).FindResourceByPathAsync("abc123", "/pet", ct), typeof(ResourcePathNotFoundException)),
        ["timeout"] = (FakeHandler.Hanging,
            (c, ct) => { c.Timeout = TimeSpan.FromMilliseconds(100); return new RestApiService(c).GetResourcesAsync("abc123", ct); }, typeof(ApiGatewayTransportException)),
        ["connection refused"] = (null,
            (c, ct) => new RestApiService(c).GetResourcesAsync("abc123", ct), typeof(ApiGatewayTransportException)),
    };

    public static TheoryData<string> WireScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in WireScenarios.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(WireScenarioNames))]
    public async Task WireScenario_ShowsNoSecret(string name)
    {
        var (makeHandler, call, expected) = WireScenarios[name];
        var endpoint = makeHandler == null ? $"http://127.0.0.1:{FreeLoopbackPort()}" : TestSessions.Endpoint;
        var session = TestSessions.Create(sessionToken: TestSessions.SessionToken, endpoint: endpoint);
        var handler = makeHandler?.Invoke();
        var lines = new List<string>();
        using var client = handler == null ? new ApiGatewayClient(session) : new ApiGatewayClient(session, handler);
        client.Log = lines.Add;
        // Retries stay on (their log lines must not leak either), with tiny delays.
        client.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        client.RetryMaxDelay = TimeSpan.FromMilliseconds(5);
        client.RateLimiter = TestSessions.Unpaced();

        var ex = await Record.ExceptionAsync(() => call(client, default));

        if (expected == null) Assert.Null(ex);
        else Assert.IsType(expected, ex);
        Assert.NotEmpty(lines);
        AssertNoSecrets(lines);
        AssertNoSecrets(Describe(ex));
        AssertNoSecrets(new[] { session.ToString(), session.CredentialSource, session.RegionSource, session.EndpointSource });
    }

    [Fact]
    public void A_resolved_session_as_text_never_shows_its_credentials()
    {
        var session = TestSessions.Create(sessionToken: TestSessions.SessionToken);
        var text = session.ToString();
        AssertNoSecrets(new[] { text });
        Assert.DoesNotContain(TestSessions.AccessKey, text, StringComparison.Ordinal);
        Assert.Contains(session.Region, text, StringComparison.Ordinal);
        // Not a record's member-by-member text, which would print the credentials object.
        Assert.DoesNotContain("Credentials", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_ShowsNoSecret()
    {
        var session = TestSessions.Create(sessionToken: TestSessions.SessionToken);
        var lines = new List<string>();
        using var client = new ApiGatewayClient(session, FakeHandler.Hanging()) { Log = lines.Add };
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = await Record.ExceptionAsync(() => new RestApiService(client).GetResourcesAsync("abc123", cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        AssertNoSecrets(lines);
        AssertNoSecrets(Describe(ex));
    }

    public static TheoryData<string> SessionScenarioNames() => new()
    {
        "secret without access key", "token without keys", "invalid region", "invalid endpoint", "invalid endpoint from env",
        "profile not found", "not a credentials object",
    };

    [Theory]
    [MemberData(nameof(SessionScenarioNames))]
    public void SessionScenario_ShowsNoSecret(string name)
    {
        var env = new Dictionary<string, string>();
        var options = new SessionOptions
        {
            AccessKey = TestSessions.AccessKey,
            SecretKey = TestSessions.SecretKey,
            SessionToken = TestSessions.SessionToken,
            Region = "us-east-1",
        };
        switch (name)
        {
            case "secret without access key": options.AccessKey = null; break;
            case "token without keys": options.AccessKey = null; options.SecretKey = null; break;
            case "invalid region": options.Region = "useast1"; break;
            case "invalid endpoint": options.EndpointUrl = "ftp://example.com"; break;
            case "invalid endpoint from env": env["AWS_ENDPOINT_URL_API_GATEWAY"] = "not a url"; break;
            case "profile not found":
                options.AccessKey = null; options.SecretKey = null; options.SessionToken = null;
                options.ProfileName = "missing-" + TestSessions.SecretKey.Substring(0, 4);
                options.ProfileLocation = Path.Combine(Path.GetTempPath(), "it-engine-tests-no-such-file-" + Guid.NewGuid().ToString("N"));
                break;
            case "not a credentials object":
                options.AccessKey = null; options.SecretKey = null; options.SessionToken = null;
                options.Credential = new object();
                break;
        }

        var ex = Assert.Throws<SessionException>(() => TestSessions.Resolver(env).Resolve(options));

        AssertNoSecrets(Describe(ex));
    }

    [Fact]
    public async Task ForeignCredentialFailures_ShowNoSecret()
    {
        var incomplete = new FakeSdkCredentials("", TestSessions.SecretKey, TestSessions.SessionToken);
        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = incomplete, Region = "us-east-1" });
        var lines = new List<string>();
        using var client = new ApiGatewayClient(session, new FakeHandler(_ => Responses.Json("{}"))) { Log = lines.Add };

        var ex = await Record.ExceptionAsync(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.IsType<SessionException>(ex);
        AssertNoSecrets(lines);
        AssertNoSecrets(Describe(ex));
    }
}
