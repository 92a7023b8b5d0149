using IntegrationTools.LocalAws;

// Usage: RunScript [--moto] [--module <path to IntegrationTools.psd1>] <script.ps1>
// With --moto a moto server is started on a free loopback port for the run, dummy credentials are set, and the
// script is called with -EndpointUrl pointing at it.
var withMoto = args.Contains("--moto");
string? module = null;
string? script = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--moto") continue;
    if (args[i] == "--module" && i + 1 < args.Length) { module = args[++i]; continue; }
    script = args[i];
}
if (script == null)
{
    Console.Error.WriteLine("Usage: RunScript [--moto] [--module <IntegrationTools.psd1>] <script.ps1>");
    return 2;
}
script = Path.GetFullPath(script);
module ??= Path.Combine(RepositoryRoot.Find(), "out", "IntegrationTools", "IntegrationTools.psd1");
if (!File.Exists(module))
{
    Console.Error.WriteLine($"The module is not built: {module} is missing. Run ./build.sh first.");
    return 2;
}

MotoServer? moto = null;
try
{
    if (withMoto)
    {
        moto = MotoServer.Start();
        Console.WriteLine($"moto is serving API Gateway on {moto.Endpoint} (python: {moto.Python})");
        // Dummy credentials for the local server; nothing here reaches AWS.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var cli = Tools.FindAwsCli();
        if (cli != null) Environment.SetEnvironmentVariable("PATH", Path.GetDirectoryName(cli) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
    }

    using var ps = new HostedPowerShell(Console.Out);
    var invocation = "Import-Module -Name $ModulePath -ErrorAction Stop; & $ScriptPath" + (moto != null ? " -EndpointUrl $EndpointUrl" : "") + " | Out-Default";
    var result = ps.Run(invocation, new Dictionary<string, object?>
    {
        ["ModulePath"] = module,
        ["ScriptPath"] = script,
        ["EndpointUrl"] = moto?.Endpoint,
    });
    foreach (var error in result.Errors)
        Console.Error.WriteLine($"ERROR [{error.FullyQualifiedErrorId}] {error}");
    if (result.Terminating != null)
        Console.Error.WriteLine($"FAILED [{result.Terminating.ErrorRecord.FullyQualifiedErrorId}] {result.Terminating.Message}");
    return result.Terminating == null && result.Errors.Count == 0 ? 0 : 1;
}
finally
{
    moto?.Dispose();
}
