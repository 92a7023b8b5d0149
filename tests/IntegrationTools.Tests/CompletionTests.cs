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
    public void ANamePrefixCompletesToTheIdAndAnAmbiguousNameOffersEveryMatchingId()
    {
        var unique = moto.Seed.CreatePetStore("zebra-unique-name");
        var twinA = moto.Seed.CreateApi("yak-twin");
        var twinB = moto.Seed.CreateApi("yak-twin");
        using var ps = moto.NewSession();
        // -Region keeps these answers apart from the other tests' cached ones.
        var rest = Complete(ps, $"Set-RestIntegration -EndpointUrl {moto.Endpoint} -Region us-east-1 -RestApiId zebra-uni");
        var match = Assert.Single(rest);
        Assert.Equal(unique.RestApiId, match.Text);
        Assert.Equal($"{unique.RestApiId} (zebra-unique-name)", match.ListItem);
        var twins = Complete(ps, $"Get-ApiIntegration -EndpointUrl {moto.Endpoint} -Region us-east-1 -ApiId yak-tw");
        Assert.Equal(new[] { twinA, twinB }.Order(), twins.Select(m => m.Text).Order());
        Assert.All(twins, m => Assert.Contains("yak-twin (HTTP)", m.Tooltip));
    }

    [Fact]
    public void ConnectionIdCompletesRestVpcLinksForRestAndWebSocketApisAndV2LinksForHttpApis()
    {
        var v1 = moto.Seed.CreateRestVpcLink("nlb-link-v1");
        var v2 = moto.Seed.CreateVpcLink("alb-link-v2");
        var http = moto.Seed.CreateApi("completion-links-http");
        var ws = moto.Seed.CreateApi("completion-links-ws", "WEBSOCKET");
        using var ps = moto.NewSession();

        var rest = Complete(ps, $"Set-RestIntegration -EndpointUrl {moto.Endpoint} -RestApiId abc -ResourcePath /x -HttpMethod GET -HttpProxy -ConnectionId ");
        Assert.Contains(rest, m => m.Text == v1 && m.Tooltip.Contains("nlb-link-v1") && m.Tooltip.Contains("REST and WebSocket"));
        Assert.DoesNotContain(rest, m => m.Text == v2);
        Assert.Contains(Complete(ps, $"Update-RestIntegration -EndpointUrl {moto.Endpoint} -ConnectionId "), m => m.Text == v1);

        var forHttp = Complete(ps, $"New-ApiIntegration -EndpointUrl {moto.Endpoint} -ApiId {http} -ConnectionId ");
        Assert.Contains(forHttp, m => m.Text == v2 && m.Tooltip.Contains("alb-link-v2") && m.Tooltip.Contains("HTTP APIs"));
        Assert.DoesNotContain(forHttp, m => m.Text == v1);
        var forWebSocket = Complete(ps, $"Set-ApiIntegration -EndpointUrl {moto.Endpoint} -ApiId {ws} -ConnectionId ");
        Assert.Contains(forWebSocket, m => m.Text == v1);
        Assert.DoesNotContain(forWebSocket, m => m.Text == v2);
        // Without -ApiId both kinds are offered, each saying which it is.
        var both = Complete(ps, $"Set-ApiIntegration -EndpointUrl {moto.Endpoint} -ConnectionId ");
        Assert.Contains(both, m => m.Text == v1);
        Assert.Contains(both, m => m.Text == v2);
    }

    [Fact]
    public void IntegrationResponseIdCompletesTheIntegrationsResponses()
    {
        var api = moto.Seed.CreateApi("completion-responses", "WEBSOCKET");
        var integration = moto.Seed.CreateIntegration(api, new { integrationType = "MOCK" });
        var response = moto.Seed.CreateIntegrationResponse(api, integration, new { integrationResponseKey = "$default" });
        using var ps = moto.NewSession();
        foreach (var command in new[] { "Get-ApiIntegrationResponse", "Remove-ApiIntegrationResponse" })
        {
            var match = Assert.Single(Complete(ps, $"{command} -EndpointUrl {moto.Endpoint} -ApiId {api} -IntegrationId {integration} -IntegrationResponseId "));
            Assert.Equal(response, match.Text);
            Assert.Contains("$default", match.ListItem);
        }
        Assert.Empty(Complete(ps, $"Get-ApiIntegrationResponse -EndpointUrl {moto.Endpoint} -ApiId {api} -IntegrationResponseId "));
    }

    [Fact]
    public void StatusCodeCompletesTheMethodsIntegrationResponses()
    {
        var store = moto.Seed.CreatePetStore("completion-status");
        moto.Seed.PutRestIntegrationResponse(store.RestApiId, store.PetsId, "GET", "200");
        moto.Seed.PutRestIntegrationResponse(store.RestApiId, store.PetsId, "GET", "404", "Not found.*");
        using var ps = moto.NewSession();
        foreach (var command in new[] { "Get-RestIntegrationResponse", "Remove-RestIntegrationResponse", "Set-RestIntegrationResponse" })
        {
            var codes = Complete(ps, $"{command} -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId} -ResourcePath /pets -HttpMethod GET -StatusCode ");
            Assert.Equal(["200", "404"], codes.Select(m => m.Text).Order());
            Assert.Contains(codes, m => m.Text == "404" && m.Tooltip.Contains("Not found.*"));
        }
        var byId = Complete(ps, $"Get-RestIntegrationResponse -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId} -ResourceId {store.PetsId} -HttpMethod GET -StatusCode 4");
        Assert.Equal("404", Assert.Single(byId).Text);
        // Without the method there is nothing to look up.
        Assert.Empty(Complete(ps, $"Get-RestIntegrationResponse -EndpointUrl {moto.Endpoint} -RestApiId {store.RestApiId} -ResourcePath /pets -StatusCode "));
    }

    [Theory]
    [InlineData("New-ApiIntegrationResponse -IntegrationResponseKey '/4", @"'/4\d\d/'")]
    [InlineData("New-ApiIntegrationResponse -IntegrationResponseKey '$de", "'$default'")]
    [InlineData("Set-RestIntegration -ContentHandling CONVERT_TO_", "CONVERT_TO_BINARY,CONVERT_TO_TEXT")]
    [InlineData("Set-RestIntegration -PassthroughBehavior WHEN_", "WHEN_NO_MATCH,WHEN_NO_TEMPLATES")]
    [InlineData("Set-ApiIntegration -ContentHandlingStrategy CONVERT_TO_T", "CONVERT_TO_TEXT")]
    [InlineData("New-ApiIntegration -IntegrationSubtype SQS-Send", "SQS-SendMessage")]
    [InlineData("Set-RestIntegration -HttpMethod PO", "POST")]
    [InlineData("Set-ApiIntegration -PayloadFormatVersion 2", "2.0")]
    [InlineData("ConvertFrom-IntegrationDefinition -Format Y", "Yaml")]
    public void KnownValuesCompleteWithoutAnyLookup(string line, string expected)
    {
        using var ps = moto.NewSession();
        Assert.Equal(expected.Split(','), Complete(ps, line).Select(m => m.Text).Order());
    }

    [Fact]
    public void CompletionNeverThrowsWhenNothingCanBeLookedUp()
    {
        using var ps = moto.NewSession();
        Assert.Empty(Complete(ps, "Get-ApiIntegration -EndpointUrl http://127.0.0.1:1 -ApiId "));
        Assert.Empty(Complete(ps, "Get-RestIntegration -EndpointUrl 'ftp://bad' -RestApiId "));
        Assert.Empty(Complete(ps, "Get-RestIntegration -ResourcePath "));
        Assert.Empty(Complete(ps, "Set-ApiIntegration -EndpointUrl http://127.0.0.1:1 -ApiId abc -ConnectionId "));
        Assert.Empty(Complete(ps, "Set-RestIntegration -EndpointUrl http://127.0.0.1:1 -ConnectionId "));
    }
}
