using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// Idempotent applies against moto: Set-RestIntegration says Created, then Unchanged (and sends nothing), then Updated;
/// Set-ApiIntegration sends only the members that differ; New-ApiIntegration says Created; -WhatIf of an unchanged item
/// says there is nothing to send; the changing cmdlets show progress with the request rate.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ApplyOutcomeTests(MotoFixture moto)
{
    private readonly RestIntegrationSeed _seed = new(moto.Endpoint);

    private static object? P(PSObject item, string name) => item.Properties[name].Value;

    private static string? Outcome(PSObject item) => P(item, "Outcome")?.ToString();

    private static string Define(Shop shop, string uri, int? timeout = null, string path = "/orders", string method = "POST") =>
        $"@{{ RestApiId = '{shop.RestApiId}'; ResourcePath = '{path}'; HttpMethod = '{method}'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'POST'; Uri = '{uri}'"
        + (timeout == null ? "" : $"; TimeoutInMillis = {timeout}") + " }";

    [Fact]
    public void SetRestIntegration_CreatedThenUnchangedWithoutARequest_ThenUpdated()
    {
        var shop = _seed.CreateShop("apply-rest");
        using var ps = moto.NewSession();

        var created = ps.Run($"{Define(shop, "https://orders.example.com/v1")} | Set-RestIntegration -EndpointUrl $Endpoint -Verbose");
        created.ThrowIfFailed();
        Assert.Equal("Created", Outcome(Assert.Single(created.Output)));
        Assert.Contains(created.Verbose, v => v.StartsWith("PUT "));

        // The same definition again (moto leaves out the defaults AWS returns): nothing is sent.
        var again = ps.Run($"{Define(shop, "https://orders.example.com/v1", timeout: 29000)} | Set-RestIntegration -EndpointUrl $Endpoint -Verbose");
        again.ThrowIfFailed();
        var unchanged = Assert.Single(again.Output);
        Assert.Equal("Unchanged", Outcome(unchanged));
        Assert.Equal("https://orders.example.com/v1", P(unchanged, "Uri"));
        Assert.DoesNotContain(again.Verbose, v => v.StartsWith("PUT "));
        Assert.Contains(again.Verbose, v => v.Contains("the integration already is as defined (Unchanged): nothing to send."));

        var changed = ps.Run($"{Define(shop, "https://orders.example.com/v2")} | Set-RestIntegration -EndpointUrl $Endpoint -Verbose");
        changed.ThrowIfFailed();
        Assert.Equal("Updated", Outcome(Assert.Single(changed.Output)));
        Assert.Contains(changed.Verbose, v => v.EndsWith("Updated (it differed in Uri)."));
        Assert.Equal("https://orders.example.com/v2", (string?)_seed.Integration(shop.RestApiId, shop.OrdersId, "POST")!["uri"]);

        // Get-RestIntegration's output carries no outcome, and pipes back in as an unchanged definition.
        var get = ps.Run($"Get-RestIntegration {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint");
        get.ThrowIfFailed();
        Assert.Null(P(Assert.Single(get.Output), "Outcome"));
        var roundTrip = ps.Run($"Get-RestIntegration {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint | Set-RestIntegration -EndpointUrl $Endpoint");
        roundTrip.ThrowIfFailed();
        Assert.Equal("Unchanged", Outcome(Assert.Single(roundTrip.Output)));
    }

    [Fact]
    public void SetRestIntegration_WhatIfOfAnUnchangedItem_SaysThereIsNothingToSend()
    {
        var shop = _seed.CreateShop("apply-rest-whatif");
        _seed.PutIntegration(shop.RestApiId, shop.OrdersId, "POST", new { type = "HTTP_PROXY", httpMethod = "POST", uri = "https://orders.example.com/v1" });
        using var ps = moto.NewSession();

        var result = ps.Run($"{Define(shop, "https://orders.example.com/v1")}, {Define(shop, "https://orders.example.com/v3", path: "/pets", method: "OPTIONS")} | Set-RestIntegration -EndpointUrl $Endpoint -WhatIf");

        result.ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Contains($"What if: restapi/{shop.RestApiId} /orders POST: the integration already is as defined (Unchanged): nothing to send.", ps.HostText);
        Assert.DoesNotContain($"PUT /restapis/{shop.RestApiId}/resources/{shop.OrdersId}/methods/POST/integration", ps.HostText);
        // The other item differs: its request is shown, and nothing is sent.
        Assert.Contains($"What if: Performing the operation \"PUT /restapis/{shop.RestApiId}/resources/{shop.PetsId}/methods/OPTIONS/integration", ps.HostText);
        Assert.Null(_seed.Integration(shop.RestApiId, shop.PetsId, "OPTIONS"));
    }

    [Fact]
    public void SetApiIntegration_SendsOnlyTheDifferingMembers_AndNothingWhenNoneDiffers()
    {
        var api = moto.Seed.CreateApi("apply-api");
        var id = moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://orders.example.com", payloadFormatVersion = "1.0", description = "orders" });
        using var ps = moto.NewSession();

        var same = ps.Run($"Set-ApiIntegration {api} {id} -Description orders -TimeoutInMillis 30000 -PassThru -EndpointUrl $Endpoint -Verbose");
        same.ThrowIfFailed();
        Assert.Equal("Unchanged", Outcome(Assert.Single(same.Output)));
        Assert.DoesNotContain(same.Verbose, v => v.StartsWith("PATCH "));

        var whatIf = ps.Run($"Set-ApiIntegration {api} {id} -Description orders -TimeoutInMillis 8000 -WhatIf -EndpointUrl $Endpoint");
        whatIf.ThrowIfFailed();
        Assert.Contains($"What if: Performing the operation \"PATCH /v2/apis/{api}/integrations/{id} {{\"timeoutInMillis\":8000}}\"", ps.HostText);

        var unchangedWhatIf = ps.Run($"Set-ApiIntegration {api} {id} -Description orders -WhatIf -EndpointUrl $Endpoint");
        unchangedWhatIf.ThrowIfFailed();
        Assert.Contains($"What if: api/{api} integration/{id}: the integration already is as asked (Unchanged): nothing to send.", ps.HostText);

        var changed = ps.Run($"Set-ApiIntegration {api} {id} -Description orders -TimeoutInMillis 8000 -PassThru -EndpointUrl $Endpoint -Verbose");
        changed.ThrowIfFailed();
        var updated = Assert.Single(changed.Output);
        Assert.Equal("Updated", Outcome(updated));
        Assert.Equal(8000, P(updated, "TimeoutInMillis"));
        Assert.Contains(changed.Verbose, v => v.EndsWith("Updated (TimeoutInMillis)."));
        Assert.Equal(8000, (int)moto.Seed.FindIntegration(api, id)!["timeoutInMillis"]!);
    }

    [Fact]
    public void NewApiIntegration_SaysCreated_GetSaysNothing_AndBothPipeAsDefinitions()
    {
        var api = moto.Seed.CreateApi("apply-new");
        using var ps = moto.NewSession();

        var result = ps.Run($"New-ApiIntegration -ApiId {api} -Url https://new.example.com -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal("Created", Outcome(Assert.Single(result.Output)));

        var copied = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint | New-ApiIntegration -EndpointUrl $Endpoint");
        copied.ThrowIfFailed();
        Assert.Equal("Created", Outcome(Assert.Single(copied.Output)));
        var listed = ps.Run($"Get-ApiIntegration {api} -EndpointUrl $Endpoint");
        Assert.Equal(2, listed.Output.Count);
        Assert.All(listed.Output, o => Assert.Null(P(o, "Outcome")));
    }

    [Fact]
    public void ChangingCmdlets_ShowProgressWithTheRequestRate_AndCompleteIt()
    {
        var api = moto.Seed.CreateApi("apply-progress");
        using var ps = moto.NewSession();

        var result = ps.Run($"1..3 | ForEach-Object {{ @{{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = \"https://p$_.example.com\"; PayloadFormatVersion = '1.0' }} }} | New-ApiIntegration -ApiId {api} -EndpointUrl $Endpoint");

        result.ThrowIfFailed();
        Assert.Equal(3, result.Output.Count);
        var records = result.Progress.Where(p => p.Activity == "New-ApiIntegration").ToList();
        Assert.Equal(4, records.Count);
        Assert.Single(records.Select(r => r.ActivityId).Distinct());
        Assert.All(records.Take(3), r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        Assert.All(records.Take(3), r => Assert.Equal(-1, r.PercentComplete));
        Assert.Equal($"api/{api} (input 2)", records[1].CurrentOperation);
        Assert.StartsWith("1 done, ", records[1].StatusDescription);
        Assert.Contains(" requests/s (", records[1].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, records[3].RecordType);
        Assert.StartsWith("3 done, ", records[3].StatusDescription);
    }

    [Fact]
    public void GetRestIntegration_WalkingResources_ShowsPercentages_RemoveShowsItemsDone()
    {
        var store = moto.Seed.CreatePetStore("apply-progress-rest");
        using var ps = moto.NewSession();

        var walk = ps.Run($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint");
        walk.ThrowIfFailed();
        var records = walk.Progress.Where(p => p.Activity == "Get-RestIntegration").ToList();
        Assert.Equal(new[] { 0, 25, 50, 75, 100 }, records.Select(r => r.PercentComplete));
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.Equal($"restapi/{store.RestApiId} /pets GET", records[0].CurrentOperation);

        var remove = ps.Run($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint | Remove-RestIntegration -Confirm:$false -EndpointUrl $Endpoint");
        remove.ThrowIfFailed();
        var removing = remove.Progress.Where(p => p.Activity == "Remove-RestIntegration").ToList();
        Assert.Equal(4, removing.Count); // three integrations, then Completed
        Assert.All(removing.Take(3), r => Assert.Equal(-1, r.PercentComplete));
        Assert.StartsWith("3 done, ", removing[3].StatusDescription);
    }
}
