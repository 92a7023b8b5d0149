using IntegrationTools.Session;

namespace IntegrationTools.Engine.Tests.Infrastructure;

/// <summary>Sessions with fixed, recognizable credentials; the environment is a dictionary, never the process's.</summary>
internal static class TestSessions
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJH";
    public const string Region = "us-east-1";
    public const string Endpoint = "https://apigateway.us-east-1.amazonaws.com";

    public static SessionResolver Resolver(IDictionary<string, string>? environment = null)
    {
        var env = environment ?? new Dictionary<string, string>();
        return new SessionResolver(name => env.TryGetValue(name, out var v) ? v : null);
    }

    public static ResolvedSession Create(string? sessionToken = null, string endpoint = Endpoint, string region = Region)
    {
        return Resolver().Resolve(new SessionOptions
        {
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            SessionToken = sessionToken,
            Region = region,
            EndpointUrl = endpoint,
        });
    }

    /// <summary>A limiter of its own for one test client, so throttling answers of one test do not slow the others.</summary>
    public static Wire.AdaptiveRateLimiter Unpaced() => new(maxRate: 10_000, burst: 10_000);

    public static ApiGatewayClientWithLog Client(FakeHandler handler, string? sessionToken = null, string endpoint = Endpoint)
    {
        // One attempt: these tests are about what one answer maps to; RetryTests covers retries. The accounts the
        // client learns stay with it, so one test's STS answer is not another's.
        return new ApiGatewayClientWithLog(new Wire.ApiGatewayClient(Create(sessionToken, endpoint), handler)
        {
            MaxAttempts = 1, RateLimiter = Unpaced(), Accounts = new Wire.CallerAccounts(),
        });
    }
}

/// <summary>A client whose Log lines are collected.</summary>
internal sealed class ApiGatewayClientWithLog : IDisposable
{
    private readonly List<string> _lines = new();

    public ApiGatewayClientWithLog(Wire.ApiGatewayClient client)
    {
        Client = client;
        Client.Log = line => { lock (_lines) _lines.Add(line); };
    }

    public Wire.ApiGatewayClient Client { get; }

    public IReadOnlyList<string> LogLines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public void Dispose() => Client.Dispose();
}
