using System.Reflection;
using System.Text.RegularExpressions;

// Usage: ModuleBuilder --repo <root> --bin <published binaries> --out <module folder>
try
{
    var options = ParseArgs(args);
    var repo = Path.GetFullPath(options.GetValueOrDefault("--repo", "."));
    var bin = Path.GetFullPath(options.GetValueOrDefault("--bin", Path.Combine(repo, "artifacts", "publish")));
    var output = Path.GetFullPath(options.GetValueOrDefault("--out", Path.Combine(repo, "out", "IntegrationTools")));
    new ModuleLayout(repo, bin, output).Build();
    Console.WriteLine($"Module laid out in {output}");
    return 0;
}
catch (Exception ex) when (ex is LayoutException or IntegrationTools.Help.HelpFormatException or ArgumentException)
{
    Console.Error.WriteLine("ModuleBuilder: " + ex.Message);
    return 1;
}

static Dictionary<string, string> ParseArgs(string[] args)
{
    string[] known = ["--repo", "--bin", "--out"];
    var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i < args.Length; i++)
    {
        if (!known.Contains(args[i], StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: ModuleBuilder --repo <root> --bin <published binaries> --out <module folder>");
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
        result[args[i]] = args[++i];
    }
    return result;
}

sealed class LayoutException(string message) : Exception(message);

sealed class ModuleLayout(string repo, string bin, string output)
{
    // Explicit allow-lists: the build fails when one is missing, and nothing else is shipped.
    private static readonly string[] RootFiles = ["IntegrationTools.dll", "IntegrationTools.pdb"];

    private static readonly string[] Dependencies =
    [
        "IntegrationTools.Engine.dll", "IntegrationTools.Engine.pdb",
        "AWSSDK.Core.dll", "Polly.Core.dll",
        "Microsoft.Bcl.TimeProvider.dll", "System.ComponentModel.Annotations.dll",
        "Microsoft.Bcl.AsyncInterfaces.dll", "System.Buffers.dll", "System.Memory.dll", "System.Numerics.Vectors.dll",
        "System.Runtime.CompilerServices.Unsafe.dll", "System.Text.Encodings.Web.dll", "System.Text.Json.dll",
        "System.Threading.Tasks.Extensions.dll", "YamlDotNet.dll",
    ];

    private static readonly string[] Forbidden = ["System.Management.Automation.dll"];

    public void Build()
    {
        if (!File.Exists(Path.Combine(bin, "IntegrationTools.dll")))
            throw new LayoutException($"{bin} has no IntegrationTools.dll: run 'dotnet publish src/Cmdlets -c Release -o {bin}' first.");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);

        foreach (var file in RootFiles) Copy(Path.Combine(bin, file), Path.Combine(output, file));
        var dependencies = Directory.CreateDirectory(Path.Combine(output, "dependencies")).FullName;
        foreach (var file in Dependencies) Copy(Path.Combine(bin, file), Path.Combine(dependencies, file));
        foreach (var unexpected in Directory.GetFiles(bin, "*.dll").Select(Path.GetFileName)
                     .Where(f => !RootFiles.Contains(f) && !Dependencies.Contains(f)))
            throw new LayoutException($"{unexpected} is in the published output but on no allow-list in tools/ModuleBuilder: decide whether the module ships it.");

        var version = AssemblyName.GetAssemblyName(Path.Combine(output, "IntegrationTools.dll")).Version
            ?? throw new LayoutException("IntegrationTools.dll has no version.");
        var manifest = File.ReadAllText(Path.Combine(repo, "module", "IntegrationTools.psd1"))
            .Replace("{{ModuleVersion}}", version.ToString(3));
        File.WriteAllText(Path.Combine(output, "IntegrationTools.psd1"), manifest);

        var formats = Directory.CreateDirectory(Path.Combine(output, "formats")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(repo, "module", "formats"), "*.ps1xml"))
            Copy(file, Path.Combine(formats, Path.GetFileName(file)));
        foreach (Match listed in Regex.Matches(manifest, @"'(formats/[^']+\.ps1xml)'"))
        {
            if (!File.Exists(Path.Combine(output, listed.Groups[1].Value)))
                throw new LayoutException($"IntegrationTools.psd1 lists {listed.Groups[1].Value}, which module/formats does not have.");
        }

        // Type data (friendly alias properties) sits next to the manifest, listed in TypesToProcess.
        foreach (Match listed in Regex.Matches(Regex.Match(manifest, @"TypesToProcess\s*=\s*@\(([^)]*)\)").Groups[1].Value, @"'([^']+\.ps1xml)'"))
            Copy(Path.Combine(repo, "module", listed.Groups[1].Value), Path.Combine(output, listed.Groups[1].Value));
        if (!File.Exists(Path.Combine(output, "IntegrationTools.Types.ps1xml")))
            throw new LayoutException("IntegrationTools.psd1 must list IntegrationTools.Types.ps1xml in TypesToProcess.");

        CompileHelp(Path.Combine(repo, "docs", "help"), Directory.CreateDirectory(Path.Combine(output, "en-US")).FullName);

        foreach (var forbidden in Forbidden)
        {
            if (Directory.GetFiles(output, forbidden, SearchOption.AllDirectories).Length > 0)
                throw new LayoutException($"{forbidden} must never ship in the module: PowerShell provides it.");
        }
    }

    private static void CompileHelp(string docs, string enUs)
    {
        var result = IntegrationTools.Help.HelpCompiler.Compile(docs, enUs);
        // about_IntegrationTools_Rules comes from the rule catalog itself, so the topic and the rules never drift.
        File.WriteAllText(Path.Combine(enUs, "about_IntegrationTools_Rules.help.txt"), IntegrationTools.RuleDocs.RuleCatalogDocument.ToHelpText(),
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Console.WriteLine($"Help: {result.Commands.Count} cmdlet pages and {result.AboutTopics.Count + 1} about topics compiled into {enUs}");
    }

    private static void Copy(string from, string to)
    {
        if (!File.Exists(from)) throw new LayoutException($"Expected file {from} is missing.");
        File.Copy(from, to, overwrite: true);
    }
}
