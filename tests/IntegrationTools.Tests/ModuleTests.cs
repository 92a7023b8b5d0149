using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>The built module folder as Import-Module sees it.</summary>
[Collection(MotoCollection.Name)]
public sealed class ModuleTests(MotoFixture moto)
{
    private string ModuleFolder => Path.GetDirectoryName(moto.ModulePath)!;

    [Fact]
    public void TheFolderHoldsManifestDllDependenciesFormatsAndHelpButNotPowerShellItself()
    {
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "IntegrationTools.dll")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "dependencies", "IntegrationTools.Engine.dll")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "dependencies", "AWSSDK.Core.dll")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(ModuleFolder, "formats"), "*.Format.ps1xml"));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "en-US", "IntegrationTools.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "dependencies", "YamlDotNet.dll")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "IntegrationTools.Types.ps1xml")));
        // Only the cmdlet assembly sits at the root; everything it depends on is in dependencies/.
        Assert.Equal(["IntegrationTools.dll"], Directory.GetFiles(ModuleFolder, "*.dll").Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheManifestDeclaresBothEditionsAnExplicitCmdletListAndItsFormats()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("Test-ModuleManifest -Path $ModulePath", new Dictionary<string, object?> { ["ModulePath"] = moto.ModulePath });
        result.ThrowIfFailed();
        var manifest = Assert.Single(result.Output);
        Assert.Equal(new Version(5, 1), manifest.Properties["PowerShellVersion"].Value);
        var editions = ((System.Collections.IEnumerable)manifest.Properties["CompatiblePSEditions"].Value).Cast<object>().Select(e => e.ToString());
        Assert.Equal(["Desktop", "Core"], editions);
        var text = File.ReadAllText(moto.ModulePath);
        Assert.All(text.Split('\n').Where(l => l.Contains("ToExport")), line => Assert.DoesNotContain("*", line));
        Assert.Contains("FormatsToProcess", text);
        Assert.Contains("'IntegrationTools.Types.ps1xml'", text);
        Assert.Contains("ReleaseNotes", text);
        Assert.DoesNotContain("{{", text);
    }

    [Fact]
    public void EveryCmdletClassIsExportedAndEveryExportExists()
    {
        using var ps = moto.NewSession();
        // The bare hosted engine has no Sort-Object: the lists are compared as sets here.
        var result = ps.Run("""
            $exported = (Get-Module IntegrationTools).ExportedCmdlets.Keys
            $assembly = (Get-Command Get-RestIntegration).ImplementingType.Assembly
            $classes = $assembly.GetTypes() | ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | ForEach-Object { $_ }
                if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
            }
            [pscustomobject]@{ Exported = @($exported) -join ','; Classes = @($classes) -join ',' }
            """);
        result.ThrowIfFailed();
        var row = Assert.Single(result.Output);
        var exported = ((string)row.Properties["Exported"].Value).Split(',').Order();
        var classes = ((string)row.Properties["Classes"].Value).Split(',').Order();
        Assert.Equal(classes, exported);
    }

    [Fact]
    public void ImportingWarnsAboutNothingAndVerbsAreApproved()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            Import-Module -Name $ModulePath -Force -WarningVariable w -WarningAction SilentlyContinue
            $w.Count
            (Get-Command -Module IntegrationTools | ForEach-Object Verb) -join ','
            """, new Dictionary<string, object?> { ["ModulePath"] = moto.ModulePath });
        result.ThrowIfFailed();
        Assert.Equal(0, (int)result.Output[0].BaseObject);
        var approved = typeof(System.Management.Automation.VerbsCommon).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("Verbs"))
            .SelectMany(t => t.GetFields().Select(f => (string)f.GetValue(null)!))
            .ToHashSet();
        Assert.All(((string)result.Output[1].BaseObject).Split(','), verb => Assert.Contains(verb, approved));
    }

    [Fact]
    public void EveryCmdletDeclaresItsOutputType()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("Get-Command -Module IntegrationTools | ForEach-Object { \"$($_.Name)=$($_.OutputType.Name -join ',')\" }");
        result.ThrowIfFailed();
        // ConvertFrom-IntegrationDefinition returns plain hashtables, the input the changing cmdlets take.
        Assert.All(result.Output.Select(o => o.ToString()), line => Assert.Matches(
            line.StartsWith("ConvertFrom-IntegrationDefinition=") ? @"=System\.Collections\.Hashtable$" : @"=IntegrationTools\.(Models|Rules)\.\w+", line));
    }

    [Fact]
    public void TheEngineAndTheAwsSdkLoadInTheModulesOwnLoadContext()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            $null = Get-ApiIntegration -ApiId nosuchapi -EndpointUrl $Endpoint -ErrorAction SilentlyContinue
            $null = 'ApiId: a' | ConvertFrom-IntegrationDefinition -Format Yaml
            $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'IntegrationTools'
            ($context.Assemblies | ForEach-Object { $_.GetName().Name }) -join ','
            ([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -like 'AWSSDK*' }).Count
            """, new Dictionary<string, object?> { ["Endpoint"] = moto.Endpoint });
        result.ThrowIfFailed();
        var isolated = ((string)result.Output[0].BaseObject).Split(',');
        Assert.Contains("IntegrationTools.Engine", isolated);
        Assert.Contains("AWSSDK.Core", isolated);
        Assert.Contains("YamlDotNet", isolated);
        Assert.Equal(0, (int)result.Output[1].BaseObject);
    }
}
