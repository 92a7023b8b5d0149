using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// Set-ApiIntegration (only the named fields change; the integration as it will be is checked first) and
/// Remove-ApiIntegration (the route guard moto lacks, confirmation, -WhatIf) against moto.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SetRemoveApiIntegrationTests(MotoFixture moto)
{
    private const string OrdersFunction = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private (string Api, string Lambda, string Http) SeedHttpApi(string name)
    {
        var api = moto.Seed.CreateApi(name);
        var lambda = moto.Seed.CreateIntegration(api, new { integrationType = "AWS_PROXY", integrationUri = OrdersFunction, payloadFormatVersion = "2.0", description = "orders lambda" });
        var http = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "HTTP_PROXY",
            integrationUri = "https://orders.example.com/{proxy}",
            integrationMethod = "ANY",
            payloadFormatVersion = "1.0",
            description = "orders http",
            timeoutInMillis = 20000,
        });
        return (api, lambda, http);
    }

    private static object? P(PSObject item, string name) => item.Properties[name].Value;

    // ---- Set-ApiIntegration -------------------------------------------------------------------------------------

    [Fact]
    public void OnlyTheNamedFieldsChange()
    {
        var (api, _, http) = SeedHttpApi("set-named");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-ApiIntegration -ApiId {api} -IntegrationId {http} -TimeoutInMillis 8000 -Description 'orders backend' -EndpointUrl $Endpoint -Verbose");
        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        var stored = moto.Seed.FindIntegration(api, http)!;
        Assert.Equal(8000, stored["timeoutInMillis"]!.GetValue<int>());
        Assert.Equal("orders backend", stored["description"]!.GetValue<string>());
        Assert.Equal("https://orders.example.com/{proxy}", stored["integrationUri"]!.GetValue<string>());
        Assert.Equal("ANY", stored["integrationMethod"]!.GetValue<string>());
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH") && v.Contains($"/v2/apis/{api}/integrations/{http}"));
    }

    [Fact]
    public void PassThruWritesTheChangedIntegration()
    {
        var (api, lambda, _) = SeedHttpApi("set-passthru");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-ApiIntegration {api} {lambda} -PayloadFormatVersion 1.0 -RequestParameters @{{ 'overwrite:header.x-source' = '$context.requestId' }} -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("IntegrationTools.Models.ApiIntegration", item.TypeNames[0]);
        Assert.Equal("1.0", P(item, "PayloadFormatVersion"));
        Assert.Equal("HTTP", P(item, "ProtocolType"));
        Assert.Equal(OrdersFunction, P(item, "IntegrationUri"));
        Assert.Equal("$context.requestId", ((System.Collections.IDictionary)P(item, "RequestParameters")!)["overwrite:header.x-source"]);
    }

    [Fact]
    public void GetApiIntegrationOutputPipesInByPropertyName()
    {
        var (api, lambda, http) = SeedHttpApi("set-pipe");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint | Set-ApiIntegration -TimeoutInMillis 7000 -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(7000, moto.Seed.FindIntegration(api, lambda)!["timeoutInMillis"]!.GetValue<int>());
        Assert.Equal(7000, moto.Seed.FindIntegration(api, http)!["timeoutInMillis"]!.GetValue<int>());
        // The other fields are as they were.
        Assert.Equal("orders lambda", moto.Seed.FindIntegration(api, lambda)!["description"]!.GetValue<string>());
    }

    [Fact]
    public void AChangeThatMakesTheIntegrationInvalidIsRefusedAndNothingChanges()
    {
        var (api, _, http) = SeedHttpApi("set-refused");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-ApiIntegration {api} {http} -PayloadFormatVersion 2.0 -PassThru -EndpointUrl $Endpoint");
        Assert.Empty(result.Output);
        var error = result.SingleError();
        Assert.Equal("SetApiIntegrationInvalidDefinition,IntegrationTools.Commands.SetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("IT2005", error.Exception.Message);
        Assert.Equal($"api/{api} integration/{http}", error.TargetObject);
        Assert.Equal("1.0", moto.Seed.FindIntegration(api, http)!["payloadFormatVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("HTTP", "-IntegrationType HTTP", "IT2002")]
    [InlineData("HTTP", "-PassthroughBehavior NEVER", "IT2003")]
    [InlineData("HTTP", "-ServerNameToVerify orders.example.com", "IT2012")]
    [InlineData("HTTP", "-TimeoutInMillis 45000", "IT2014")]
    [InlineData("WEBSOCKET", "-TimeoutInMillis 30000", "IT2014")]
    [InlineData("WEBSOCKET", "-ResponseParameters @{ '500' = @{ 'overwrite:statuscode' = '502' } }", "IT2004")]
    public void ChangesThatDoNotFitTheProtocolAreRefused(string protocol, string change, string ruleId)
    {
        var api = moto.Seed.CreateApi("set-protocol", protocol);
        var id = protocol == "HTTP"
            ? moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationUri = "https://e.com", integrationMethod = "ANY", payloadFormatVersion = "1.0" })
            : moto.Seed.CreateIntegration(api, new { integrationType = "MOCK" });
        using var ps = moto.NewSession();
        var error = ps.Run($"Set-ApiIntegration {api} {id} {change} -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SetApiIntegrationInvalidDefinition,IntegrationTools.Commands.SetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains(ruleId, error.Exception.Message);
    }

    [Fact]
    public void WhatIfShowsAPatchWithOnlyTheNamedMembers()
    {
        var (api, _, http) = SeedHttpApi("set-whatif");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-ApiIntegration {api} {http} -Description 'changed' -WhatIf -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains($"What if: Performing the operation \"PATCH /v2/apis/{api}/integrations/{http} {{\"description\":\"changed\"}}\" on target \"api/{api} integration/{http}\"", ps.HostText);
        Assert.Equal("orders http", moto.Seed.FindIntegration(api, http)!["description"]!.GetValue<string>());
    }

    [Fact]
    public void NothingToChangeStopsTheCommand()
    {
        var (api, _, http) = SeedHttpApi("set-nothing");
        using var ps = moto.NewSession();
        var error = ps.Run($"Set-ApiIntegration {api} {http} -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SetApiIntegrationNothingToChange,IntegrationTools.Commands.SetApiIntegrationCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void AnUnknownIntegrationIsNotFound()
    {
        var (api, _, _) = SeedHttpApi("set-missing");
        using var ps = moto.NewSession();
        var error = ps.Run($"Set-ApiIntegration {api} nosuchid -Description x -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("SetApiIntegrationNotFound,IntegrationTools.Commands.SetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    // ---- Remove-ApiIntegration ----------------------------------------------------------------------------------

    [Fact]
    public void RemovesAnIntegrationNoRouteTargets()
    {
        var (api, lambda, http) = SeedHttpApi("remove-free");
        moto.Seed.CreateRoute(api, "GET /orders", http);
        using var ps = moto.NewSession();
        var result = ps.Run($"Remove-ApiIntegration -ApiId {api} -IntegrationId {lambda} -Confirm:$false -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Null(moto.Seed.FindIntegration(api, lambda));
        Assert.NotNull(moto.Seed.FindIntegration(api, http));
    }

    [Fact]
    public void RefusesWhileARouteTargetsTheIntegration_NamingTheRoutes()
    {
        var (api, _, http) = SeedHttpApi("remove-guard");
        var get = moto.Seed.CreateRoute(api, "GET /orders", http);
        var post = moto.Seed.CreateRoute(api, "POST /orders", http);
        using var ps = moto.NewSession();
        var result = ps.Run($"Remove-ApiIntegration {api} {http} -Force -EndpointUrl $Endpoint");
        var error = result.SingleError();
        Assert.Equal("RemoveApiIntegrationInUse,IntegrationTools.Commands.RemoveApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal($"api/{api} integration/{http}", error.TargetObject);
        Assert.Contains($"2 routes still target it: 'GET /orders' ({get}), 'POST /orders' ({post})", error.Exception.Message);
        Assert.Contains("update-route", error.ErrorDetails!.RecommendedAction);
        Assert.NotNull(moto.Seed.FindIntegration(api, http));
    }

    [Fact]
    public void APipelineRemovesTheFreeIntegrationsAndReportsTheOneInUse()
    {
        var api = moto.Seed.CreateApi("remove-batch");
        var ids = Enumerable.Range(1, 3).Select(i => moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationUri = $"https://e{i}.com", integrationMethod = "ANY", payloadFormatVersion = "1.0" })).ToList();
        moto.Seed.CreateRoute(api, "$default", ids[1]);
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint | Remove-ApiIntegration -Force -PassThru -EndpointUrl $Endpoint");
        Assert.Equal(new[] { ids[0], ids[2] }.Order(), result.Output.Select(o => (string)P(o, "IntegrationId")!).Order());
        var error = Assert.Single(result.Errors);
        Assert.Equal("RemoveApiIntegrationInUse,IntegrationTools.Commands.RemoveApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'$default'", error.Exception.Message);
        Assert.Equal([ids[1]], moto.Seed.GetIntegrations(api).Select(i => i!["integrationId"]!.GetValue<string>()));
    }

    [Fact]
    public void WhatIfShowsTheDeleteAndRemovesNothing()
    {
        var (api, lambda, _) = SeedHttpApi("remove-whatif");
        using var ps = moto.NewSession();
        var result = ps.Run($"Remove-ApiIntegration {api} {lambda} -WhatIf -Force -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains($"What if: Performing the operation \"DELETE /v2/apis/{api}/integrations/{lambda}\" on target \"api/{api} integration/{lambda}\"", ps.HostText);
        Assert.NotNull(moto.Seed.FindIntegration(api, lambda));
    }

    [Fact]
    public void ConfirmImpactIsHigh_SoItAsksUnlessConfirmFalseOrForce()
    {
        var (api, lambda, _) = SeedHttpApi("remove-confirm");
        using var ps = moto.NewSession();
        var impact = ps.Run("(Get-Command Remove-ApiIntegration).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");
        impact.ThrowIfFailed();
        Assert.Equal("High", impact.Output[0].ToString());
        // The hosted engine cannot answer a prompt: asking fails, and nothing is removed.
        var asked = ps.Run($"Remove-ApiIntegration {api} {lambda} -EndpointUrl $Endpoint");
        Assert.True(asked.Terminating != null || asked.Errors.Count > 0);
        Assert.NotNull(moto.Seed.FindIntegration(api, lambda));
    }

    [Fact]
    public void AnUnknownIntegrationIsNotFound_ThoughMotoWouldAnswerTheDeleteWith200()
    {
        var (api, _, _) = SeedHttpApi("remove-missing");
        using var ps = moto.NewSession();
        var error = ps.Run($"Remove-ApiIntegration {api} nosuchid -Force -EndpointUrl $Endpoint").SingleError();
        Assert.Equal("RemoveApiIntegrationNotFound,IntegrationTools.Commands.RemoveApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void RemovesAWebSocketIntegrationWithPassThru()
    {
        var api = moto.Seed.CreateApi("remove-ws", "WEBSOCKET");
        var mock = moto.Seed.CreateIntegration(api, new { integrationType = "MOCK" });
        using var ps = moto.NewSession();
        var result = ps.Run($"Remove-ApiIntegration {api} {mock} -Confirm:$false -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("MOCK", P(item, "IntegrationType"));
        Assert.Equal("WEBSOCKET", P(item, "ProtocolType"));
        Assert.Null(moto.Seed.FindIntegration(api, mock));
    }
}
