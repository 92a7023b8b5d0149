using System.Text;

namespace IntegrationTools.Help;

/// <summary>
/// Compiles the module's help pages (docs/help) into what ships in the module's en-US folder, in place of PlatyPS's
/// New-ExternalHelp:
/// <list type="bullet">
/// <item>every &lt;Verb-Noun&gt;.md cmdlet page (PlatyPS schema 2.0.0) goes into the MAML file its front matter names
/// ("external help file: IntegrationTools.dll-Help.xml");</item>
/// <item>every about_&lt;Name&gt;.md page becomes about_&lt;Name&gt;.help.txt.</item>
/// </list>
/// The session parameters are documented once, in _SessionParameters.md, and put into every page whose PARAMETERS
/// section has a '### SessionParameters' entry (see <see cref="SharedParameters"/>). Other markdown files (a module
/// landing page, a README) are left alone. A page that breaks the schema stops the
/// compile with a <see cref="HelpFormatException"/> naming the file, the line and what is wrong.
/// </summary>
public static class HelpCompiler
{
    /// <summary>The MAML file of a binary module named IntegrationTools.</summary>
    public const string DefaultMamlFileName = "IntegrationTools.dll-Help.xml";

    /// <summary>Compiles <paramref name="docsDirectory"/> (e.g. docs/help) into <paramref name="outputDirectory"/> (e.g. out/IntegrationTools/en-US).</summary>
    /// <exception cref="DirectoryNotFoundException">The docs directory does not exist.</exception>
    /// <exception cref="HelpFormatException">A page does not follow the schema.</exception>
    public static HelpCompileResult Compile(string docsDirectory, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docsDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        docsDirectory = Path.GetFullPath(docsDirectory);
        outputDirectory = Path.GetFullPath(outputDirectory);
        if (!Directory.Exists(docsDirectory))
            throw new DirectoryNotFoundException($"The help pages directory {docsDirectory} does not exist.");

        var files = Directory.GetFiles(docsDirectory, "*.md").OrderBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase).ToList();
        var aboutFiles = files.Where(IsAboutPage).ToList();
        var commandFiles = files.Where(IsCommandPage).ToList();

        // Read and check everything before writing anything.
        var pages = commandFiles.Select(CommandPageParser.Parse).ToList();
        foreach (var duplicate in pages.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            throw new HelpFormatException(duplicate.Last().File, duplicate.Last().Line, $"{duplicate.Key} is documented twice (also in {duplicate.First().File})");
        var abouts = aboutFiles.Select(f => (File: f, Rendered: AboutTopicWriter.Render(f))).ToList();

        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var group in pages.GroupBy(p => p.ExternalHelpFile, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var path = Path.Combine(outputDirectory, group.First().ExternalHelpFile);
            MamlWriter.Save(MamlWriter.Build(group.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)), path);
            written.Add(path);
        }
        var aboutTopics = new List<AboutTopicHelp>();
        foreach (var (file, rendered) in abouts)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var path = Path.Combine(outputDirectory, name + ".help.txt");
            File.WriteAllText(path, rendered.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            written.Add(path);
            aboutTopics.Add(new AboutTopicHelp(name, rendered.ShortDescription, file, path));
        }

        var commands = pages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(ToCommandHelp).ToList();
        return new HelpCompileResult(commands, aboutTopics, written);
    }

    /// <summary>Reads and checks one cmdlet page without writing anything.</summary>
    /// <exception cref="HelpFormatException">The page does not follow the schema.</exception>
    public static CommandHelp ReadCommandPage(string path) => ToCommandHelp(CommandPageParser.Parse(Path.GetFullPath(path)));

    private static bool IsAboutPage(string file) =>
        Path.GetFileName(file).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

    /// <summary>&lt;Verb-Noun&gt;.md: one dash, letters and digits on each side.</summary>
    private static bool IsCommandPage(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var parts = name.Split('-');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsLetterOrDigit)) && char.IsLetter(parts[0][0]);
    }

    private static CommandHelp ToCommandHelp(CommandPage page)
    {
        var sets = page.Syntax.Select(s => s.Name).ToList();
        var parameters = page.Parameters.Select(p =>
        {
            var usages = new List<ParameterSetUsage>();
            foreach (var set in sets)
            {
                var variant = p.VariantFor(set);
                if (variant != null) usages.Add(new ParameterSetUsage(set, variant.Required, variant.Position));
            }
            return new ParameterHelp
            {
                Name = p.Name,
                Description = string.Join(Environment.NewLine, p.Description),
                Type = p.First.Type,
                Aliases = p.Variants.SelectMany(v => v.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                AcceptedValues = p.First.AcceptedValues.ToList(),
                DefaultValue = p.First.DefaultValue ?? "None",
                PipelineInput = p.First.PipelineInput,
                AcceptsWildcards = p.First.Globbing,
                ParameterSets = usages.Select(u => u.ParameterSet).ToList(),
                InAllParameterSets = p.Variants.Any(v => v.AllSets),
                Usages = usages,
                Required = p.First.Required,
                Position = p.First.Position,
            };
        }).ToList();

        return new CommandHelp
        {
            Name = page.Name,
            Synopsis = string.Join(" ", page.Synopsis.Where(s => s.Length > 0)),
            Parameters = parameters.Select(p => p.Name).ToList(),
            ParameterDetails = parameters,
            ParameterSets = sets,
            DefaultParameterSet = page.Syntax.FirstOrDefault(s => s.IsDefault)?.Name ?? (sets.Count == 1 ? sets[0] : null),
            SyntaxText = page.Syntax.ToDictionary(s => s.Name, s => s.Code, StringComparer.OrdinalIgnoreCase),
            ExampleCount = page.Examples.Count,
            ExampleTitles = page.Examples.Select(e => e.Title).ToList(),
            SupportsCommonParameters = page.SupportsCommonParameters,
            Inputs = page.Inputs.Select(t => t.TypeName).ToList(),
            Outputs = page.Outputs.Select(t => t.TypeName).ToList(),
            RelatedLinks = MamlWriter.Links(page),
            ExternalHelpFile = page.ExternalHelpFile,
            ModuleName = page.FrontMatter.TryGetValue("Module Name", out var module) ? module : "",
            OnlineVersion = page.OnlineVersion,
            SourceFile = page.File,
        };
    }
}
