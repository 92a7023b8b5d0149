using IntegrationTools.LocalAws;

namespace IntegrationTools.Tests.Infrastructure;

/// <summary>
/// One moto server for the whole suite, plus the built module's path. All hosted tests share one collection, so
/// they run one at a time: some of them change process environment variables, which every runspace sees.
/// </summary>
public sealed class MotoFixture : IDisposable
{
    public MotoFixture()
    {
        Repository = RepositoryRoot.Find();
        ModulePath = Path.Combine(Repository, "out", "IntegrationTools", "IntegrationTools.psd1");
        if (!File.Exists(ModulePath))
            throw new InvalidOperationException($"{ModulePath} is missing: build the module first (./build.sh; ./test.sh does both).");
        // Dummy credentials and region for the local server; tests that check resolution override them.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Moto = MotoServer.Start();
        Seed = new MotoSeed(Moto.Endpoint);
    }

    public string Repository { get; }

    public string ModulePath { get; }

    public MotoServer Moto { get; }

    public string Endpoint => Moto.Endpoint;

    public MotoSeed Seed { get; }

    /// <summary>A fresh runspace with the built module imported and $Endpoint set to moto's URL.</summary>
    public HostedPowerShell NewSession()
    {
        var ps = new HostedPowerShell();
        var result = ps.Run("Import-Module -Name $ModulePath -ErrorAction Stop -WarningVariable ImportWarnings; $ImportWarnings",
            new Dictionary<string, object?> { ["ModulePath"] = ModulePath, ["Endpoint"] = Endpoint });
        result.ThrowIfFailed();
        if (result.Output.Count > 0)
            throw new InvalidOperationException("Import-Module warned: " + string.Join("; ", result.Output));
        return ps;
    }

    public void Dispose()
    {
        Moto.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
