using System.Management.Automation;
using IntegrationTools.FaultProxy;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// Test-ApiIntegration -Live against moto: the API and its protocol, the resource path and method, the VPC link and the
/// integration as deployed, each problem a finding under its own rule id; failures to read the account are errors for
/// that input only. -Invoke against moto (which lacks TestInvokeMethod): a clear error per input, and the batch goes on.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TestApiIntegrationLiveTests(MotoFixture moto)
{
    private static string Rule(PSObject finding) => (string)finding.Properties["RuleId"].Value;

    private static string Field(PSObject finding) => (string)finding.Properties["Field"].Value;

    private static string Message(PSObject finding) => (string)finding.Properties["Message"].Value;

    [Fact]
    public void RestDefinitionsAreCheckedAgainstTheApiResourceMethodAndDeployedIntegration()
    {
        var store = moto.Seed.CreatePetStore("live-rest");
        var http = moto.Seed.CreateApi("live-rest-other");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            $deployed = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' }
            $drifted = $deployed.Clone(); $drifted.Uri = 'https://petstore-v2.example.com/pets'; $drifted.TimeoutInMillis = 5000
            $noPath = $deployed.Clone(); $noPath.ResourcePath = '/pet'
            $noMethod = $deployed.Clone(); $noMethod.HttpMethod = 'PUT'
            $noApi = $deployed.Clone(); $noApi.RestApiId = 'zz9nothere'
            $otherKind = $deployed.Clone(); $otherKind.RestApiId = '{{http}}'
            $noIntegration = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets/{id}'; HttpMethod = 'DELETE'; Type = 'MOCK' }
            $all = $deployed, $drifted, $noPath, $noMethod, $noApi, $otherKind, $noIntegration
            $findings = $all | Test-ApiIntegration -Live -EndpointUrl $Endpoint
            $quiet = $all | Test-ApiIntegration -Live -Quiet -EndpointUrl $Endpoint
            $findings
            '---'
            $quiet
            """);
        result.ThrowIfFailed();
        var split = result.Output.ToList().FindIndex(o => o.BaseObject is string s && s == "---");
        var findings = result.Output.Take(split).ToList();
        var quiet = result.Output.Skip(split + 1).Select(o => (bool)o.BaseObject).ToList();

        // What is deployed as defined has no findings (moto leaves out the service defaults; they are not drift).
        Assert.Equal([true, false, false, false, false, false, false], quiet);
        Assert.All(findings, f => Assert.Equal("IntegrationTools.Rules.Finding", f.TypeNames[0]));

        var drift = findings.Where(f => Rule(f) == "IT3006").ToList();
        Assert.Equal(["TimeoutInMillis", "Uri"], drift.Select(Field).Order());
        Assert.Equal("Uri is 'https://petstore.example.com/pets' as deployed but 'https://petstore-v2.example.com/pets' in the definition.", Message(drift.Single(f => Field(f) == "Uri")));
        Assert.Equal("TimeoutInMillis is not set (the default, 29000) as deployed but 5000 in the definition.", Message(drift.Single(f => Field(f) == "TimeoutInMillis")));

        var path = Assert.Single(findings, f => Rule(f) == "IT3003");
        Assert.Contains("no resource with the path '/pet'", Message(path));
        Assert.Contains("'/pets'", Message(path));
        Assert.Contains("it has GET, POST", Message(Assert.Single(findings, f => Rule(f) == "IT3004")));
        Assert.Contains("'zz9nothere'", Message(Assert.Single(findings, f => Rule(f) == "IT3001")));
        Assert.Contains("is an HTTP API, but the definition is for a REST API", Message(Assert.Single(findings, f => Rule(f) == "IT3002")));
        Assert.Contains("DELETE /pets/{id} has no integration yet", Message(Assert.Single(findings, f => Rule(f) == "IT3007")));
    }

    [Fact]
    public void HttpAndWebSocketIntegrationsAsDeployedPassAndDriftIsReported()
    {
        var api = moto.Seed.CreateApi("live-http");
        var lambda = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "AWS_PROXY",
            integrationUri = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            payloadFormatVersion = "2.0",
            requestParameters = new Dictionary<string, string> { ["overwrite:header.x-source"] = "$context.requestId" },
        });
        var ws = moto.Seed.CreateApi("live-ws", "WEBSOCKET");
        moto.Seed.CreateIntegration(ws, new
        {
            integrationType = "MOCK",
            requestTemplates = new Dictionary<string, string> { ["$default"] = "{\"statusCode\": 200}" },
            templateSelectionExpression = "\\$default",
        });
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            $asDeployed = @(Get-ApiIntegration {{api}} -EndpointUrl $Endpoint) + @(Get-ApiIntegration {{ws}} -EndpointUrl $Endpoint)
            @($asDeployed | Test-ApiIntegration -Live -EndpointUrl $Endpoint).Count
            $changed = @{ ApiId = '{{api}}'; IntegrationId = '{{lambda}}'; IntegrationType = 'AWS_PROXY'; PayloadFormatVersion = '2.0'
                IntegrationUri = 'arn:aws:lambda:us-east-1:123456789012:function:orders-v2' }
            $gone = @{ ApiId = '{{api}}'; IntegrationId = 'nope123'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
            $wrongProtocol = @{ ApiId = '{{ws}}'; ProtocolType = 'HTTP'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
            $changed, $gone, $wrongProtocol | Test-ApiIntegration -Live -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Equal(0, (int)result.Output[0].BaseObject);
        var findings = result.Output.Skip(1).ToList();
        Assert.Equal(["IntegrationUri", "RequestParameters"], findings.Where(f => Rule(f) == "IT3006").Select(Field).Order());
        Assert.Contains("'arn:aws:lambda:us-east-1:123456789012:function:orders' as deployed but 'arn:aws:lambda:us-east-1:123456789012:function:orders-v2' in the definition",
            Message(findings.Single(f => Rule(f) == "IT3006" && Field(f) == "IntegrationUri")));
        Assert.Contains("'nope123'", Message(Assert.Single(findings, f => Rule(f) == "IT3007")));
        Assert.Contains("is a WebSocket API, but the definition is for an HTTP API", Message(Assert.Single(findings, f => Rule(f) == "IT3002")));
    }

    [Fact]
    public void VpcLinksAreLookedUpWhereTheProtocolKeepsThem()
    {
        var http = moto.Seed.CreateApi("live-vpc-http");
        var ws = moto.Seed.CreateApi("live-vpc-ws", "WEBSOCKET");
        var v1Link = moto.Seed.CreateRestVpcLink("live-nlb");
        var v2Link = moto.Seed.CreateVpcLink("live-v2");
        var store = moto.Seed.CreatePetStore("live-vpc-rest");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            $listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65'
            $httpOk = @{ ApiId = '{{http}}'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; ConnectionType = 'VPC_LINK'; ConnectionId = '{{v2Link}}'; IntegrationUri = $listener; PayloadFormatVersion = '1.0' }
            $httpGone = $httpOk.Clone(); $httpGone.ConnectionId = 'gone111'
            $wsOk = @{ ApiId = '{{ws}}'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'POST'; ConnectionType = 'VPC_LINK'; ConnectionId = '{{v1Link}}'; IntegrationUri = 'http://orders.internal.example.com' }
            $wsGone = $wsOk.Clone(); $wsGone.ConnectionId = 'gone222'
            $restGone = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'
                Uri = 'http://orders.internal.example.com/pets'; ConnectionType = 'VPC_LINK'; ConnectionId = 'gone333' }
            $httpOk, $httpGone, $wsOk, $wsGone, $restGone | Test-ApiIntegration -Live -EndpointUrl $Endpoint |
                Where-Object { $_.RuleId -in 'IT2030', 'IT3005' } | ForEach-Object { "$($_.RuleId) $($_.Message)" }
            """);
        result.ThrowIfFailed();
        var lines = result.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("IT2030 The VPC link 'gone111' does not exist in this account and region.", lines);
        Assert.Contains("IT3005 The VPC link 'gone222' does not exist in this account and region.", lines);
        Assert.Contains("IT3005 The VPC link 'gone333' does not exist in this account and region.", lines);
    }

    [Fact]
    public async Task AnAccountThatCannotBeReadIsAnErrorForThatInputAndTheBatchGoesOn()
    {
        var store = moto.Seed.CreatePetStore("live-throttled");
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { TooManyRequestsRate = 1.0 });
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            $a = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' }
            $a, 'not a definition', $a | Test-ApiIntegration -Live -EndpointUrl '{{proxy.Endpoint}}'
            """);
        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("TestApiIntegrationLiveThrottled,IntegrationTools.Commands.TestApiIntegrationCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);
            Assert.Equal($"restapi/{store.RestApiId} /pets GET", e.TargetObject);
            Assert.Contains("Gave up after", e.Exception.Message);
        });
        // The unreadable input in between still has its finding.
        Assert.Equal("IT0001", Rule(Assert.Single(result.Output)));
    }

    [Fact]
    public void ASessionWithoutARegionEndsTheCommandBeforeAnyInput()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"it-live-empty-{Guid.NewGuid():N}");
        File.WriteAllText(empty, "");
        try
        {
            using var env = new EnvironmentScope(("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("AWS_PROFILE", null), ("AWS_DEFAULT_PROFILE", null),
                ("AWS_CONFIG_FILE", empty), ("AWS_SHARED_CREDENTIALS_FILE", empty));
            using var ps = moto.NewSession();
            var error = ps.Run("@{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' } | Test-ApiIntegration -Live -EndpointUrl $Endpoint").SingleError();
            Assert.Equal("SessionNoRegion,IntegrationTools.Commands.TestApiIntegrationCommand", error.FullyQualifiedErrorId);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void InvokeAgainstAnEndpointWithoutTestInvocationIsAClearErrorPerInputAndTheBatchGoesOn()
    {
        var store = moto.Seed.CreatePetStore("invoke-moto");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            $get = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' }
            $post = @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' }
            $http = @{ ApiId = 'x9y8z7w6'; IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'GET'; IntegrationUri = 'https://x.example.com'; PayloadFormatVersion = '1.0' }
            $get, $http, $post | Test-ApiIntegration -Invoke -PathWithQueryString '/pets?limit=2' -Header @{ Accept = 'application/json' } -StageVariable @{ stage = 'test' } -EndpointUrl $Endpoint
            'after'
            """);
        Assert.Null(result.Terminating);
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(3, result.Errors.Count);
        var unsupported = result.Errors.Where(e => e.FullyQualifiedErrorId == "TestApiIntegrationInvokeNotSupported,IntegrationTools.Commands.TestApiIntegrationCommand").ToList();
        Assert.Equal(2, unsupported.Count);
        Assert.All(unsupported, e =>
        {
            Assert.Equal(ErrorCategory.NotImplemented, e.CategoryInfo.Category);
            Assert.IsType<PSNotSupportedException>(e.Exception);
            Assert.Contains("does not support test invocation (TestInvokeMethod)", e.Exception.Message);
            Assert.Contains(moto.Endpoint, e.Exception.Message);
            Assert.False(string.IsNullOrWhiteSpace(e.ErrorDetails.RecommendedAction));
        });
        Assert.Equal([$"restapi/{store.RestApiId} /pets GET", $"restapi/{store.RestApiId} /pets POST"], unsupported.Select(e => (string)e.TargetObject));
        var notRest = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId == "TestApiIntegrationInvokeNotRestApi,IntegrationTools.Commands.TestApiIntegrationCommand");
        Assert.Equal(ErrorCategory.InvalidArgument, notRest.CategoryInfo.Category);
    }

    [Fact]
    public void InvokeWithWhatIfSendsNoTestInvocation()
    {
        var store = moto.Seed.CreatePetStore("invoke-whatif");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ RestApiId = '{{store.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'POST'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = 'https://petstore.example.com/pets' } |
                Test-ApiIntegration -Invoke -WhatIf -PathWithQueryString '/pets?dry=1' -EndpointUrl $Endpoint
            """);
        // Against moto a sent invocation is an error; with -WhatIf nothing is sent, so there is none.
        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Contains($"What if: Performing the operation \"TestInvokeMethod POST /restapis/{store.RestApiId}/resources/{store.PetsId}/methods/POST for /pets?dry=1", ps.HostText);
    }

    [Fact]
    public void RequestParametersWithoutInvokeEndTheCommand()
    {
        using var ps = moto.NewSession();
        var error = ps.Run("@{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK' } | Test-ApiIntegration -Body '{}' -Header @{ a = 'b' }").SingleError();
        Assert.Equal("TestApiIntegrationInvokeParameterWithoutInvoke,IntegrationTools.Commands.TestApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Body, -Header", error.Exception.Message);
    }

    [Fact]
    public void TheInvocationResultHasTableAndListViews()
    {
        using var ps = moto.NewSession();
        const string make = """
            $r = [pscustomobject]@{ RestApiId = 'a1b2c3d4e5'; ResourceId = 'res456'; ResourcePath = '/pets'; HttpMethod = 'GET'; PathWithQueryString = '/pets?limit=2'
                Status = 502; Latency = 30; Body = '{"message": "Internal server error"}'; Headers = @{ 'Content-Type' = 'application/json' }
                Log = [string[]]@('Sending request to https://petstore.example.com/pets', 'Received response. Status: 503') }
            $r.PSObject.TypeNames.Insert(0, 'IntegrationTools.Models.TestInvokeResult')
            """;
        var table = ps.Render(make + "\n$r");
        Assert.Contains(table.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Status\s+Latency\s+HttpMethod\s+ResourcePath\s+RestApiId\s+Body"));
        Assert.Contains(table.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*502\s+30 ms\s+GET\s+/pets\s+a1b2c3d4e5"));
        // The hosted engine has no Format-List: check the built module's list view names every member.
        var views = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(moto.ModulePath)!, "formats", "IntegrationTools.Models.TestInvokeResult.Format.ps1xml"));
        var list = Assert.Single(views.Descendants("View"), v => v.Element("ListControl") != null);
        var items = list.Descendants("ListItem").Select(i => (string?)i.Element("PropertyName") ?? (string)i.Element("Label")!).ToList();
        Assert.Equal(["RestApiId", "ResourceId", "ResourcePath", "HttpMethod", "PathWithQueryString", "Status", "Latency", "Headers", "Body", "Log"], items);
    }
}
