using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Test-ApiIntegration: the rule catalog offline, on every input form, one result per finding or per input.</summary>
[Collection(MotoCollection.Name)]
public sealed class TestApiIntegrationTests(MotoFixture moto)
{
    [Fact]
    public void ABadRestDefinitionYieldsOneFindingPerProblemWithRuleFieldAndFix()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("@{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; Uri = 'petstore.example.com/pets' } | Test-ApiIntegration");
        result.ThrowIfFailed();
        Assert.All(result.Output, f => Assert.Equal("IntegrationTools.Rules.Finding", f.TypeNames[0]));
        var byRule = result.Output.ToDictionary(f => (string)f.Properties["RuleId"].Value);
        Assert.Equal(["IT1004", "IT1008"], byRule.Keys.Order());
        Assert.Equal("IntegrationHttpMethod", byRule["IT1004"].Properties["Field"].Value);
        Assert.Equal("restapi/a1b2c3d4e5 /pets GET", byRule["IT1008"].Properties["Target"].Value);
        Assert.Equal("Error", byRule["IT1008"].Properties["Severity"].Value.ToString());
        Assert.False(string.IsNullOrWhiteSpace((string)byRule["IT1008"].Properties["Fix"].Value));
    }

    [Fact]
    public void AGoodDefinitionHasNoFindingsAndQuietSaysTrueOrFalsePerInput()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            $good = @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCK'; RequestTemplates = @{ 'application/json' = '{"statusCode": 200}' } }
            $bad = @{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'MOCKK' }
            @(Test-ApiIntegration $good).Count
            $good, $bad, $good | Test-ApiIntegration -Quiet
            """);
        result.ThrowIfFailed();
        Assert.Equal(0, (int)result.Output[0].BaseObject);
        Assert.Equal([true, false, true], result.Output.Skip(1).Select(o => (bool)o.BaseObject));
    }

    [Fact]
    public void UnreadableInputsAreFindingsAndTheBatchGoesOn()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            'just text', @{ Uir = 'x'; RestApiId = 'a' }, @{ Foo = 1 }, 42 | Test-ApiIntegration
            """);
        Assert.Empty(result.Errors);
        var rules = result.Output.Select(f => (string)f.Properties["RuleId"].Value).ToList();
        Assert.Contains("IT0001", rules);   // not a definition
        Assert.Contains("IT0002", rules);   // unknown key
        Assert.Contains("IT0005", rules);   // neither kind
        var unknown = result.Output.First(f => (string)f.Properties["RuleId"].Value == "IT0002");
        Assert.Contains("Did you mean 'Uri'?", (string)unknown.Properties["Message"].Value);
        // Each of the four inputs is accounted for by at least one finding with its own target.
        Assert.Equal(4, result.Output.Select(f => (string)f.Properties["Target"].Value).Distinct().Count());
    }

    [Fact]
    public void GetOutputPipesInAndCarriesTheProtocolForTheHttpApiRules()
    {
        var api = moto.Seed.CreateApi("test-audit");
        // moto accepts this; the service (and the rule catalog) would not: payload 2.0 is for Lambda proxies only.
        moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "GET", integrationUri = "https://audit.example.com", payloadFormatVersion = "2.0" });
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint | Test-ApiIntegration");
        result.ThrowIfFailed();
        var finding = Assert.Single(result.Output);
        Assert.Equal("PayloadFormatVersion", finding.Properties["Field"].Value);
        Assert.StartsWith($"api/{api} integration/", (string)finding.Properties["Target"].Value);
    }

    [Fact]
    public void CliSkeletonKeysAreRead()
    {
        using var ps = moto.NewSession();
        // The shape of ConvertFrom-Json of `aws apigateway put-integration --generate-cli-skeleton` (camelCase).
        var result = ps.Run("""
            $skeleton = [pscustomobject]@{ restApiId = 'a1b2c3d4e5'; resourceId = 'abc123'; httpMethod = 'POST'; type = 'AWS_PROXY'
                integrationHttpMethod = 'POST'; uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations'
                timeoutInMillis = 10; tlsConfig = [pscustomobject]@{ insecureSkipVerification = $false } }
            $skeleton | Test-ApiIntegration
            """);
        result.ThrowIfFailed();
        var finding = Assert.Single(result.Output);
        Assert.Equal("TimeoutInMillis", finding.Properties["Field"].Value);
    }

    [Fact]
    public void TheFindingViewGroupsByTarget()
    {
        using var ps = moto.NewSession();
        var text = ps.Render("@{ RestApiId = 'a1b2c3d4e5'; ResourcePath = '/pets'; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; Uri = 'x' } | Test-ApiIntegration");
        Assert.Contains("Target: restapi/a1b2c3d4e5 /pets GET", text);
        Assert.Contains(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^RuleId\s+Severity\s+Field\s+Message\s*$"));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("IT1008  Error"));
    }
}
