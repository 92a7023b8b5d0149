using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// Update-RestIntegration and Remove-RestIntegration against moto. moto answers UpdateIntegration with 500, so the updates
/// are checked up to the request they would send (-WhatIf) and in their pre-flight; the engine tests cover the PATCH itself.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class UpdateRemoveRestIntegrationTests(MotoFixture moto)
{
    private const string UpdateSuffix = ",IntegrationTools.Commands.UpdateRestIntegrationCommand";
    private const string RemoveSuffix = ",IntegrationTools.Commands.RemoveRestIntegrationCommand";
    private readonly RestIntegrationSeed _seed = new(moto.Endpoint);

    private Shop ShopWithIntegrations(string name)
    {
        var shop = _seed.CreateShop(name);
        _seed.PutIntegration(shop.RestApiId, shop.PetsId, "GET", new
        {
            type = "HTTP", httpMethod = "GET", uri = "https://search.example.com/find", timeoutInMillis = 10,
            requestParameters = new Dictionary<string, string> { ["integration.request.querystring.term"] = "method.request.querystring.q", ["integration.request.header.x-old"] = "'1'" },
            requestTemplates = new Dictionary<string, string> { ["application/json"] = "{}" },
        });
        _seed.PutIntegration(shop.RestApiId, shop.PetsId, "OPTIONS", new { type = "MOCK" });
        _seed.PutIntegration(shop.RestApiId, shop.PetId, "GET", new { type = "HTTP_PROXY", httpMethod = "GET", uri = "https://pets.example.com/pets/{petId}" });
        return shop;
    }

    [Fact]
    public void Update_WhatIf_ShowsOnlyWhatWasNamed_AsPatchOperationsWithEscapedKeys()
    {
        var shop = ShopWithIntegrations("update-whatif");
        using var ps = moto.NewSession();
        var text = ps.Render($$"""
            Update-RestIntegration {{shop.RestApiId}} -ResourcePath /pets -HttpMethod GET -TimeoutInMillis 5000 -RequestParameters @{
                'integration.request.header.x-trace' = 'method.request.header.x-trace'; 'integration.request.header.x-old' = $null
            } -RequestTemplates @{ 'application/json' = '{"q": 1}'; 'text/plain' = 'q' } -EndpointUrl $Endpoint -WhatIf
            """);
        Assert.Contains($"What if: Performing the operation \"PATCH /restapis/{shop.RestApiId}/resources/{shop.PetsId}/methods/GET/integration " +
            "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/timeoutInMillis\",\"value\":\"5000\"}," +
            "{\"op\":\"remove\",\"path\":\"/requestParameters/integration.request.header.x-old\"}," +
            "{\"op\":\"add\",\"path\":\"/requestParameters/integration.request.header.x-trace\",\"value\":\"method.request.header.x-trace\"}," +
            "{\"op\":\"replace\",\"path\":\"/requestTemplates/application~1json\",\"value\":\"{\\\"q\\\": 1}\"}," +
            "{\"op\":\"add\",\"path\":\"/requestTemplates/text~1plain\",\"value\":\"q\"}]}\" " +
            $"on target \"restapi/{shop.RestApiId} /pets GET\".", text);
        // The current integration has a timeout of 10 ms, which the update replaces: no complaint about it.
        Assert.DoesNotContain("IT1016", text);
    }

    [Fact]
    public void Update_PipedFromGet_YieldsOneRequestPerIntegration()
    {
        var shop = ShopWithIntegrations("update-pipe");
        using var ps = moto.NewSession();
        var text = ps.Render($"Get-RestIntegration {shop.RestApiId} -EndpointUrl $Endpoint | Update-RestIntegration -CacheNamespace shared -EndpointUrl $Endpoint -WhatIf");
        var lines = text.Split('\n').Where(l => l.StartsWith("What if:")).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Contains("{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/cacheNamespace\",\"value\":\"shared\"}]}", l));
        Assert.Contains(lines, l => l.Contains($"restapi/{shop.RestApiId} /pets/{{petId}} GET"));
    }

    [Fact]
    public void Update_RawPatchOperations_AreSentAfterTheNamedOnes()
    {
        var shop = ShopWithIntegrations("update-raw");
        using var ps = moto.NewSession();
        var text = ps.Render($$"""
            Update-RestIntegration {{shop.RestApiId}} -ResourceId {{shop.PetId}} -HttpMethod GET -Uri 'https://new.example.com/pets/{petId}' `
                -PatchOperation @{ Op = 'Add'; Path = '/requestParameters/integration.request.path.petId'; Value = 'method.request.path.petId' } -EndpointUrl $Endpoint -WhatIf
            """);
        Assert.Contains("[{\"op\":\"replace\",\"path\":\"/uri\",\"value\":\"https://new.example.com/pets/{petId}\"},{\"op\":\"add\",\"path\":\"/requestParameters/integration.request.path.petId\",\"value\":\"method.request.path.petId\"}]", text);
    }

    [Theory]
    [InlineData("-TimeoutInMillis 20", "UpdateRestIntegrationInvalidDefinition", "IT1016")]
    [InlineData("-Uri 'not a url'", "UpdateRestIntegrationInvalidDefinition", "IT1008")]
    [InlineData("-RequestParameters @{ 'integration.request.header.x' = 'method.request.header.undeclared' }", "UpdateRestIntegrationInvalidDefinition", "IT1023")]
    [InlineData("-PatchOperation @{ op = 'set'; path = '/uri'; value = 'x' }", "UpdateRestIntegrationInvalidTarget", "IT1301")]
    [InlineData("", "UpdateRestIntegrationNothingToChange", "nothing to change")]
    public void Update_PreFlight_RefusesAndSendsNothing(string change, string errorId, string expected)
    {
        var shop = ShopWithIntegrations("update-refused");
        using var ps = moto.NewSession();
        var result = ps.Run($"Update-RestIntegration {shop.RestApiId} -ResourcePath /pets -HttpMethod GET {change} -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + UpdateSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Equal("10", _seed.Integration(shop.RestApiId, shop.PetsId, "GET")!["timeoutInMillis"]!.ToString());
    }

    [Fact]
    public void Update_ThatChangesNothing_WarnsAndSendsNothing()
    {
        var shop = ShopWithIntegrations("update-noop");
        using var ps = moto.NewSession();
        var result = ps.Run($"Update-RestIntegration {shop.RestApiId} -ResourcePath /pets -HttpMethod GET -RequestParameters @{{ 'integration.request.header.not-there' = $null }} -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Contains("nothing was sent", Assert.Single(result.Warnings));
        Assert.Equal("HTTP", Assert.Single(result.Output).Properties["Type"].Value);
    }

    [Fact]
    public void Update_OfAMethodWithoutIntegration_IsObjectNotFound()
    {
        var shop = _seed.CreateShop("update-none");
        using var ps = moto.NewSession();
        var result = ps.Run($"Update-RestIntegration {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -TimeoutInMillis 5000 -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("UpdateRestIntegrationNotFound" + UpdateSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Remove_WithoutConfirm_RemovesAndWritesNothing()
    {
        var shop = ShopWithIntegrations("remove-one");
        using var ps = moto.NewSession();
        var result = ps.Run($"Remove-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /pets -HttpMethod OPTIONS -Confirm:$false -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS"));
        Assert.NotNull(_seed.Integration(shop.RestApiId, shop.PetsId, "GET"));
    }

    [Fact]
    public void Remove_WhatIf_NamesWhatWouldGo_AndSendsNothing()
    {
        var shop = ShopWithIntegrations("remove-whatif");
        using var ps = moto.NewSession();
        var text = ps.Render($"Remove-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath '/pets/{{petId}}' -HttpMethod GET -EndpointUrl $Endpoint -WhatIf");
        Assert.Contains($"What if: Performing the operation \"DELETE /restapis/{shop.RestApiId}/resources/{shop.PetId}/methods/GET/integration\" " +
                        $"on target \"restapi/{shop.RestApiId} /pets/{{petId}} GET (HTTP_PROXY https://pets.example.com/pets/{{petId}})\".", text);
        Assert.NotNull(_seed.Integration(shop.RestApiId, shop.PetId, "GET"));
    }

    [Fact]
    public void Remove_IsHighImpact_SoItAsksFirst()
    {
        var shop = ShopWithIntegrations("remove-confirm");
        using var ps = moto.NewSession();
        var impact = ps.Run("(Get-Command Remove-RestIntegration).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");
        impact.ThrowIfFailed();
        Assert.Equal("High", impact.Output[0].ToString());
        // The hosted engine cannot answer a prompt: asking fails, and nothing is removed.
        var result = ps.Run($"Remove-RestIntegration -RestApiId {shop.RestApiId} -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint");
        Assert.True(result.Errors.Count > 0 || result.Terminating != null);
        Assert.NotNull(_seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS"));
    }

    [Fact]
    public void Remove_PipedFromGet_WithPassThru_WritesWhatWasRemoved()
    {
        var shop = ShopWithIntegrations("remove-pipe");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration {shop.RestApiId} -EndpointUrl $Endpoint | Where-Object Type -ne MOCK | Remove-RestIntegration -Confirm:$false -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(["HTTP", "HTTP_PROXY"], result.Output.Select(o => (string)o.Properties["Type"].Value));
        Assert.Equal("IntegrationTools.Models.RestIntegration", result.Output[0].TypeNames[0]);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "GET"));
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetId, "GET"));
        Assert.NotNull(_seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS"));
    }

    [Fact]
    public void Remove_ABatchWithAMissingIntegrationInTheMiddle_ReportsItAndRemovesTheOthers()
    {
        var shop = ShopWithIntegrations("remove-batch");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @(
                [pscustomobject]@{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'OPTIONS' }
                [pscustomobject]@{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/orders'; HttpMethod = 'POST' }
                [pscustomobject]@{ RestApiId = '{{shop.RestApiId}}'; ResourcePath = '/pets'; HttpMethod = 'GET' }
            ) | Remove-RestIntegration -Confirm:$false -EndpointUrl $Endpoint
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RemoveRestIntegrationNotFound" + RemoveSuffix, error.FullyQualifiedErrorId);
        Assert.Equal($"restapi/{shop.RestApiId} /orders POST", error.TargetObject);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS"));
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "GET"));
    }

    [Fact]
    public void Remove_WithoutResource_IsInvalidTarget()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("Remove-RestIntegration -RestApiId abc123 -HttpMethod GET -Confirm:$false -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("RemoveRestIntegrationInvalidTarget" + RemoveSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("IT1001", error.Exception.Message);
    }
}
