using System.Collections;
using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>New-, Get- and Remove-ApiIntegrationResponse (WebSocket APIs) against moto, and their help.</summary>
[Collection(MotoCollection.Name)]
public sealed class ApiIntegrationResponseTests(MotoFixture moto)
{
    private (string Api, string Integration) SeedWebSocket(string name)
    {
        var api = moto.Seed.CreateApi(name, "WEBSOCKET");
        var integration = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "MOCK",
            requestTemplates = new Dictionary<string, string> { ["$default"] = "{\"statusCode\": 200}" },
            templateSelectionExpression = "\\$default",
        });
        return (api, integration);
    }

    private static object? P(PSObject item, string name) => item.Properties[name].Value;

    [Fact]
    public void CreatesADefaultResponseWithTemplatesSelectionContentHandlingAndParameters()
    {
        var (api, integration) = SeedWebSocket("ir-new");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            New-ApiIntegrationResponse -ApiId {{api}} -IntegrationId {{integration}} -IntegrationResponseKey '$default' `
                -ResponseTemplates @{ '$default' = '{"ok": true}' } -TemplateSelectionExpression '\$default' -ContentHandlingStrategy convert_to_text `
                -ResponseParameters @{ 'method.response.header.x-request-id' = 'integration.response.header.x-request-id' } -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("IntegrationTools.Models.ApiIntegrationResponse", item.TypeNames[0]);
        Assert.Equal(api, P(item, "ApiId"));
        Assert.Equal("WEBSOCKET", P(item, "ProtocolType"));
        Assert.Equal(integration, P(item, "IntegrationId"));
        Assert.Equal("$default", P(item, "IntegrationResponseKey"));
        Assert.Equal("CONVERT_TO_TEXT", P(item, "ContentHandlingStrategy"));
        Assert.Equal("\\$default", P(item, "TemplateSelectionExpression"));
        Assert.Equal("{\"ok\": true}", ((IDictionary)P(item, "ResponseTemplates")!)["$default"]);
        Assert.Equal("integration.response.header.x-request-id", ((IDictionary)P(item, "ResponseParameters")!)["method.response.header.x-request-id"]);
        Assert.Single(moto.Seed.GetIntegrationResponses(api, integration));
    }

    [Fact]
    public void GetApiIntegrationOutputPipesIn_WithAStatusCodeRegexKey()
    {
        var (api, integration) = SeedWebSocket("ir-pipe");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {api} {integration} -EndpointUrl $Endpoint | New-ApiIntegrationResponse -IntegrationResponseKey '/2\\d\\d/' -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal("/2\\d\\d/", P(Assert.Single(result.Output), "IntegrationResponseKey"));
    }

    [Fact]
    public void HttpApisAreRefusedThoughMotoWouldAcceptIt()
    {
        var api = moto.Seed.CreateApi("ir-http");
        var integration = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationUri = "https://e.com", integrationMethod = "ANY", payloadFormatVersion = "1.0" });
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegrationResponse {api} {integration} '$default' -EndpointUrl $Endpoint");
        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.Equal("NewApiIntegrationResponseInvalidDefinition,IntegrationTools.Commands.NewApiIntegrationResponseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("IT2101", error.Exception.Message);
        Assert.Contains("-ResponseParameters", error.ErrorDetails!.RecommendedAction);
        Assert.Empty(moto.Seed.GetIntegrationResponses(api, integration));
    }

    [Theory]
    [InlineData("default", "single quotes")]
    [InlineData("2xx", "'/2../'")]
    [InlineData("/[2/", "not a valid regular expression")]
    public void BadKeysAreRefusedWithTheFix(string key, string hint)
    {
        var (api, integration) = SeedWebSocket("ir-bad-key");
        using var ps = moto.NewSession();
        var error = ps.Run($"New-ApiIntegrationResponse {api} {integration} -IntegrationResponseKey '{key}' -EndpointUrl $Endpoint").SingleError();
        Assert.Contains("IT2102", error.Exception.Message);
        Assert.Contains(hint, error.Exception.Message);
        Assert.Empty(moto.Seed.GetIntegrationResponses(api, integration));
    }

    [Fact]
    public void BadResponseParametersAreRefused()
    {
        var (api, integration) = SeedWebSocket("ir-bad-parameters");
        using var ps = moto.NewSession();
        var error = ps.Run($"New-ApiIntegrationResponse {api} {integration} '$default' -ResponseParameters @{{ 'x-request-id' = 'integration.response.header.x' }} -EndpointUrl $Endpoint").SingleError();
        Assert.Contains("IT2104", error.Exception.Message);
    }

    [Fact]
    public void WhatIfShowsTheRequestAndCreatesNothing()
    {
        var (api, integration) = SeedWebSocket("ir-whatif");
        using var ps = moto.NewSession();
        var result = ps.Run($"New-ApiIntegrationResponse {api} {integration} '$default' -WhatIf -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains($"What if: Performing the operation \"POST /v2/apis/{api}/integrations/{integration}/integrationresponses {{\"integrationResponseKey\":\"$default\"}}\"", ps.HostText);
        Assert.Empty(moto.Seed.GetIntegrationResponses(api, integration));
    }

    [Fact]
    public void GetListsAllOrOne_AndPipesFromGetApiIntegration()
    {
        var (api, integration) = SeedWebSocket("ir-get");
        var first = moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "$default" });
        var second = moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "/4\\d\\d/", contentHandlingStrategy = "CONVERT_TO_BINARY" });
        using var ps = moto.NewSession();
        var all = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint | Get-ApiIntegrationResponse -EndpointUrl $Endpoint");
        all.ThrowIfFailed();
        Assert.Equal(new[] { first, second }.Order(), all.Output.Select(o => (string)P(o, "IntegrationResponseId")!).Order());
        var one = ps.Run($"Get-ApiIntegrationResponse {api} {integration} {second} -EndpointUrl $Endpoint");
        one.ThrowIfFailed();
        Assert.Equal("CONVERT_TO_BINARY", P(Assert.Single(one.Output), "ContentHandlingStrategy"));
        var missing = ps.Run($"Get-ApiIntegrationResponse {api} {integration} nosuchid -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("GetApiIntegrationResponseNotFound,IntegrationTools.Commands.GetApiIntegrationResponseCommand", missing.FullyQualifiedErrorId);
    }

    [Fact]
    public void TheTableViewShowsKeysAndTemplates()
    {
        var (api, integration) = SeedWebSocket("ir-view");
        var id = moto.Seed.CreateIntegrationResponse(api, integration, new
        {
            integrationResponseKey = "$default",
            responseTemplates = new Dictionary<string, string> { ["$default"] = "{}", ["application/json"] = "{}" },
            templateSelectionExpression = "\\$default",
        });
        using var ps = moto.NewSession();
        var text = ps.Render($"Get-ApiIntegrationResponse {api} {integration} -EndpointUrl $Endpoint");
        Assert.Contains($"API: {api} integration {integration}", text);
        Assert.Contains(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ResponseId\s+Key\s+ContentHandling\s+TemplateSelection\s+Templates\s+Parameters\s*$"));
        Assert.Contains(text.Split('\n'), l => l.StartsWith(id) && l.Contains("$default") && l.Contains("$default, application/json"));
    }

    [Fact]
    public void RemoveDeletesWithForceOrConfirmFalse_AndPipesFromGet()
    {
        var (api, integration) = SeedWebSocket("ir-remove");
        var first = moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "$default" });
        moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "/5\\d\\d/" });
        using var ps = moto.NewSession();
        var one = ps.Run($"Remove-ApiIntegrationResponse {api} {integration} {first} -Force -PassThru -EndpointUrl $Endpoint");
        one.ThrowIfFailed();
        Assert.Equal("$default", P(Assert.Single(one.Output), "IntegrationResponseKey"));
        Assert.Single(moto.Seed.GetIntegrationResponses(api, integration));
        var rest = ps.Run($"Get-ApiIntegrationResponse {api} {integration} -EndpointUrl $Endpoint | Remove-ApiIntegrationResponse -Confirm:$false -EndpointUrl $Endpoint");
        rest.ThrowIfFailed();
        Assert.Empty(rest.Output);
        Assert.Empty(moto.Seed.GetIntegrationResponses(api, integration));
    }

    [Fact]
    public void RemoveWhatIfAndUnknownIds()
    {
        var (api, integration) = SeedWebSocket("ir-remove-whatif");
        var id = moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "$default" });
        using var ps = moto.NewSession();
        var whatIf = ps.Run($"Remove-ApiIntegrationResponse {api} {integration} {id} -WhatIf -EndpointUrl $Endpoint");
        whatIf.ThrowIfFailed();
        Assert.Contains($"\"DELETE /v2/apis/{api}/integrations/{integration}/integrationresponses/{id}\"", ps.HostText);
        Assert.Single(moto.Seed.GetIntegrationResponses(api, integration));
        var error = ps.Run($"Remove-ApiIntegrationResponse {api} {integration} nosuchid -Force -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("RemoveApiIntegrationResponseNotFound,IntegrationTools.Commands.RemoveApiIntegrationResponseCommand", error.FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("New-ApiIntegration")]
    [InlineData("Set-ApiIntegration")]
    [InlineData("Remove-ApiIntegration")]
    [InlineData("New-ApiIntegrationResponse")]
    [InlineData("Get-ApiIntegrationResponse")]
    [InlineData("Remove-ApiIntegrationResponse")]
    public void EveryNewCmdletHasHelpWithExamplesAndEveryParameter(string command)
    {
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            $help = Get-Help {command} -Full
            $help.Synopsis
            @($help.Examples.Example).Count
            (@($help.Parameters.Parameter) | ForEach-Object Name) -join ','
            (Get-Command {command}).OutputType.Name -join ','
            """);
        result.ThrowIfFailed();
        Assert.DoesNotContain(command + " [", (string)result.Output[0].BaseObject);
        Assert.True((int)result.Output[1].BaseObject >= 2);
        var documented = ((string)result.Output[2].BaseObject).Split(',');
        // PlatyPS documents -WhatIf and -Confirm of cmdlets that support ShouldProcess; the other common parameters not.
        var actual = ps.Run($"(Get-Command {command}).Parameters.Keys | Where-Object {{ $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }}");
        actual.ThrowIfFailed();
        Assert.Equal(actual.Output.Select(o => o.ToString()).Order(), documented.Order());
        Assert.StartsWith("IntegrationTools.Models.ApiIntegration", (string)result.Output[3].BaseObject);
    }
}
