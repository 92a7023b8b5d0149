using System.Diagnostics;
using IntegrationTools.LocalAws;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// The module shares a session with AWS Tools for PowerShell, which ships its own AWSSDK.Core. Each case runs in a
/// fresh process (a loaded assembly cannot be unloaded): an older AWSSDK.Core (v3.7) is loaded before or after the
/// module is imported, its credentials object is passed to -Credential, and the cmdlets still work.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class IsolationTests(MotoFixture moto)
{
    private static string ForeignSdk => Path.Combine(AppContext.BaseDirectory, "foreign-awssdk", "AWSSDK.Core.dll");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnotherAwsSdkVersionInTheSessionDoesNotMatter(bool foreignFirst)
    {
        Assert.True(File.Exists(ForeignSdk), ForeignSdk + " is missing");
        var api = moto.Seed.CreateApi("isolation-" + foreignFirst);
        moto.Seed.CreateIntegration(api, new { integrationType = "HTTP_PROXY", integrationMethod = "ANY", integrationUri = "https://isolated.example.com", payloadFormatVersion = "1.0" });
        var load = "$null = [System.Reflection.Assembly]::LoadFrom($env:IT_FOREIGN_SDK)";
        var import = "Import-Module -Name $ModulePath -ErrorAction Stop";
        var script = Path.Combine(Path.GetTempPath(), $"isolation-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, $$"""
            param($ModulePath, $EndpointUrl)
            $ErrorActionPreference = 'Stop'
            {{(foreignFirst ? load : import)}}
            {{(foreignFirst ? import : load)}}
            $foreign = [Amazon.Runtime.BasicAWSCredentials]::new('AKIAFOREIGNSDK', 'foreign-secret')
            "foreign-sdk=" + $foreign.GetType().Assembly.GetName().Version
            $DebugPreference = 'Continue'
            Get-ApiIntegration -ApiId {{api}} -EndpointUrl $EndpointUrl -Region us-east-1 -Credential $foreign 5>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.DebugRecord]) { "debug=" + $_.Message } else { "integration=" + $_.IntegrationUri }
            }
            $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'IntegrationTools'
            "module-sdk=" + ($context.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object { $_.GetName().Version })
            """);
        try
        {
            var (exit, stdout, stderr) = RunScriptProcess(script);
            Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
            Assert.Contains("foreign-sdk=3.3.0.0", stdout);
            Assert.Contains("module-sdk=4.0.0.0", stdout);
            Assert.Contains("integration=https://isolated.example.com", stdout);
            Assert.Contains("the -Credential parameter", stdout);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private (int Exit, string Stdout, string Stderr) RunScriptProcess(string script)
    {
        var runner = FindRunScript();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { runner, "--no-import", "--module", moto.ModulePath, "--endpoint", moto.Endpoint, script })
            info.ArgumentList.Add(arg);
        info.Environment["IT_FOREIGN_SDK"] = ForeignSdk;
        info.Environment.Remove("AWS_ACCESS_KEY_ID");
        info.Environment.Remove("AWS_SECRET_ACCESS_KEY");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("RunScript did not finish within 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRunScript()
    {
        var root = RepositoryRoot.Find();
        var candidates = Directory.GetFiles(Path.Combine(root, "tools", "RunScript", "bin"), "RunScript.dll", SearchOption.AllDirectories);
        return candidates.OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("tools/RunScript is not built (it is built with the test project).");
    }
}
