using System.Diagnostics;
using System.Management.Automation;
using IntegrationTools.FaultProxy;
using IntegrationTools.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IntegrationTools.Tests;

/// <summary>
/// The fault-injection proof of issue 7: bulk applies through the throttle-and-fault proxy in front of moto, with 10 %
/// 5xx, 10 % 429 (on top of the 10/s, burst 40 quota) and 2 % connections dropped after the change was applied. Every
/// definition converges: no duplicates, nothing lost, and the output accounts for every input.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class FaultInjectionApplyTests(MotoFixture moto, ITestOutputHelper log)
{
    /// <summary>The faults of the proof; the seed makes a failing run replayable.</summary>
    private static FaultOptions Faults() => new()
    {
        RatePerSecond = 10,
        Burst = 40,
        TooManyRequestsRate = 0.10,
        InternalErrorRate = 0.05,
        ServiceUnavailableRate = 0.05,
        DropAfterForwardRate = 0.02,
    };

    private static string? Outcome(PSObject item) => item.Properties["Outcome"].Value?.ToString();

    [Fact]
    public async Task NewApiIntegration_300DefinitionsThroughFaults_ExactlyOneIntegrationEach()
    {
        const int count = 300;
        var api = moto.Seed.CreateApi("fault-proof-new");
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, Faults());
        using var ps = moto.NewSession();
        var clock = Stopwatch.StartNew();

        var result = ps.Run($$"""
            1..{{count}} | ForEach-Object {
                @{ IntegrationType = 'HTTP_PROXY'; IntegrationMethod = 'ANY'; IntegrationUri = "https://svc$_.example.com"; PayloadFormatVersion = '1.0' }
            } | New-ApiIntegration -ApiId {{api}} -EndpointUrl '{{proxy.Endpoint}}' -Verbose
            """);

        clock.Stop();
        log.WriteLine($"{count} creates in {clock.Elapsed.TotalSeconds:0.0} s; proxy: {string.Join(", ", proxy.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        var recovered = result.Verbose.Count(v => v.Contains("recovered it instead of creating it again"));
        var resent = result.Verbose.Count(v => v.Contains("created nothing: sending it again"));
        log.WriteLine($"{recovered} creates recovered after the answer was lost, {resent} sent again after an ambiguous failure that created nothing");

        // The output accounts for every input: one integration each, no errors.
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Equal(count, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("Created", Outcome(o)));
        Assert.Equal(count, result.Output.Select(o => (string)o.Properties["IntegrationId"].Value).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, count).Select(i => $"https://svc{i}.example.com").Order(StringComparer.Ordinal),
            result.Output.Select(o => (string)o.Properties["IntegrationUri"].Value).Order(StringComparer.Ordinal));

        // The API has exactly one integration per definition: 0 duplicates, 0 lost.
        var stored = moto.Seed.GetIntegrations(api).Select(i => i!["integrationUri"]!.GetValue<string>()).ToList();
        var duplicates = stored.GroupBy(u => u).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(count, stored.Count);

        // The faults really happened, including creates that were applied but whose answer was lost.
        var counts = proxy.Counts;
        Assert.True(counts.GetValueOrDefault("throttled") > 0, "no 429 was injected");
        Assert.True(counts.GetValueOrDefault("500") + counts.GetValueOrDefault("503") > 0, "no 5xx was injected");
        Assert.True(counts.GetValueOrDefault("dropped-after") > 0, "no connection was dropped after forwarding");
        Assert.True(recovered > 0, "no create was recovered after its answer was lost");
    }

    [Fact]
    public async Task SetRestIntegration_60DefinitionsThroughFaults_ConvergeAndReapplyAsUnchanged()
    {
        const int count = 60;
        var (restApiId, root) = moto.Seed.CreateRestApi("fault-proof-rest");
        var resources = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var resource = moto.Seed.CreateResource(restApiId, root, $"r{i}");
            moto.Seed.PutMethod(restApiId, resource, "GET");
            resources.Add(resource);
        }
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, Faults());
        using var ps = moto.NewSession();
        var variables = new Dictionary<string, object?> { ["Resources"] = resources.ToArray(), ["RestApiId"] = restApiId, ["Proxy"] = proxy.Endpoint };
        const string apply = """
            $i = 0
            $Resources | ForEach-Object {
                $i++
                @{ RestApiId = $RestApiId; ResourceId = $_; HttpMethod = 'GET'; Type = 'HTTP_PROXY'; IntegrationHttpMethod = 'GET'; Uri = "https://r$i.example.com/{proxy}" }
            } | Set-RestIntegration -EndpointUrl $Proxy
            """;

        var clock = Stopwatch.StartNew();
        var first = ps.Run(apply, variables);
        log.WriteLine($"first apply of {count}: {clock.Elapsed.TotalSeconds:0.0} s; proxy: {string.Join(", ", proxy.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        var firstFaults = proxy.Counts.Where(c => c.Key != "forwarded").Sum(c => c.Value);
        proxy.ResetCounts();
        clock.Restart();
        var second = ps.Run(apply, variables);
        log.WriteLine($"second apply of {count}: {clock.Elapsed.TotalSeconds:0.0} s; proxy: {string.Join(", ", proxy.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");

        first.ThrowIfFailed();
        Assert.Equal(count, first.Output.Count);
        Assert.All(first.Output, o => Assert.Equal("Created", Outcome(o)));
        second.ThrowIfFailed();
        Assert.Equal(count, second.Output.Count);
        Assert.All(second.Output, o => Assert.Equal("Unchanged", Outcome(o)));
        Assert.True(firstFaults > 0, "no fault was injected");
        // The second run read and compared; it sent no PutIntegration (the proxy log has every request).
        Assert.DoesNotContain(proxy.Log, line => line.StartsWith("PUT "));
        for (var i = 1; i <= count; i++)
            Assert.Equal($"https://r{i}.example.com/{{proxy}}", (string?)new RestIntegrationSeed(moto.Endpoint).Integration(restApiId, resources[i - 1], "GET")!["uri"]);
    }
}
