using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Tab completion of live ids through the engine's completion API (TabExpansion2), against moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class CompletionTests(MotoFixture moto)
{
    private static List<(string Text, string ListItem, string Tooltip)> Complete(HostedPowerShell ps, string line)
    {
        var result = ps.Run($"(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object {{ $_.CompletionText + '|' + $_.ListItemText + '|' + $_.ToolTip }}",
            new Dictionary<string, object?> { ["Line"] = line });
        result.ThrowIfFailed();
        return result.Output.Select(o => o.ToString().Split('|')).Select(p => (p[0], p[1], p[2])).ToList();
    }

    [Fact]
    public void RestApiIdCompletesLiveIdsWithTheirNames()
    {
        var store = moto.Seed.CreatePetStore("completion-rest");
        using var ps = moto.NewSession();
        var matches = Complete(ps, $"Get-RestIntegration -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId[..3]}");
        var match = Assert.Single(matches, m => m.Text == store.RestApiId);
        Assert.Contains("completion-rest", match.ListItem);
        Assert.Contains("completion-rest", match.Tooltip);
    }

    [Fact]
    public void ResourcePathAndResourceIdCompleteTheApisResources()
    {
        var store = moto.Seed.CreatePetStore("completion-paths");
        using var ps = moto.NewSession();
        var paths = Complete(ps, $"Get-RestIntegration -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId} -ResourcePath /pets");
        Assert.Equal(["/pets", "'/pets/{id}'"], paths.Select(m => m.Text));
        var ids = Complete(ps, $"Get-RestIntegration -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId} -ResourceId ");
        Assert.Contains(ids, m => m.Text == store.PetId && m.ListItem.Contains("/pets/{id}"));
    }

    [Fact]
    public void ApiIdAndIntegrationIdCompleteLiveIds()
    {
        var api = moto.Seed.CreateApi("completion-v2");
        var integration = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://c.example.com", payloadFormatVersion = "1.0" });
        using var ps = moto.NewSession();
        var apis = Complete(ps, $"Get-ApiIntegration -EndpointUrl {moto.Endpoint} -ApiId ");
        Assert.Contains(apis, m => m.Text == api && m.Tooltip.Contains("completion-v2 (HTTP)"));
        var integrations = Complete(ps, $"Get-ApiIntegration -EndpointUrl {moto.Endpoint} -ApiId {api} -IntegrationId ");
        var match = Assert.Single(integrations);
        Assert.Equal(integration, match.Text);
        Assert.Contains("HTTP_PROXY", match.Tooltip);
    }

    [Fact]
    public void CompletionNeverThrowsWhenNothingCanBeLookedUp()
    {
        using var ps = moto.NewSession();
        Assert.Empty(Complete(ps, "Get-ApiIntegration -EndpointUrl http://127.0.0.1:1 -ApiId "));
        Assert.Empty(Complete(ps, "Get-RestIntegration -EndpointUrl 'ftp://bad' -RestApiId "));
        Assert.Empty(Complete(ps, "Get-RestIntegration -ResourcePath "));
    }
}
