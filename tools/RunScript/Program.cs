using IntegrationTools.LocalAws;

// Usage: RunScript [--moto | --endpoint <url>] [--module <path to IntegrationTools.psd1>] [--no-import] <script.ps1>
// With --moto a moto server is started on a free loopback port for the run, dummy credentials are set, and the
// script is called with -EndpointUrl pointing at it; --endpoint passes an endpoint that is already running.
// The module is imported before the script runs, unless --no-import (the script then gets -ModulePath).
var withMoto = args.Contains("--moto");
var import = !args.Contains("--no-import");
string? module = null;
string? script = null;
string? endpoint = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--moto" or "--no-import") continue;
    if (args[i] == "--module" && i + 1 < args.Length) { module = args[++i]; continue; }
    if (args[i] == "--endpoint" && i + 1 < args.Length) { endpoint = args[++i]; continue; }
    script = args[i];
}
if (script == null)
{
    Console.Error.WriteLine("Usage: RunScript [--moto | --endpoint <url>] [--module <IntegrationTools.psd1>] [--no-import] <script.ps1>");
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

    endpoint ??= moto?.Endpoint;
    using var ps = new HostedPowerShell(Console.Out);
    var invocation = (import ? "Import-Module -Name $ModulePath -ErrorAction Stop; & $ScriptPath" : "& $ScriptPath -ModulePath $ModulePath")
        + (endpoint != null ? " -EndpointUrl $EndpointUrl" : "") + " | Out-Default";
    var result = ps.Run(invocation, new Dictionary<string, object?>
    {
        ["ModulePath"] = module,
        ["ScriptPath"] = script,
        ["EndpointUrl"] = endpoint,
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
