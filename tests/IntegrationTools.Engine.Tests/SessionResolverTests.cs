using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Session;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// Session resolution with an injected environment. Every test gives credentials and a region (or an environment
/// region), so nothing falls through to the SDK's default chains (the real environment, instance metadata).
/// </summary>
public sealed class SessionResolverTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "it-engine-tests-" + Guid.NewGuid().ToString("N"));

    public SessionResolverTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private string CredentialsFile(string content)
    {
        var path = Path.Combine(_directory, "credentials");
        File.WriteAllText(path, content);
        return path;
    }

    private static SessionOptions Keys(string? region = "us-east-1", string? endpoint = null) => new()
    {
        AccessKey = TestSessions.AccessKey,
        SecretKey = TestSessions.SecretKey,
        Region = region,
        EndpointUrl = endpoint,
    };

    private static SessionException Fails(SessionOptions options, IDictionary<string, string>? env = null) =>
        Assert.Throws<SessionException>(() => TestSessions.Resolver(env).Resolve(options));

    /// <summary>Sends one GetResources with the session and returns what went on the wire.</summary>
    private static async Task<RecordedRequest> SignOne(ResolvedSession session)
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"item":[]}"""));
        using var client = new ApiGatewayClient(session, handler) { MaxAttempts = 1, RateLimiter = TestSessions.Unpaced() };
        await new RestApiService(client).GetResourcesAsync("abc123", default);
        return handler.Single();
    }

    // ---- credentials ----

    [Fact]
    public async Task ExplicitKeys_AreUsed()
    {
        var session = TestSessions.Resolver().Resolve(Keys());

        Assert.Equal("us-east-1", session.Region);
        Assert.Equal("the -AccessKey and -SecretKey parameters", session.CredentialSource);
        Assert.Equal("the -Region parameter", session.RegionSource);
        var request = await SignOne(session);
        Assert.Equal("AKIDEXAMPLE", SigV4.Parse(request).AccessKey);
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public void ExplicitKeys_WithToken_SayWhereTheyCameFrom()
    {
        var options = Keys();
        options.SessionToken = TestSessions.SessionToken;

        var session = TestSessions.Resolver().Resolve(options);

        Assert.Equal("the -AccessKey, -SecretKey and -SessionToken parameters", session.CredentialSource);
    }

    [Fact]
    public void ExplicitKeys_WinOverACredentialObjectAndAProfile()
    {
        var options = Keys();
        options.Credential = new FakeSdkCredentials("AKIDFOREIGN", "foreign-secret");
        options.ProfileName = "does-not-exist";

        var session = TestSessions.Resolver().Resolve(options);

        Assert.Equal("the -AccessKey and -SecretKey parameters", session.CredentialSource);
    }

    [Theory]
    [InlineData("AKIDEXAMPLE", null)]
    [InlineData("AKIDEXAMPLE", "")]
    [InlineData(null, "secret")]
    public void OneKeyWithoutTheOther_IsIncomplete(string? accessKey, string? secretKey)
    {
        var ex = Fails(new SessionOptions { AccessKey = accessKey, SecretKey = secretKey, Region = "us-east-1" });

        Assert.Equal(SessionProblem.IncompleteCredentials, ex.Problem);
        Assert.Contains("-AccessKey and -SecretKey", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.RecommendedAction));
    }

    [Fact]
    public void SessionTokenAlone_IsIncomplete()
    {
        var ex = Fails(new SessionOptions { SessionToken = TestSessions.SessionToken, Region = "us-east-1" });

        Assert.Equal(SessionProblem.IncompleteCredentials, ex.Problem);
        Assert.Contains("-SessionToken", ex.Message);
    }

    // ---- profiles ----

    [Fact]
    public async Task Profile_FromAGivenCredentialsFile_GivesKeysAndRegion()
    {
        var file = CredentialsFile("[default]\naws_access_key_id=AKIDDEFAULT\naws_secret_access_key=default-secret\n\n" +
                                   "[myprofile]\naws_access_key_id=AKIDPROFILE\naws_secret_access_key=profile-secret\nregion=eu-west-2\n");

        var session = TestSessions.Resolver().Resolve(new SessionOptions { ProfileName = "myprofile", ProfileLocation = file });

        Assert.Equal("eu-west-2", session.Region);
        Assert.Equal("the profile 'myprofile'", session.RegionSource);
        Assert.Equal($"the profile 'myprofile' in {file}", session.CredentialSource);
        Assert.Equal(new Uri("https://apigateway.eu-west-2.amazonaws.com"), session.Endpoint);
        var request = await SignOne(session);
        var auth = SigV4.Parse(request);
        Assert.Equal("AKIDPROFILE", auth.AccessKey);
        Assert.Equal("eu-west-2", auth.Region);
        SigV4.AssertValid(request, "profile-secret");
    }

    [Fact]
    public void Profile_RegionParameter_WinsOverTheProfileRegion()
    {
        var file = CredentialsFile("[myprofile]\naws_access_key_id=AKIDPROFILE\naws_secret_access_key=profile-secret\nregion=eu-west-2\n");

        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_REGION"] = "ap-south-1" })
            .Resolve(new SessionOptions { ProfileName = "myprofile", ProfileLocation = file, Region = "us-west-2" });

        Assert.Equal("us-west-2", session.Region);
    }

    [Fact]
    public void Profile_WithoutRegion_TakesTheEnvironmentRegion()
    {
        var file = CredentialsFile("[noregion]\naws_access_key_id=AKIDPROFILE\naws_secret_access_key=profile-secret\n");

        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_REGION"] = "ca-central-1" })
            .Resolve(new SessionOptions { ProfileName = "noregion", ProfileLocation = file });

        Assert.Equal("ca-central-1", session.Region);
        Assert.Equal("the AWS_REGION environment variable", session.RegionSource);
    }

    [Fact]
    public void ProfileLocationAlone_UsesAwsProfileFromTheEnvironment()
    {
        var file = CredentialsFile("[default]\naws_access_key_id=AKIDDEFAULT\naws_secret_access_key=default-secret\nregion=us-east-2\n\n" +
                                   "[fromenv]\naws_access_key_id=AKIDFROMENV\naws_secret_access_key=env-secret\nregion=eu-north-1\n");

        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_PROFILE"] = "fromenv" })
            .Resolve(new SessionOptions { ProfileLocation = file });

        Assert.Equal("eu-north-1", session.Region);
        Assert.Contains("'fromenv'", session.CredentialSource);
    }

    [Fact]
    public void ProfileLocationAlone_WithoutAwsProfile_UsesDefault()
    {
        var file = CredentialsFile("[default]\naws_access_key_id=AKIDDEFAULT\naws_secret_access_key=default-secret\nregion=us-east-2\n");

        var session = TestSessions.Resolver().Resolve(new SessionOptions { ProfileLocation = file });

        Assert.Equal("us-east-2", session.Region);
        Assert.Contains("'default'", session.CredentialSource);
    }

    [Fact]
    public void MissingProfile_IsProfileNotFound_NamingTheProfileAndFile()
    {
        var file = CredentialsFile("[myprofile]\naws_access_key_id=AKIDPROFILE\naws_secret_access_key=profile-secret\n");

        var ex = Fails(new SessionOptions { ProfileName = "my-profile-typo", ProfileLocation = file, Region = "us-east-1" });

        Assert.Equal(SessionProblem.ProfileNotFound, ex.Problem);
        Assert.Contains("'my-profile-typo'", ex.Message);
        Assert.Contains(file, ex.Message);
        Assert.Contains("my-profile-typo", ex.RecommendedAction);
    }

    [Fact]
    public void ProfileWithoutKeys_IsNotUsable()
    {
        var file = CredentialsFile("[empty]\nregion=eu-west-1\noutput=json\n");

        var ex = Fails(new SessionOptions { ProfileName = "empty", ProfileLocation = file, Region = "us-east-1" });

        Assert.Equal(SessionProblem.NoCredentials, ex.Problem);
        Assert.Contains("'empty'", ex.Message);
    }

    // ---- -Credential objects ----

    [Fact]
    public async Task CredentialObject_WithPublicGetCredentials_SignsRequests()
    {
        var foreign = new FakeSdkCredentials("AKIDFOREIGN", "foreign-secret");

        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = foreign, Region = "us-east-1" });

        Assert.Equal("the -Credential parameter", session.CredentialSource);
        var request = await SignOne(session);
        Assert.Equal("AKIDFOREIGN", SigV4.Parse(request).AccessKey);
        SigV4.AssertValid(request, "foreign-secret");
        Assert.Null(request.Header("X-Amz-Security-Token"));
        Assert.True(foreign.Calls >= 1);
    }

    [Fact]
    public async Task CredentialObject_WrappedInACredentialsProperty_SignsRequests()
    {
        var wrapper = new FakePSCredentials(new FakeSdkCredentials("AKIDWRAPPED", "wrapped-secret"));

        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = wrapper, Region = "us-east-1" });

        var request = await SignOne(session);
        Assert.Equal("AKIDWRAPPED", SigV4.Parse(request).AccessKey);
        SigV4.AssertValid(request, "wrapped-secret");
    }

    [Fact]
    public async Task CredentialObject_IsAskedAgainForEverySigning()
    {
        var foreign = new FakeSdkCredentials("AKIDFIRST", "first-secret");
        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = foreign, Region = "us-east-1" });
        var handler = new FakeHandler(_ => Responses.Json("""{"item":[]}"""));
        using var client = new ApiGatewayClient(session, handler) { MaxAttempts = 1, RateLimiter = TestSessions.Unpaced() };
        var service = new RestApiService(client);

        await service.GetResourcesAsync("abc123", default);
        foreign.AccessKey = "AKIDREFRESHED";
        foreign.SecretKey = "refreshed-secret";
        await service.GetResourcesAsync("abc123", default);

        Assert.Equal("AKIDFIRST", SigV4.Parse(handler.Requests[0]).AccessKey);
        Assert.Equal("AKIDREFRESHED", SigV4.Parse(handler.Requests[1]).AccessKey);
        SigV4.AssertValid(handler.Requests[1], "refreshed-secret");
    }

    [Fact]
    public async Task CredentialObject_WithToken_SendsTheToken()
    {
        var foreign = new FakeSdkCredentials("ASIAFOREIGN", "foreign-secret", "foreign-session-token");
        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = foreign, Region = "us-east-1" });

        var request = await SignOne(session);

        Assert.Equal("foreign-session-token", request.Header("X-Amz-Security-Token"));
        SigV4.AssertValid(request, "foreign-secret");
    }

    public static TheoryData<object> NotCredentialObjects => new()
    {
        new object(),
        "AKIDEXAMPLE:secret",
        new Uri("https://example.com"),
        new NotCredentials(),
        new Dictionary<string, string> { ["AccessKey"] = "AKIDEXAMPLE", ["SecretKey"] = "secret" },
    };

    [Theory]
    [MemberData(nameof(NotCredentialObjects))]
    public void CredentialObject_WithoutGetCredentials_IsRejected(object value)
    {
        var ex = Fails(new SessionOptions { Credential = value, Region = "us-east-1" });

        Assert.Equal(SessionProblem.NoCredentials, ex.Problem);
        Assert.Contains(value.GetType().FullName!, ex.Message);
    }

    [Fact]
    public async Task CredentialObject_ThatFails_IsASessionErrorWhenSigning()
    {
        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = new FakeFailingCredentials(), Region = "us-east-1" });
        var handler = new FakeHandler(_ => Responses.Json("""{"item":[]}"""));
        using var client = new ApiGatewayClient(session, handler) { MaxAttempts = 1, RateLimiter = TestSessions.Unpaced() };

        var ex = await Assert.ThrowsAsync<SessionException>(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Equal(SessionProblem.NoCredentials, ex.Problem);
        Assert.Contains("SSO session", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("AKIDFOREIGN", "")]
    [InlineData("", "foreign-secret")]
    [InlineData(null, null)]
    public async Task CredentialObject_WithoutKeys_IsIncompleteWhenSigning(string? accessKey, string? secretKey)
    {
        var session = TestSessions.Resolver().Resolve(new SessionOptions { Credential = new FakeSdkCredentials(accessKey, secretKey), Region = "us-east-1" });
        var handler = new FakeHandler(_ => Responses.Json("""{"item":[]}"""));
        using var client = new ApiGatewayClient(session, handler) { MaxAttempts = 1, RateLimiter = TestSessions.Unpaced() };

        var ex = await Assert.ThrowsAsync<SessionException>(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Equal(SessionProblem.IncompleteCredentials, ex.Problem);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ShellCredential_IsUsedWhenNothingElseIsGiven()
    {
        var session = TestSessions.Resolver().Resolve(new SessionOptions
        {
            ShellCredential = new FakePSCredentials(new FakeSdkCredentials("AKIDSHELL", "shell-secret")),
            Region = "us-east-1",
        });

        Assert.Equal("the shell default credentials (Set-AWSCredential)", session.CredentialSource);
        var request = await SignOne(session);
        Assert.Equal("AKIDSHELL", SigV4.Parse(request).AccessKey);
    }

    // ---- region ----

    [Fact]
    public void Region_FromAwsRegion()
    {
        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_REGION"] = "eu-central-1", ["AWS_DEFAULT_REGION"] = "us-west-1" })
            .Resolve(Keys(region: null));

        Assert.Equal("eu-central-1", session.Region);
        Assert.Equal("the AWS_REGION environment variable", session.RegionSource);
        Assert.Equal(new Uri("https://apigateway.eu-central-1.amazonaws.com"), session.Endpoint);
    }

    [Fact]
    public void Region_FromAwsDefaultRegion_WhenAwsRegionIsEmpty()
    {
        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_REGION"] = "  ", ["AWS_DEFAULT_REGION"] = "us-west-1" })
            .Resolve(Keys(region: null));

        Assert.Equal("us-west-1", session.Region);
        Assert.Equal("the AWS_DEFAULT_REGION environment variable", session.RegionSource);
    }

    [Fact]
    public void Region_ParameterThenShellDefaultThenEnvironment()
    {
        var env = new Dictionary<string, string> { ["AWS_REGION"] = "eu-central-1" };
        var withShell = Keys(region: null);
        withShell.ShellRegion = "ap-northeast-1";
        var withBoth = Keys(region: " sa-east-1 ");
        withBoth.ShellRegion = "ap-northeast-1";

        var shell = TestSessions.Resolver(env).Resolve(withShell);
        var parameter = TestSessions.Resolver(env).Resolve(withBoth);

        Assert.Equal("ap-northeast-1", shell.Region);
        Assert.Equal("the shell default region (Set-DefaultAWSRegion)", shell.RegionSource);
        Assert.Equal("sa-east-1", parameter.Region);
    }

    [Theory]
    [InlineData("useast1")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    [InlineData("us_east_1")]
    [InlineData("https://apigateway.us-east-1.amazonaws.com")]
    public void InvalidRegion_IsRejected(string region)
    {
        var ex = Fails(Keys(region: region));

        Assert.Equal(SessionProblem.InvalidRegion, ex.Problem);
        Assert.Contains($"'{region}'", ex.Message);
        Assert.Contains("-Region", ex.Message);
    }

    [Fact]
    public void InvalidRegion_FromTheEnvironment_NamesTheVariable()
    {
        var ex = Fails(Keys(region: null), new Dictionary<string, string> { ["AWS_REGION"] = "useast1" });

        Assert.Equal(SessionProblem.InvalidRegion, ex.Problem);
        Assert.Contains("AWS_REGION", ex.Message);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-2")]
    [InlineData("ap-southeast-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-north-1")]
    public void ValidRegions_AreAccepted(string region)
    {
        Assert.Equal(region, TestSessions.Resolver().Resolve(Keys(region: region)).Region);
    }

    // ---- endpoint ----

    [Theory]
    [InlineData("us-east-1", "https://apigateway.us-east-1.amazonaws.com/")]
    [InlineData("eu-west-2", "https://apigateway.eu-west-2.amazonaws.com/")]
    [InlineData("us-gov-west-1", "https://apigateway.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://apigateway.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://apigateway.cn-northwest-1.amazonaws.com.cn/")]
    public void DefaultEndpoint_IsTheRegionalApiGatewayEndpoint(string region, string expected)
    {
        var session = TestSessions.Resolver().Resolve(Keys(region: region));

        Assert.Equal(expected, session.Endpoint.AbsoluteUri);
        Assert.Equal("the region's API Gateway endpoint", session.EndpointSource);
    }

    [Theory]
    // parameter > AWS_ENDPOINT_URL_API_GATEWAY > AWS_ENDPOINT_URL
    [InlineData("https://param:1", "https://service:2", "https://global:3", null, "https://param:1/", "the -EndpointUrl parameter")]
    [InlineData(null, "https://service:2", "https://global:3", null, "https://service:2/", "the AWS_ENDPOINT_URL_API_GATEWAY environment variable")]
    [InlineData(null, null, "https://global:3", null, "https://global:3/", "the AWS_ENDPOINT_URL environment variable")]
    [InlineData("  ", "  ", "https://global:3", null, "https://global:3/", "the AWS_ENDPOINT_URL environment variable")]
    // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ignores the environment, not the parameter.
    [InlineData(null, "https://service:2", "https://global:3", "true", "https://apigateway.us-east-1.amazonaws.com/", "the region's API Gateway endpoint")]
    [InlineData(null, "https://service:2", "https://global:3", "TRUE", "https://apigateway.us-east-1.amazonaws.com/", "the region's API Gateway endpoint")]
    [InlineData(null, "https://service:2", null, "false", "https://service:2/", "the AWS_ENDPOINT_URL_API_GATEWAY environment variable")]
    [InlineData("https://param:1", "https://service:2", null, "true", "https://param:1/", "the -EndpointUrl parameter")]
    [InlineData(" http://localhost:4566 ", null, null, null, "http://localhost:4566/", "the -EndpointUrl parameter")]
    public void Endpoint_Precedence(string? parameter, string? serviceVariable, string? globalVariable, string? ignore, string expected, string source)
    {
        var env = new Dictionary<string, string>();
        if (serviceVariable != null) env["AWS_ENDPOINT_URL_API_GATEWAY"] = serviceVariable;
        if (globalVariable != null) env["AWS_ENDPOINT_URL"] = globalVariable;
        if (ignore != null) env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = ignore;

        var session = TestSessions.Resolver(env).Resolve(Keys(endpoint: parameter));

        Assert.Equal(expected, session.Endpoint.AbsoluteUri);
        Assert.Equal(source, session.EndpointSource);
        Assert.Equal("us-east-1", session.Region);
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("not a url")]
    [InlineData("http://h/?q=1")]
    [InlineData("http://h/#top")]
    [InlineData("apigateway.us-east-1.amazonaws.com")]
    [InlineData("/relative/path")]
    [InlineData("file:///tmp/x")]
    [InlineData("http://user:password@localhost:4566")]
    public void BadEndpoint_IsInvalidEndpoint(string endpoint)
    {
        var ex = Fails(Keys(endpoint: endpoint));

        Assert.Equal(SessionProblem.InvalidEndpoint, ex.Problem);
        Assert.Contains("-EndpointUrl", ex.Message);
    }

    [Fact]
    public void BadEndpoint_WithAPasswordInIt_DoesNotRepeatThePassword()
    {
        var ex = Fails(Keys(endpoint: "http://user:hunter2@localhost:4566"));

        Assert.Equal(SessionProblem.InvalidEndpoint, ex.Problem);
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.Contains("***@localhost:4566", ex.Message);
    }

    [Fact]
    public void BadEndpoint_FromTheEnvironment_NamesTheVariable()
    {
        var ex = Fails(Keys(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "localhost:4566" });

        Assert.Equal(SessionProblem.InvalidEndpoint, ex.Problem);
        Assert.Contains("AWS_ENDPOINT_URL environment variable", ex.Message);
    }

    [Fact]
    public void BadEndpoint_InTheEnvironment_IsNotReadWhenIgnored()
    {
        var session = TestSessions.Resolver(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "not a url",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        }).Resolve(Keys());

        Assert.Equal("https://apigateway.us-east-1.amazonaws.com/", session.Endpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://apigateway.example.com")]
    [InlineData("http://10.0.0.5:4566")]
    [InlineData("http://moto.internal:5000/prefix")]
    public void PlainHttp_OnAnotherComputer_IsRefused(string endpoint)
    {
        var ex = Fails(Keys(endpoint: endpoint));

        Assert.Equal(SessionProblem.InsecureEndpoint, ex.Problem);
        Assert.Contains(endpoint, ex.Message);
        Assert.Contains("-AllowInsecureEndpoint", ex.RecommendedAction);
        Assert.Contains("https://", ex.RecommendedAction);
    }

    [Fact]
    public void PlainHttp_FromTheEnvironment_IsRefusedAndNamesTheVariable()
    {
        var ex = Fails(Keys(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = "http://gateway.corp.example:8080" });

        Assert.Equal(SessionProblem.InsecureEndpoint, ex.Problem);
        Assert.Contains("AWS_ENDPOINT_URL_API_GATEWAY environment variable", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://127.1.2.3:5000", "http://127.1.2.3:5000/")]
    [InlineData("http://localhost:4566", "http://localhost:4566/")]
    [InlineData("http://LOCALHOST:4566", "http://localhost:4566/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("https://apigateway.example.com", "https://apigateway.example.com/")]
    public void PlainHttp_OnThisComputer_AndHttps_NeedNoSwitch(string endpoint, string expected)
    {
        var session = TestSessions.Resolver().Resolve(Keys(endpoint: endpoint));

        Assert.Equal(expected, session.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void PlainHttp_OnAnotherComputer_IsUsedWithTheSwitch()
    {
        var options = Keys(endpoint: "http://10.0.0.5:4566");
        options.AllowInsecureEndpoint = true;

        var session = TestSessions.Resolver().Resolve(options);

        Assert.Equal("http://10.0.0.5:4566/", session.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void TheSwitch_ChangesTheSessionCacheKey()
    {
        var plain = Keys(endpoint: "http://10.0.0.5:4566");
        var allowed = Keys(endpoint: "http://10.0.0.5:4566");
        allowed.AllowInsecureEndpoint = true;

        Assert.NotEqual(plain.CacheKey(), allowed.CacheKey());
    }

    // ---- retries and pacing ----

    [Fact]
    public void Pacing_DefaultsToFiveAttemptsAndTheManagementQuota()
    {
        var session = TestSessions.Resolver().Resolve(Keys());

        Assert.Equal(5, session.MaxAttempts);
        Assert.Equal(10, session.RequestsPerSecond);
        Assert.Equal(40, session.RequestBurst);
    }

    [Fact]
    public void Pacing_ComesFromTheEnvironment()
    {
        var session = TestSessions.Resolver(new Dictionary<string, string>
        {
            ["AWS_MAX_ATTEMPTS"] = "3",
            ["INTEGRATIONTOOLS_REQUESTS_PER_SECOND"] = "25.5",
            ["INTEGRATIONTOOLS_REQUEST_BURST"] = "100",
        }).Resolve(Keys());

        Assert.Equal(3, session.MaxAttempts);
        Assert.Equal(25.5, session.RequestsPerSecond);
        Assert.Equal(100, session.RequestBurst);
        Assert.Contains("AWS_MAX_ATTEMPTS", session.PacingSource);
        Assert.Contains("INTEGRATIONTOOLS_REQUESTS_PER_SECOND", session.PacingSource);
    }

    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "0")]
    [InlineData("AWS_MAX_ATTEMPTS", "2.5")]
    [InlineData("AWS_MAX_ATTEMPTS", "many")]
    [InlineData("INTEGRATIONTOOLS_REQUESTS_PER_SECOND", "-1")]
    [InlineData("INTEGRATIONTOOLS_REQUEST_BURST", "0")]
    public void Pacing_ABadValueIsRefusedNamingTheVariable(string variable, string value)
    {
        var ex = Fails(Keys(), new Dictionary<string, string> { [variable] = value });

        Assert.Equal(SessionProblem.InvalidSetting, ex.Problem);
        Assert.Contains(variable, ex.Message);
        Assert.Contains($"'{value}'", ex.Message);
        Assert.Contains(variable, ex.RecommendedAction);
    }

    [Fact]
    public async Task Pacing_TheClientMakesAsManyAttemptsAsTheSessionSays()
    {
        var session = TestSessions.Resolver(new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "2" }).Resolve(Keys());
        var handler = FakeHandler.Sequence(
            () => Responses.Error((System.Net.HttpStatusCode)503, "ServiceUnavailableException", "{\"message\":\"Service unavailable\"}"),
            () => Responses.Error((System.Net.HttpStatusCode)503, "ServiceUnavailableException", "{\"message\":\"Service unavailable\"}"),
            () => Responses.Json("{\"item\":[]}"));
        using var client = new ApiGatewayClient(session, handler) { RetryBaseDelay = TimeSpan.FromMilliseconds(1), RateLimiter = TestSessions.Unpaced() };

        var ex = await Assert.ThrowsAnyAsync<ApiGatewayException>(() => new RestApiService(client).GetResourcesAsync("abc123", default));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("Gave up after 2 attempts", ex.Message);
    }

    // ---- the rest ----

    [Fact]
    public void ResolvedSession_ToString_IsRegionAndEndpoint()
    {
        var session = TestSessions.Resolver().Resolve(Keys(endpoint: "http://127.0.0.1:4566"));

        Assert.Equal("us-east-1 via http://127.0.0.1:4566/", session.ToString());
    }

    [Fact]
    public void CacheKey_IsEqualForEqualOptions_AndDiffersWhenAnythingDiffers()
    {
        var credential = new FakeSdkCredentials("AKIDFOREIGN", "s");
        SessionOptions Make() => new() { Region = "us-east-1", ProfileName = "p", Credential = credential, EndpointUrl = "http://x" };

        Assert.Equal(Make().CacheKey(), Make().CacheKey());
        var otherRegion = Make();
        otherRegion.Region = "us-east-2";
        var otherCredential = Make();
        otherCredential.Credential = new FakeSdkCredentials("AKIDFOREIGN", "s");
        var otherSecret = Make();
        otherSecret.SecretKey = "x";
        Assert.NotEqual(Make().CacheKey(), otherRegion.CacheKey());
        Assert.NotEqual(Make().CacheKey(), otherCredential.CacheKey());
        Assert.NotEqual(Make().CacheKey(), otherSecret.CacheKey());
    }

    [Fact]
    public void KnownRegions_ListsTheSdkRegionsInOrder()
    {
        var names = KnownRegions.All.Select(r => r.Key).ToList();

        Assert.Contains("us-east-1", names);
        Assert.Contains("cn-north-1", names);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.All(KnownRegions.All, r => Assert.False(string.IsNullOrEmpty(r.Value)));
    }
}
