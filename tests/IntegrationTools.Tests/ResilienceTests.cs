using IntegrationTools.FaultProxy;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// The cmdlets through the throttle-and-fault proxy in front of moto: throttling at the management quota, 5xx
/// answers, dropped connections and slow answers are retried until every input has its answer.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ResilienceTests(MotoFixture moto)
{
    [Fact]
    public async Task ReadsConvergeThroughThrottlingAndFaults()
    {
        var apis = Enumerable.Range(0, 4).Select(i =>
        {
            var api = moto.Seed.CreateApi($"resilience-{i}");
            moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = $"https://r{i}.example.com", payloadFormatVersion = "1.0" });
            return api;
        }).ToList();
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions
        {
            RatePerSecond = 10,
            Burst = 10,
            TooManyRequestsRate = 0.10,
            InternalErrorRate = 0.05,
            ServiceUnavailableRate = 0.05,
            DropBeforeForwardRate = 0.02,
            DropAfterForwardRate = 0.02,
            SlowRate = 0.05,
            SlowDelay = TimeSpan.FromMilliseconds(200),
        });
        using var ps = moto.NewSession();
        // 60 reads (each a GetApi and a GetIntegrations call) in one pipeline.
        var ids = string.Join(",", Enumerable.Range(0, 60).Select(i => $"'{apis[i % apis.Count]}'"));
        var result = ps.Run($"@({ids}) | ForEach-Object {{ Get-ApiIntegration -ApiId $_ -EndpointUrl '{proxy.Endpoint}' -Verbose }}");

        Assert.Empty(result.Errors);
        Assert.Equal(60, result.Output.Count);
        Assert.All(result.Output, o => Assert.StartsWith("https://r", (string)o.Properties["IntegrationUri"].Value));
        // The faults really happened, and the client retried them.
        var counts = proxy.Counts;
        Assert.True(counts.GetValueOrDefault("throttled") + counts.GetValueOrDefault("500") + counts.GetValueOrDefault("503") > 0, "no faults were injected");
        Assert.Contains(result.Verbose, v => v.StartsWith("Retrying "));
    }

    [Fact]
    public async Task TheProxyLogRedactsSecrets()
    {
        const string secretKey = "pRoXy/SeCrEt+KeY/0123456789abcdefABCDEF";
        const string token = "PrOxY-ToKeN-0123456789";
        var api = moto.Seed.CreateApi("resilience-secrets");
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { InternalErrorRate = 0.3 });
        using var ps = moto.NewSession();
        var result = ps.Run($"1..5 | ForEach-Object {{ Get-ApiIntegration -ApiId {api} -EndpointUrl '{proxy.Endpoint}' -AccessKey AKIAPROXYTEST -SecretKey '{secretKey}' -SessionToken '{token}' }}");
        result.ThrowIfFailed();
        var log = string.Join("\n", proxy.Log);
        Assert.Contains("Authorization: ***", log);
        Assert.Contains("X-Amz-Security-Token: ***", log);
        Assert.DoesNotContain(secretKey, log);
        Assert.DoesNotContain(token, log);
        Assert.DoesNotContain("Signature=", log);
    }

    [Fact]
    public async Task WhenTheServiceKeepsFailingTheErrorSaysHowOftenItTried()
    {
        await using var proxy = await FaultProxyServer.StartAsync(moto.Endpoint, new FaultOptions { ServiceUnavailableRate = 1.0 });
        using var ps = moto.NewSession();
        var error = ps.Run($"Get-ApiIntegration -ApiId abc -EndpointUrl '{proxy.Endpoint}'").SingleError();
        Assert.Equal("GetApiIntegrationServiceError,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Gave up after 5 attempts: ServiceUnavailableException (HTTP 503) ×5.", error.Exception.Message);
        Assert.Equal(5, proxy.Counts["503"]);
    }
}
