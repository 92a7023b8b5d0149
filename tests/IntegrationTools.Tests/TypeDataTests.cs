using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>IntegrationTools.Types.ps1xml: friendly aliases so REST and HTTP/WebSocket integrations read alike.</summary>
[Collection(MotoCollection.Name)]
public sealed class TypeDataTests(MotoFixture moto)
{
    [Fact]
    public void RestIntegrationsAndTheirResponsesAnswerToPathAndMethod()
    {
        var store = moto.Seed.CreatePetStore("types-rest");
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            $i = Get-RestIntegration -RestApiId {store.RestApiId} -ResourcePath /pets -HttpMethod POST -EndpointUrl $Endpoint
            "$($i.Method) $($i.Path) $($i.Type) $($i.Uri)"
            ($i.PSObject.Properties['Path']).GetType().Name
            """);
        result.ThrowIfFailed();
        Assert.Equal("POST /pets HTTP_PROXY https://petstore.example.com/pets", result.Output[0].ToString());
        Assert.Equal("PSAliasProperty", result.Output[1].ToString());
    }

    [Fact]
    public void ApiIntegrationsAnswerToIdTypeAndUri()
    {
        var api = moto.Seed.CreateApi("types-v2");
        var id = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://t.example.com", payloadFormatVersion = "1.0" });
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            $i = Get-ApiIntegration -ApiId {api} -IntegrationId {id} -EndpointUrl $Endpoint
            "$($i.Id) $($i.Type) $($i.Uri)"
            """);
        result.ThrowIfFailed();
        Assert.Equal($"{id} HTTP_PROXY https://t.example.com", result.Output[0].ToString());
    }

    [Fact]
    public void TheAliasesDoNotBecomeDefinitionKeysWhenObjectsArePipedIntoTheChangingCmdlets()
    {
        // Path on a REST integration would otherwise read as an AWS service path, Type/Uri/Id on a v2 one as unknown keys.
        var source = moto.Seed.CreatePetStore("types-copy-from");
        var target = moto.Seed.CreatePetStore("types-copy-to");
        var api = moto.Seed.CreateApi("types-copy-v2");
        var other = moto.Seed.CreateApi("types-copy-v2-target");
        var id = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "GET", integrationUri = "https://copy.example.com", payloadFormatVersion = "1.0" });
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            Get-RestIntegration -RestApiId {source.RestApiId} -ResourcePath /pets -HttpMethod POST -EndpointUrl $Endpoint |
                Set-RestIntegration -RestApiId {target.RestApiId} -EndpointUrl $Endpoint | ForEach-Object {"{"} $_.Uri {"}"}
            Get-ApiIntegration -ApiId {api} -IntegrationId {id} -EndpointUrl $Endpoint |
                New-ApiIntegration -ApiId {other} -EndpointUrl $Endpoint | ForEach-Object {"{"} $_.Uri {"}"}
            """);
        result.ThrowIfFailed();
        Assert.Equal(["https://petstore.example.com/pets", "https://copy.example.com"], result.Output.Select(o => o.ToString()));
    }
}
