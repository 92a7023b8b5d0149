using System.Management.Automation;
using System.Reflection;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Names the examples/ script a test runs; every script there must be named by at least one test.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ExampleScriptAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Every script in examples/ runs in the hosted engine against moto: seeded with what it needs, asserted on its
/// output, on what it printed and on what it changed in moto (and, for the audit, on the CSV file).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExamplesTests(MotoFixture moto)
{
    private string Examples => Path.Combine(moto.Repository, "examples");

    private ScriptResult RunExample(HostedPowerShell ps, string script, string arguments, Dictionary<string, object?>? variables = null)
    {
        var all = new Dictionary<string, object?>(variables ?? []) { ["Script"] = Path.Combine(Examples, script), ["Endpoint"] = moto.Endpoint };
        return ps.Run($"& $Script {arguments} -EndpointUrl $Endpoint", all);
    }

    /// <summary>Scripts that call the AWS CLI find it on PATH, as a user's would.</summary>
    private static EnvironmentScope AwsCliOnPath()
    {
        var cli = Tools.FindAwsCli() ?? throw new InvalidOperationException("The AWS CLI is missing: source tools/prerequisites.sh.");
        return new EnvironmentScope(("PATH", Path.GetDirectoryName(cli) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH")));
    }

    private static string? P(PSObject row, string name) => row.Properties[name]?.Value?.ToString();

    [Fact]
    public void EveryExampleScriptHasATest()
    {
        var tested = typeof(ExamplesTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes<ExampleScriptAttribute>())
            .Select(a => a.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var scripts = Directory.GetFiles(Examples, "*.ps1").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(scripts);
        var untested = scripts.Where(s => !tested.Contains(s!)).ToList();
        Assert.True(untested.Count == 0, "examples/ scripts without a test in ExamplesTests: " + string.Join(", ", untested));
    }

    [Fact]
    public void EveryExampleScriptHasCommentBasedHelpForItselfAndEachParameter()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            foreach ($file in $Files) {
                $help = Get-Help -Name $file -Full
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                $parameters = (Get-Command -Name $file).Parameters.Keys | Where-Object { $_ -notin $common }
                $undocumented = @($parameters | Where-Object { $name = $_; -not ($help.parameters.parameter | Where-Object { $_.name -eq $name -and "$($_.description.Text)".Trim() }) })
                "$([System.IO.Path]::GetFileName($file))|$([bool]"$($help.Synopsis)".Trim())|$([bool]"$($help.description.Text)".Trim())|$(@($help.examples.example).Count)|$($undocumented -join ',')"
            }
            """, new Dictionary<string, object?> { ["Files"] = Directory.GetFiles(Examples, "*.ps1") });
        result.ThrowIfFailed();
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output.Select(o => o.ToString()), line => Assert.Matches(@"^[\w-]+\.ps1\|True\|True\|[1-9]\d*\|$", line));
    }

    [Fact]
    [ExampleScript("Quickstart.ps1")]
    public void QuickstartCreatesAndChangesIntegrationsThroughTheCmdletsAndShowsThem()
    {
        using var cli = AwsCliOnPath();
        using var ps = moto.NewSession();
        var result = RunExample(ps, "Quickstart.ps1", "");
        result.ThrowIfFailed();
        Assert.Empty(result.Errors);
        var text = ps.HostText;
        Assert.Contains("== Integrating the REST API's methods with Set-RestIntegration", text);
        Assert.Matches(@"GET\s+/pets\s+MOCK", text);
        Assert.Matches(@"POST\s+/pets\s+HTTP_PROXY POST\s+https://petstore.example.com/pets", text);
        Assert.Matches(@"GET\s+/pets/\{id\}\s+AWS_PROXY\s+POST\s+arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/", text);
        Assert.Matches(@"GET\s+/pets\s+200", text);
        // New-ApiIntegration created both, Set-ApiIntegration changed the proxy's timeout to 10000.
        Assert.Matches(@"AWS_PROXY\s+POST\s+arn:aws:lambda:us-east-1:123456789012:function:orders\s+2\.0\s+30000", text);
        Assert.Matches(@"HTTP_PROXY GET\s+https://orders.example.com/\{proxy\}\s+1\.0\s+10000", text);
    }

    [Fact]
    [ExampleScript("Export-IntegrationAudit.ps1")]
    public void AuditShowsTheViewsAndWritesEveryIntegrationToAProperlyQuotedCsv()
    {
        var store = moto.Seed.CreatePetStore("audit-rest");
        var api = moto.Seed.CreateApi("audit-http");
        var lambda = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "AWS_PROXY",
            integrationUri = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            payloadFormatVersion = "2.0",
        });
        var proxy = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "HTTP_PROXY",
            integrationMethod = "GET",
            integrationUri = "https://items.example.com/list?ids=1,2&tag=\"a\"",
            payloadFormatVersion = "1.0",
            timeoutInMillis = 12000,
        });
        var csv = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        try
        {
            using var ps = moto.NewSession();
            var result = RunExample(ps, "Export-IntegrationAudit.ps1", "-RestApiId $Rest -ApiId $Api -Path $Csv -PassThru",
                new() { ["Rest"] = store.RestApiId, ["Api"] = api, ["Csv"] = csv });
            result.ThrowIfFailed();
            Assert.Empty(result.Errors);

            // On screen: the module's views for both kinds, and the summary.
            var text = ps.HostText;
            Assert.Contains($"REST API: {store.RestApiId}", text);
            Assert.Contains($"API: {api} (HTTP)", text);
            Assert.Contains($"Audited 5 integrations (3 of REST APIs, 2 of HTTP/WebSocket APIs) into {csv}", text);

            // -PassThru: the rows, with the friendly aliases filled in for both kinds.
            Assert.Equal(5, result.Output.Count);
            var post = Assert.Single(result.Output, r => P(r, "Method") == "POST" && P(r, "ApiKind") == "REST");
            Assert.Equal(("REST", "/pets", "HTTP_PROXY", "https://petstore.example.com/pets"), (P(post, "ApiKind"), P(post, "Path"), P(post, "Type"), P(post, "Uri")));
            var v2 = Assert.Single(result.Output, r => P(r, "IntegrationId") == lambda);
            Assert.Equal(("HTTP", "AWS_PROXY", "2.0"), (P(v2, "ApiKind"), P(v2, "Type"), P(v2, "PayloadFormatVersion")));

            // The CSV: a header and one quoted line per integration; quotes inside values are doubled.
            var lines = File.ReadAllLines(csv);
            Assert.Equal(6, lines.Length);
            Assert.Equal("\"ApiKind\",\"ApiId\",\"Method\",\"Path\",\"IntegrationId\",\"Type\",\"Uri\",\"ConnectionType\",\"ConnectionId\",\"Credentials\",\"TimeoutInMillis\",\"PayloadFormatVersion\"", lines[0]);
            Assert.Contains(lines, l => l.StartsWith($"\"REST\",\"{store.RestApiId}\",\"GET\",\"/pets\",\"\",\"MOCK\",\"\","));
            Assert.Contains(lines, l => l.StartsWith($"\"HTTP\",\"{api}\",\"GET\",\"\",\"{proxy}\",\"HTTP_PROXY\",\"https://items.example.com/list?ids=1,2&tag=\"\"a\"\"\",")
                                        && l.EndsWith(",\"12000\",\"1.0\""));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    [ExampleScript("Export-IntegrationAudit.ps1")]
    public void AuditReportsAnApiThatCannotBeReadAndGoesOnWithTheOthers()
    {
        var api = moto.Seed.CreateApi("audit-partial");
        moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://p.example.com", payloadFormatVersion = "1.0" });
        var csv = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        try
        {
            using var ps = moto.NewSession();
            var result = RunExample(ps, "Export-IntegrationAudit.ps1", "-ApiId nosuchapi, $Api -Path $Csv", new() { ["Api"] = api, ["Csv"] = csv });
            Assert.Null(result.Terminating);
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("GetApiIntegrationNotFound"));
            Assert.Equal(2, File.ReadAllLines(csv).Length);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    [ExampleScript("Import-IntegrationDefinitions.ps1")]
    public void ImportShowsEverythingWithWhatIfThenAppliesEachDefinitionAndReportsTheFailure()
    {
        var store = moto.Seed.CreatePetStore("import-rest");
        var api = moto.Seed.CreateApi("import-http");
        var existing = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "GET", integrationUri = "https://old.example.com", payloadFormatVersion = "1.0" });
        var file = Path.Combine(Path.GetTempPath(), $"definitions-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, $"""
            # REST: the DELETE method has no integration yet
            - RestApiId: {store.RestApiId}
              ResourcePath: /pets/{"{id}"}
              HttpMethod: DELETE
              Type: HTTP_PROXY
              IntegrationHttpMethod: DELETE
              Uri: https://petstore.example.com/pets/{"{id}"}
            # HTTP API: a new integration
            - ApiId: {api}
              IntegrationType: HTTP_PROXY
              IntegrationMethod: ANY
              IntegrationUri: https://orders.example.com/{"{proxy}"}
              PayloadFormatVersion: "1.0"
            # HTTP API: change the existing one
            - ApiId: {api}
              IntegrationId: {existing}
              TimeoutInMillis: 12000
            # A misspelt key: reported, nothing sent
            - RestApiId: {store.RestApiId}
              ResourcePath: /pets
              HttpMethod: POST
              Type: HTTP_PROXY
              IntegrationHttpMethod: POST
              Uir: https://typo.example.com
            """);
        try
        {
            using var ps = moto.NewSession();
            var whatIf = RunExample(ps, "Import-IntegrationDefinitions.ps1", "-Path $File -WhatIf", new() { ["File"] = file });
            Assert.Null(whatIf.Terminating);
            Assert.Equal(["WhatIf", "WhatIf", "WhatIf", "Failed"], whatIf.Output.Select(r => P(r, "Status")));
            Assert.Equal(["Set-RestIntegration", "New-ApiIntegration", "Set-ApiIntegration", "Set-RestIntegration"], whatIf.Output.Select(r => P(r, "Cmdlet")));
            Assert.Contains("Uir", P(whatIf.Output[3], "Message"));
            Assert.Contains($"What if: Performing the operation \"PUT /restapis/{store.RestApiId}/resources/{store.PetId}/methods/DELETE/integration", ps.HostText);
            Assert.Contains("4 definitions: 0 applied, 3 shown with -WhatIf, 1 failed.", ps.HostText);
            Assert.Single(whatIf.Errors);
            // -WhatIf changed nothing.
            Assert.Null(moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "DELETE"));
            Assert.Single(moto.Seed.GetIntegrations(api));
            Assert.NotEqual(12000, moto.Seed.FindIntegration(api, existing)!["timeoutInMillis"]?.GetValue<int>());

            var applied = RunExample(ps, "Import-IntegrationDefinitions.ps1", "-Path $File", new() { ["File"] = file });
            Assert.Null(applied.Terminating);
            Assert.Equal(["Applied", "Applied", "Applied", "Failed"], applied.Output.Select(r => P(r, "Status")));
            Assert.Equal("HTTP_PROXY https://petstore.example.com/pets/{id}", P(applied.Output[0], "Message"));
            var created = P(applied.Output[1], "IntegrationId");
            Assert.False(string.IsNullOrEmpty(created));
            Assert.Equal("DELETE", moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "DELETE")!["httpMethod"]!.GetValue<string>());
            Assert.Equal("https://orders.example.com/{proxy}", moto.Seed.FindIntegration(api, created!)!["integrationUri"]!.GetValue<string>());
            Assert.Equal(12000, moto.Seed.FindIntegration(api, existing)!["timeoutInMillis"]!.GetValue<int>());
            Assert.Contains("4 definitions: 3 applied, 0 shown with -WhatIf, 1 failed.", ps.HostText);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [ExampleScript("Import-IntegrationDefinitions.ps1")]
    public void ImportStopsBeforeApplyingAnythingWhenTheFileIsBroken()
    {
        var file = Path.Combine(Path.GetTempPath(), $"definitions-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "[\n  { \"ApiId\": \"abc\", }\n  { \"ApiId\": \"def\" }\n]");
        try
        {
            using var ps = moto.NewSession();
            var result = RunExample(ps, "Import-IntegrationDefinitions.ps1", "-Path $File", new() { ["File"] = file });
            var error = result.SingleError();
            Assert.Equal("DefinitionSyntaxError,IntegrationTools.Commands.ConvertFromIntegrationDefinitionCommand", error.FullyQualifiedErrorId);
            Assert.Contains($"{file}, line 3, column 3", error.ToString());
            Assert.Empty(result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [ExampleScript("Move-LambdaPayloadFormat.ps1")]
    public void MoveLambdaPayloadFormatShowsWithWhatIfThenMovesOnlyTheLambdaProxiesOn10()
    {
        var api = moto.Seed.CreateApi("payload-move");
        var old = moto.Seed.CreateIntegration(api, new { integrationType = "AWS_PROXY", integrationUri = "arn:aws:lambda:us-east-1:123456789012:function:old", payloadFormatVersion = "1.0" });
        var current = moto.Seed.CreateIntegration(api, new { integrationType = "AWS_PROXY", integrationUri = "arn:aws:lambda:us-east-1:123456789012:function:new", payloadFormatVersion = "2.0" });
        var http = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://h.example.com", payloadFormatVersion = "1.0" });
        using var ps = moto.NewSession();

        var whatIf = RunExample(ps, "Move-LambdaPayloadFormat.ps1", "-ApiId $Api -WhatIf", new() { ["Api"] = api });
        whatIf.ThrowIfFailed();
        Assert.Equal([(current, "AlreadyOn2.0"), (old, "WhatIf")], whatIf.Output.Select(r => (P(r, "IntegrationId"), P(r, "Status"))).OrderBy(r => r.Item2));
        Assert.Contains($"What if: Performing the operation \"PATCH /v2/apis/{api}/integrations/{old}", ps.HostText);
        Assert.Contains("would move 1 to payload format 2.0, 1 already on 2.0, 0 failed; 1 other integrations", ps.HostText);
        Assert.Equal("1.0", moto.Seed.FindIntegration(api, old)!["payloadFormatVersion"]!.GetValue<string>());

        var moved = RunExample(ps, "Move-LambdaPayloadFormat.ps1", "-ApiId $Api", new() { ["Api"] = api });
        moved.ThrowIfFailed();
        var row = Assert.Single(moved.Output, r => P(r, "Status") == "Moved");
        Assert.Equal((old, "1.0", "2.0"), (P(row, "IntegrationId"), P(row, "From"), P(row, "To")));
        Assert.Contains("moved 1 to payload format 2.0", ps.HostText);
        Assert.Equal("2.0", moto.Seed.FindIntegration(api, old)!["payloadFormatVersion"]!.GetValue<string>());
        Assert.Equal("1.0", moto.Seed.FindIntegration(api, http)!["payloadFormatVersion"]!.GetValue<string>());
    }

    [Fact]
    [ExampleScript("Set-MockEndpoints.ps1")]
    public void SetMockEndpointsMocksTheMethodsWithoutAnIntegrationOrTheOnesGiven()
    {
        using var cli = AwsCliOnPath();
        var store = moto.Seed.CreatePetStore("mock-endpoints");
        using var ps = moto.NewSession();

        var whatIf = RunExample(ps, "Set-MockEndpoints.ps1", "-RestApiId $Rest -WhatIf", new() { ["Rest"] = store.RestApiId });
        whatIf.ThrowIfFailed();
        var planned = Assert.Single(whatIf.Output);
        Assert.Equal(("DELETE", "/pets/{id}", "WhatIf"), (P(planned, "Method"), P(planned, "Path"), P(planned, "Status")));
        Assert.Null(moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "DELETE"));

        // Without -Method: only DELETE /pets/{id} has no integration.
        var all = RunExample(ps, "Set-MockEndpoints.ps1", "-RestApiId $Rest -ResponseBody '{\"pet\": \"mock\"}'", new() { ["Rest"] = store.RestApiId });
        all.ThrowIfFailed();
        var mocked = Assert.Single(all.Output);
        Assert.Equal(("DELETE", "/pets/{id}", "Mocked"), (P(mocked, "Method"), P(mocked, "Path"), P(mocked, "Status")));
        Assert.Equal("MOCK", moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "DELETE")!["type"]!.GetValue<string>());
        var response = moto.Seed.FindRestIntegrationResponse(store.RestApiId, store.PetId, "DELETE", "200");
        Assert.Equal("{\"pet\": \"mock\"}", response!["responseTemplates"]!["application/json"]!.GetValue<string>());
        Assert.Contains($"REST API {store.RestApiId}: 1 methods mocked, 0 shown with -WhatIf, 0 failed.", ps.HostText);

        // With -Method: the Lambda proxy of GET /pets/{id} is replaced by a mock.
        var given = RunExample(ps, "Set-MockEndpoints.ps1", "-RestApiId $Rest -Method 'get /pets/{id}'", new() { ["Rest"] = store.RestApiId });
        given.ThrowIfFailed();
        Assert.Equal("Mocked", P(Assert.Single(given.Output), "Status"));
        Assert.Equal("MOCK", moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "GET")!["type"]!.GetValue<string>());
        Assert.NotNull(moto.Seed.FindRestIntegrationResponse(store.RestApiId, store.PetId, "GET", "200"));
    }
}
