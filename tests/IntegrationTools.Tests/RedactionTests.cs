using System.Management.Automation;
using IntegrationTools.FaultProxy;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// Every exported cmdlet, run with keys that are recognisable canaries, with -Verbose and the debug, warning and
/// information streams on: once against moto (the requests succeed or fail as they would), once against a proxy that
/// answers like API Gateway does to unknown keys (403 UnrecognizedClientException). No stream, no error record (nor
/// its exception chain), no host text and no proxy log line may contain the access key, the secret key, the session
/// token or a signature.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RedactionTests(MotoFixture moto)
{
    private const string AccessKey = "AKIAREDACTCANARY0001";
    private const string SecretKey = "rEdAcT/SeCrEt+CaNaRy/0123456789abcdefABCD";
    private const string SessionToken = "ReDaCt-ToKeN-CaNaRy-0123456789+/=";

    /// <summary>One command line per exported cmdlet; {placeholders} are ids of what the test seeded.</summary>
    private static readonly IReadOnlyDictionary<string, string> Commands = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-RestIntegration"] = "Get-RestIntegration -RestApiId {rest}",
        ["Get-RestIntegrationResponse"] = "Get-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET",
        ["Set-RestIntegration"] = "Set-RestIntegration -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -Mock -RequestTemplates @{ 'application/json' = '{\"statusCode\": 200}' }",
        ["Update-RestIntegration"] = "Update-RestIntegration -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -TimeoutInMillis 5000 -Confirm:$false",
        ["Remove-RestIntegration"] = "Remove-RestIntegration -RestApiId {rest} -ResourceId {pet} -HttpMethod GET -Confirm:$false",
        ["Set-RestIntegrationResponse"] = "Set-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -StatusCode 200",
        ["Remove-RestIntegrationResponse"] = "Remove-RestIntegrationResponse -RestApiId {rest} -ResourceId {pets} -HttpMethod GET -StatusCode 200 -Confirm:$false",
        ["Get-ApiIntegration"] = "Get-ApiIntegration -ApiId {api}",
        ["New-ApiIntegration"] = "New-ApiIntegration -ApiId {api} -Url https://redaction.example.com/new",
        ["Set-ApiIntegration"] = "Set-ApiIntegration -ApiId {api} -IntegrationId {int} -TimeoutInMillis 5000",
        ["Remove-ApiIntegration"] = "Remove-ApiIntegration -ApiId {api} -IntegrationId {spare} -Confirm:$false",
        ["New-ApiIntegrationResponse"] = "New-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint} -IntegrationResponseKey '/2\\d\\d/'",
        ["Get-ApiIntegrationResponse"] = "Get-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint}",
        ["Remove-ApiIntegrationResponse"] = "Remove-ApiIntegrationResponse -ApiId {ws} -IntegrationId {wsint} -IntegrationResponseId {wsresp} -Confirm:$false",
        ["Test-ApiIntegration"] = "Test-ApiIntegration -InputObject @{ ApiId = '{api}'; IntegrationId = '{int}'; IntegrationType = 'HTTP_PROXY'; IntegrationUri = 'http://plain.example.com'; IntegrationMethod = 'ANY' } -Live",
        // Reads text, sends nothing; it takes no session parameters, so it runs without them (see RunAll).
        ["ConvertFrom-IntegrationDefinition"] = "ConvertFrom-IntegrationDefinition -Content '{ \"RestApiId\": \"{rest}\", \"Type\": \"MOCK\" }'",
    };

    private const string SessionArguments = "-AccessKey " + AccessKey + " -SecretKey '" + SecretKey + "' -SessionToken '" + SessionToken + "' -EndpointUrl '{endpoint}' -Verbose";

    [Fact]
    public void EveryExportedCmdletIsCovered()
    {
        using var ps = moto.NewSession();
        var exported = ps.Run("(Get-Command -Module IntegrationTools).Name").Output.Select(o => (string)o.BaseObject).ToList();
        Assert.NotEmpty(exported);
        var missing = exported.Where(name => !Commands.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Add a command line to RedactionTests.Commands for: " + string.Join(", ", missing));
    }

    [Fact]
    public void NoSecretReachesAnyStreamWhenTheRequestsSucceedOrFail()
    {
        var ids = Seed("redact-moto");
        using var ps = Session();
        var runs = RunAll(ps, ids, moto.Endpoint);

        // The runs really talked to moto: the reads found something and every request was logged as a Verbose line.
        Assert.NotEmpty(runs["Get-RestIntegration"].Output);
        Assert.NotEmpty(runs["Get-ApiIntegration"].Output);
        Assert.NotEmpty(runs["New-ApiIntegration"].Output);
        Assert.Contains(runs["Get-ApiIntegration"].Verbose, v => v.Contains("GET /v2/apis/"));
        AssertNoSecret(runs, ps.HostText);
    }

    [Fact]
    public async Task NoSecretReachesAnyStreamWhenTheKeysAreRefused()
    {
        var ids = Seed("redact-refused");
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { Throttle = false, RejectCredentials = true });
        using var ps = Session();
        var runs = RunAll(ps, ids, proxy.Endpoint);

        foreach (var (name, run) in runs)
        {
            if (name.StartsWith("ConvertFrom-")) continue; // reads text: it sends nothing
            var errors = run.Errors.Concat(run.Terminating == null ? [] : [run.Terminating.ErrorRecord]).ToList();
            Assert.True(errors.Count > 0, $"{name} wrote no error although every request was refused");
            Assert.All(errors, e =>
            {
                Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
                Assert.EndsWith("AccessDenied", e.FullyQualifiedErrorId.Split(',')[0]);
                Assert.Contains("security token included in the request is invalid", e.Exception.Message);
            });
        }
        Assert.True(proxy.Counts.GetValueOrDefault("rejected") >= runs.Count - 1);
        AssertNoSecret(runs, ps.HostText);
        AssertClean("the proxy log", string.Join("\n", proxy.Log));
    }

    private HostedPowerShell Session()
    {
        var ps = moto.NewSession();
        ps.Run("$DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'").ThrowIfFailed();
        return ps;
    }

    private Dictionary<string, string> Seed(string name)
    {
        var store = moto.Seed.CreatePetStore(name);
        var api = moto.Seed.CreateApi(name);
        var integration = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://redaction.example.com", payloadFormatVersion = "1.0" });
        var spare = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://spare.example.com", payloadFormatVersion = "1.0" });
        var ws = moto.Seed.CreateApi(name + "-ws", "WEBSOCKET");
        var wsIntegration = moto.Seed.CreateIntegration(ws, new { integrationType = "MOCK" });
        var wsResponse = moto.Seed.CreateIntegrationResponse(ws, wsIntegration, new { integrationResponseKey = "$default" });
        return new Dictionary<string, string>
        {
            ["rest"] = store.RestApiId, ["pets"] = store.PetsId, ["pet"] = store.PetId,
            ["api"] = api, ["int"] = integration, ["spare"] = spare,
            ["ws"] = ws, ["wsint"] = wsIntegration, ["wsresp"] = wsResponse,
        };
    }

    private static Dictionary<string, ScriptResult> RunAll(HostedPowerShell ps, Dictionary<string, string> ids, string endpoint)
    {
        var runs = new Dictionary<string, ScriptResult>();
        foreach (var (name, template) in Commands)
        {
            var command = name.StartsWith("ConvertFrom-") ? template : template + " " + SessionArguments.Replace("{endpoint}", endpoint);
            foreach (var (key, value) in ids) command = command.Replace("{" + key + "}", value);
            runs[name] = ps.Run(command);
        }
        return runs;
    }

    private static void AssertNoSecret(Dictionary<string, ScriptResult> runs, string hostText)
    {
        foreach (var (name, run) in runs)
        {
            var records = run.Errors.Concat(run.Terminating == null ? [] : [run.Terminating.ErrorRecord]);
            // Everything a user or a log could see of an error: the record, its details, and the whole exception chain.
            var errorText = string.Join("\n", records.Select(e => string.Join("\n",
                e.ToString(), e.FullyQualifiedErrorId, e.TargetObject, e.ErrorDetails?.Message, e.ErrorDetails?.RecommendedAction,
                e.Exception.ToString(), e.InvocationInfo?.Line.Replace(AccessKey, "").Replace(SecretKey, "").Replace(SessionToken, ""))));
            AssertClean(name, run.AllText + "\n" + errorText);
        }
        // The host shows what the user typed; everything else it shows (verbose, debug, errors) must be clean.
        AssertClean("the host", hostText.Replace("-AccessKey " + AccessKey, "").Replace("'" + SecretKey + "'", "").Replace("'" + SessionToken + "'", ""));
    }

    private static void AssertClean(string where, string text)
    {
        Assert.False(text.Contains(AccessKey), $"{where}: the access key appears");
        Assert.False(text.Contains(SecretKey), $"{where}: the secret key appears");
        Assert.False(text.Contains(SessionToken), $"{where}: the session token appears");
        Assert.False(text.Contains("Signature="), $"{where}: a request signature appears");
    }
}
