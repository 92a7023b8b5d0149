using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>The session parameters every cmdlet shares, and how credentials, region and endpoint are resolved.</summary>
[Collection(MotoCollection.Name)]
public sealed class SessionTests(MotoFixture moto) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("it-session-").FullName;

    private const string FakeCredentialClasses = """
        class FakeImmutableCredentials { [string] $AccessKey; [string] $SecretKey; [string] $Token }
        class FakeAwsCredentials {
            [string] $Key
            FakeAwsCredentials([string] $key) { $this.Key = $key }
            [FakeImmutableCredentials] GetCredentials() {
                $c = [FakeImmutableCredentials]::new(); $c.AccessKey = $this.Key; $c.SecretKey = 'fake-secret'; return $c
            }
        }
        """;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string EmptyFile(string name)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, "");
        return path;
    }

    /// <summary>An environment where nothing supplies credentials or a region.</summary>
    private EnvironmentScope NothingConfigured(bool keepCredentials = false, bool keepRegion = false)
    {
        var variables = new List<(string, string?)>
        {
            ("AWS_PROFILE", null), ("AWS_DEFAULT_PROFILE", null),
            ("AWS_SHARED_CREDENTIALS_FILE", EmptyFile("credentials")), ("AWS_CONFIG_FILE", EmptyFile("config")),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", null), ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", null), ("AWS_EC2_METADATA_DISABLED", "true"),
        };
        if (!keepCredentials) variables.AddRange([("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SESSION_TOKEN", null)]);
        if (!keepRegion) variables.AddRange([("AWS_REGION", null), ("AWS_DEFAULT_REGION", null)]);
        return new EnvironmentScope([.. variables]);
    }

    [Fact]
    public void NoRegionEndsTheCommandWithAnErrorThatSaysHowToSetOne()
    {
        using var env = NothingConfigured(keepCredentials: true);
        using var ps = moto.NewSession();
        var error = ps.Run("Get-ApiIntegration -ApiId abc -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SessionNoRegion,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Region", error.Exception.Message);
        Assert.Contains("AWS_REGION", error.Exception.Message);
    }

    [Fact]
    public void NoCredentialsEndsTheCommandWithAnErrorNamingEveryWayToProvideThem()
    {
        using var env = NothingConfigured();
        using var ps = moto.NewSession();
        var error = ps.Run("Get-RestIntegration -RestApiId abc -Region us-east-1 -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SessionNoCredentials,IntegrationTools.Commands.GetRestIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        foreach (var way in new[] { "-ProfileName", "-AccessKey", "-Credential", "Set-AWSCredential", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "~/.aws/config" })
            Assert.Contains(way, error.Exception.Message);
    }

    [Fact]
    public void AnAccessKeyWithoutASecretKeyIsRefusedBeforeAnyRequest()
    {
        using var ps = moto.NewSession();
        var error = ps.Run("Get-ApiIntegration -ApiId abc -AccessKey AKIAEXAMPLE -EndpointUrl $Endpoint -Verbose").SingleError();
        Assert.Equal("SessionIncompleteCredentials,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("not a url")]
    [InlineData("http://127.0.0.1:1/?x=1")]
    public void AMalformedEndpointIsRefusedBeforeAnyRequest(string endpoint)
    {
        using var ps = moto.NewSession();
        var error = ps.Run($"Get-ApiIntegration -ApiId abc -EndpointUrl '{endpoint}'").SingleError();
        Assert.Equal("SessionInvalidEndpoint,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(endpoint, error.Exception.Message);
    }

    [Theory]
    [InlineData("Get-ApiIntegration -ApiId abc", "GetApiIntegrationCommand")]
    [InlineData("New-ApiIntegration -ApiId abc -Url https://example.com -WhatIf", "NewApiIntegrationCommand")]
    [InlineData("Set-RestIntegration -RestApiId abc -ResourcePath / -HttpMethod GET -Mock -WhatIf", "SetRestIntegrationCommand")]
    public void APlainHttpEndpointOnAnotherComputerIsRefusedBeforeAnyRequest(string command, string className)
    {
        using var ps = moto.NewSession();
        var result = ps.Run($"{command} -EndpointUrl 'http://192.0.2.10:5000' -Verbose");
        var error = result.SingleError();
        Assert.Equal($"SessionInsecureEndpoint,IntegrationTools.Commands.{className}", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("http://192.0.2.10:5000", error.Exception.Message);
        Assert.Contains("-AllowInsecureEndpoint", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(result.Verbose, line => line.Contains("192.0.2.10"));
    }

    [Fact]
    public void AllowInsecureEndpointLetsAPlainHttpEndpointOnAnotherComputerThrough()
    {
        // Nothing listens on the name: getting as far as a connection failure shows the endpoint was used.
        using var ps = moto.NewSession();
        var error = ps.Run("Get-ApiIntegration -ApiId abc -EndpointUrl 'http://moto.invalid:5000' -AllowInsecureEndpoint").SingleError();
        Assert.NotEqual("SessionInsecureEndpoint", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public void AnUnreachableEndpointIsAConnectionError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var ps = moto.NewSession();
        var error = ps.Run($"Get-ApiIntegration -ApiId abc -EndpointUrl http://127.0.0.1:{port}").SingleError();
        Assert.Equal("GetApiIntegrationConnectionFailed,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains($"127.0.0.1:{port}", error.Exception.Message);
    }

    [Fact]
    public void AProfileFromAGivenCredentialsFileIsUsed()
    {
        var api = moto.Seed.CreateApi("session-profile");
        var file = Path.Combine(_scratch, "my-credentials");
        File.WriteAllText(file, "[it-test]\naws_access_key_id = AKIAPROFILEEXAMPLE\naws_secret_access_key = profile-secret\n");
        using var env = NothingConfigured(keepRegion: true);
        using var ps = moto.NewSession();
        var result = ps.Run($"$DebugPreference = 'Continue'; Get-ApiIntegration -ApiId {api} -ProfileName it-test -ProfileLocation '{file}' -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains(result.Debug, d => d.Contains("the profile 'it-test'"));
    }

    [Fact]
    public void AMissingProfileIsObjectNotFound()
    {
        var file = Path.Combine(_scratch, "other-credentials");
        File.WriteAllText(file, "[someone-else]\naws_access_key_id = AKIA\naws_secret_access_key = x\n");
        using var ps = moto.NewSession();
        var error = ps.Run($"Get-ApiIntegration -ApiId abc -ProfileName nobody -ProfileLocation '{file}' -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SessionProfileNotFound,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'nobody'", error.Exception.Message);
    }

    [Fact]
    public void TheServiceEndpointVariableIsHonoured()
    {
        var api = moto.Seed.CreateApi("session-env-endpoint");
        using var env = new EnvironmentScope(("AWS_ENDPOINT_URL_API_GATEWAY", moto.Endpoint), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));
        using var ps = moto.NewSession();
        var result = ps.Run($"$DebugPreference = 'Continue'; Get-ApiIntegration -ApiId {api}");
        result.ThrowIfFailed();
        Assert.Contains(result.Debug, d => d.Contains("AWS_ENDPOINT_URL_API_GATEWAY"));
    }

    [Fact]
    public void TheShellDefaultsOfAwsToolsAreUsed()
    {
        var api = moto.Seed.CreateApi("session-shell");
        using var env = NothingConfigured();
        using var ps = moto.NewSession();
        var result = ps.Run(FakeCredentialClasses + $"""

            $global:StoredAWSCredentials = [FakeAwsCredentials]::new('AKIASHELLDEFAULT')
            $global:StoredAWSRegion = 'us-east-1'
            $DebugPreference = 'Continue'
            Get-ApiIntegration -ApiId {api} -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Contains(result.Debug, d => d.Contains("shell default credentials") && d.Contains("shell default region"));
    }

    [Fact]
    public void ACredentialObjectIsReadThroughItsPublicMembers()
    {
        var api = moto.Seed.CreateApi("session-credential");
        using var env = NothingConfigured(keepRegion: true);
        using var ps = moto.NewSession();
        var result = ps.Run(FakeCredentialClasses + $"\n$DebugPreference = 'Continue'; Get-ApiIntegration -ApiId {api} -Credential ([FakeAwsCredentials]::new('AKIAOBJECT')) -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains(result.Debug, d => d.Contains("the -Credential parameter"));
        var wrong = ps.Run($"Get-ApiIntegration -ApiId {api} -Credential 'just a string' -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SessionNoCredentials,IntegrationTools.Commands.GetApiIntegrationCommand", wrong.FullyQualifiedErrorId);
    }

    [Fact]
    public void SecretsNeverAppearInAnyStream()
    {
        const string accessKey = "AKIASECRETCANARY01";
        const string secretKey = "sEcReT/CaNaRy+KeY/0123456789abcdefABCDEF";
        const string token = "ToKeN-CaNaRy-0123456789";
        var store = moto.Seed.CreatePetStore("secrets");
        using var ps = moto.NewSession();
        ps.Run("$DebugPreference = 'Continue'").ThrowIfFailed();
        var keys = $"-AccessKey {accessKey} -SecretKey '{secretKey}' -SessionToken '{token}' -Verbose";
        var runs = new[]
        {
            ps.Run($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint {keys}"),
            ps.Run($"Get-RestIntegration nosuchapi -ResourceId x -HttpMethod GET -EndpointUrl $Endpoint {keys}"),
            ps.Run($"Get-ApiIntegration nosuchapi -EndpointUrl http://127.0.0.1:1 {keys}"),
            ps.Run($"Get-ApiIntegration nosuchapi -EndpointUrl 'ftp://bad' {keys}"),
        };
        Assert.NotEmpty(runs[0].Output);
        Assert.NotEmpty(runs[0].Verbose);
        Assert.NotEmpty(runs[0].Debug);
        foreach (var run in runs)
        {
            var text = run.AllText;
            Assert.DoesNotContain(secretKey, text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(accessKey, text);
            Assert.DoesNotContain("Authorization", text);
        }
        Assert.DoesNotContain(secretKey, ps.HostText);
    }

    [Fact]
    public void RegionCompletesWithTheKnownRegions()
    {
        using var ps = moto.NewSession();
        const string line = "Get-ApiIntegration -Region us-ea";
        var result = ps.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText");
        result.ThrowIfFailed();
        var matches = result.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("us-east-1", matches);
        Assert.Contains("us-east-2", matches);
        Assert.DoesNotContain("eu-west-1", matches);
    }
}
