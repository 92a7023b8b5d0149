using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IntegrationTools.Help;

/// <summary>
/// Reads a cmdlet page in the classic PlatyPS schema 2.0.0 from Markdig's syntax tree and checks it: the sections
/// that must be there, one yaml block per parameter, parameters in alphabetical order, parameter sets that the SYNTAX
/// section names, and syntax lines that agree with the parameters' metadata. A '### SessionParameters' entry in
/// PARAMETERS brings in the parameters of _SessionParameters.md (see <see cref="SharedParameters"/>).
/// </summary>
internal sealed class CommandPageParser
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public const string AllParameterSets = "__AllParameterSets";
    private const string AllMoniker = "(All)";
    private const string DefaultModifier = " (Default)";

    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS"];
    private static readonly string[] KnownSections = [.. RequiredSections, "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private static readonly string[] YamlKeys =
    [
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters", "Applicable",
    ];

    private readonly string _file;

    private CommandPageParser(string file)
    {
        _file = file;
    }

    public static CommandPage Parse(string file) => new CommandPageParser(file).Parse();

    private HelpFormatException Error(int line, string problem) => new(_file, line, problem);

    private static int LineOf(Block block) => block.Line + 1;

    private CommandPage Parse()
    {
        var markdown = File.ReadAllText(_file);
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = document.Where(b => b is not HtmlBlock and not LinkReferenceDefinitionGroup and not ThematicBreakBlock).ToList();

        if (blocks.Count == 0 || blocks[0] is not YamlFrontMatterBlock frontMatterBlock)
            throw Error(1, "the page does not start with the PlatyPS front matter (---, external help file, Module Name, online version, schema: 2.0.0, ---)");
        var frontMatter = ParseFrontMatter(frontMatterBlock);
        blocks.RemoveAt(0);

        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
            throw Error(blocks.Count == 0 ? LineOf(frontMatterBlock) : LineOf(blocks[0]), "expected the command name as a level-1 heading (# Verb-Noun) after the front matter");
        var name = HelpText.Inline(title.Inline).Trim();
        var dash = name.IndexOf('-');
        if (dash <= 0 || dash == name.Length - 1 || name.Contains(' '))
            throw Error(LineOf(title), $"'{name}' is not a Verb-Noun command name");
        var expectedFile = name + ".md";
        if (!string.Equals(Path.GetFileName(_file), expectedFile, StringComparison.OrdinalIgnoreCase))
            throw Error(LineOf(title), $"the page documents {name} but is named {Path.GetFileName(_file)}; name it {expectedFile}");

        var page = new CommandPage { File = _file, Name = name, Line = LineOf(title), FrontMatter = frontMatter };

        // Split the rest into ## sections.
        var sections = new List<(HeadingBlock Heading, string Name, List<Block> Body)>();
        for (var i = 1; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block is HeadingBlock { Level: 1 } another)
                throw Error(LineOf(another), $"a second level-1 heading '{HelpText.Inline(another.Inline).Trim()}': one command per page");
            if (block is HeadingBlock { Level: 2 } heading)
            {
                var sectionName = HelpText.Inline(heading.Inline).Trim().ToUpperInvariant();
                if (!KnownSections.Contains(sectionName))
                    throw Error(LineOf(heading), $"unexpected section '## {HelpText.Inline(heading.Inline).Trim()}'; the sections are {string.Join(", ", KnownSections.Select(s => "## " + s))}");
                var previous = sections.FirstOrDefault(s => s.Name == sectionName);
                if (previous.Heading != null)
                    throw Error(LineOf(heading), $"a second ## {sectionName} section (the first is on line {LineOf(previous.Heading)})");
                sections.Add((heading, sectionName, []));
                continue;
            }
            if (sections.Count == 0)
                throw Error(LineOf(block), $"text between '# {name}' and the first ## section; it belongs in ## SYNOPSIS or ## DESCRIPTION");
            sections[^1].Body.Add(block);
        }

        foreach (var required in RequiredSections)
        {
            if (!sections.Any(s => s.Name == required))
                throw Error(page.Line, $"the ## {required} section is missing");
        }

        foreach (var (heading, sectionName, body) in sections)
        {
            switch (sectionName)
            {
                case "SYNOPSIS":
                    page.Synopsis = Prose(heading, body, sectionName, mustHaveText: true);
                    break;
                case "DESCRIPTION":
                    page.Description = Prose(heading, body, sectionName, mustHaveText: true);
                    break;
                case "NOTES":
                    page.Notes = Prose(heading, body, sectionName, mustHaveText: false);
                    break;
                case "SYNTAX":
                    ParseSyntax(page, heading, body);
                    break;
                case "EXAMPLES":
                    ParseExamples(page, heading, body);
                    break;
                case "PARAMETERS":
                    ParseParameters(page, heading, body);
                    break;
                case "INPUTS":
                    ParseTypes(page.Inputs, heading, body, sectionName);
                    break;
                case "OUTPUTS":
                    ParseTypes(page.Outputs, heading, body, sectionName);
                    break;
                case "RELATED LINKS":
                    ParseLinks(page, body);
                    break;
            }
        }

        CheckParameterSets(page);
        foreach (var syntax in page.Syntax) CheckSyntaxLine(page, syntax);
        return page;
    }

    private IReadOnlyDictionary<string, string> ParseFrontMatter(YamlFrontMatterBlock block)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
        {
            var text = line.Slice.ToString();
            if (text.Trim() is "---" or "..." or "") continue;
            var colon = text.IndexOf(':');
            if (colon <= 0) throw Error(line.Line + 1, $"front matter line '{text.Trim()}' is not 'key: value'");
            var value = text[(colon + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0]) value = value[1..^1];
            values[text[..colon].Trim()] = value;
        }
        foreach (var key in new[] { "external help file", "Module Name", "schema" })
        {
            if (!values.TryGetValue(key, out var value) || value.Length == 0)
                throw Error(LineOf(block), $"the front matter has no '{key}'");
        }
        if (values["schema"] != "2.0.0")
            throw Error(LineOf(block), $"the front matter says schema: {values["schema"]}; only the PlatyPS schema 2.0.0 is supported");
        if (!values["external help file"].EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || values["external help file"].IndexOfAny(['/', '\\']) >= 0)
            throw Error(LineOf(block), $"'external help file: {values["external help file"]}' must be a file name ending in .xml, such as IntegrationTools.dll-Help.xml");
        return values;
    }

    /// <summary>A section of paragraphs, lists and code (SYNOPSIS, DESCRIPTION, NOTES and the text of entries).</summary>
    private List<string> Prose(Block owner, IEnumerable<Block> body, string what, bool mustHaveText)
    {
        var paragraphs = new List<string>();
        foreach (var block in body)
        {
            if (block is HeadingBlock heading)
                throw Error(LineOf(heading), $"unexpected heading '{HelpText.Inline(heading.Inline).Trim()}' in {what}");
            HelpText.AddParagraphs(block, paragraphs);
            if (block is not CodeBlock && paragraphs.Any(HelpText.HasPlaceholder))
                throw Error(LineOf(block), $"{what} still holds a PlatyPS placeholder ({{{{ ... }}}}); write the text");
        }
        if (mustHaveText && paragraphs.All(string.IsNullOrWhiteSpace))
            throw Error(LineOf(owner), $"{what} is empty");
        return paragraphs;
    }

    private void ParseSyntax(CommandPage page, HeadingBlock section, List<Block> body)
    {
        for (var i = 0; i < body.Count; i++)
        {
            string setName;
            bool isDefault;
            int line;
            if (body[i] is HeadingBlock { Level: 3 } heading)
            {
                var text = HelpText.Inline(heading.Inline).Trim();
                isDefault = text.EndsWith(DefaultModifier, StringComparison.OrdinalIgnoreCase);
                setName = isDefault ? text[..^DefaultModifier.Length].Trim() : text;
                if (setName == AllMoniker) setName = AllParameterSets;
                line = LineOf(heading);
                i++;
                if (i >= body.Count || body[i] is not FencedCodeBlock)
                    throw Error(line, $"the parameter set '### {text}' in SYNTAX has no code block with its syntax line");
            }
            else if (body[i] is FencedCodeBlock && page.Syntax.Count == 0 && body.Count == 1)
            {
                setName = AllParameterSets;
                isDefault = true;
                line = LineOf(body[i]);
            }
            else
            {
                throw Error(LineOf(body[i]), "SYNTAX holds one '### SetName' heading (with ' (Default)' on the default set) and one code block per parameter set, nothing else");
            }
            var code = (FencedCodeBlock)body[i];
            if (page.Syntax.Any(s => s.Name.Equals(setName, StringComparison.OrdinalIgnoreCase)))
                throw Error(line, $"the parameter set '{setName}' is listed twice in SYNTAX");
            page.Syntax.Add(new SyntaxEntry(setName, isDefault, string.Join(" ", HelpText.CodeLines(code).Select(l => l.Trim())), LineOf(code)));
        }
        if (page.Syntax.Count == 0)
            throw Error(LineOf(section), "SYNTAX lists no parameter set");
        var defaults = page.Syntax.Where(s => s.IsDefault).ToList();
        if (defaults.Count > 1)
            throw Error(defaults[1].Line, $"both '{defaults[0].Name}' and '{defaults[1].Name}' are marked (Default) in SYNTAX");
    }

    private void ParseExamples(CommandPage page, HeadingBlock section, List<Block> body)
    {
        var i = 0;
        while (i < body.Count)
        {
            if (body[i] is not HeadingBlock { Level: 3 } heading)
                throw Error(LineOf(body[i]), "EXAMPLES holds '### Example N: title' headings, each followed by its code and remarks");
            var title = HelpText.Inline(heading.Inline).Trim();
            var code = new List<string>();
            var introduction = new List<string>();
            var remarks = new List<string>();
            for (i++; i < body.Count && body[i] is not HeadingBlock { Level: <= 3 }; i++)
            {
                var block = body[i];
                if (block is FencedCodeBlock or CodeBlock)
                {
                    code.Add(HelpText.CodeText((LeafBlock)block));
                    continue;
                }
                if (block is HeadingBlock deeper)
                    throw Error(LineOf(deeper), $"unexpected heading '{HelpText.Inline(deeper.Inline).Trim()}' in example '{title}'");
                HelpText.AddParagraphs(block, code.Count == 0 ? introduction : remarks);
            }
            if (code.Count == 0)
                throw Error(LineOf(heading), $"the example '{title}' has no code block");
            if (introduction.Concat(remarks).Any(HelpText.HasPlaceholder) || HelpText.HasPlaceholder(title))
                throw Error(LineOf(heading), $"the example '{title}' still holds a PlatyPS placeholder ({{{{ ... }}}})");
            // PlatyPS joins an example's code blocks (the command, then its output) with a blank line.
            page.Examples.Add(new ExampleEntry(title, string.Join(HelpText.NewLine + HelpText.NewLine, code), [.. introduction, .. remarks]));
        }
        if (page.Examples.Count == 0)
            throw Error(LineOf(section), "EXAMPLES has no example ('### Example 1: title' with a code block)");
    }

    private void ParseParameters(CommandPage page, HeadingBlock section, List<Block> body)
    {
        List<ParameterEntry>? shared = null;
        var i = 0;
        while (i < body.Count)
        {
            if (body[i] is not HeadingBlock { Level: 3 } heading)
                throw Error(LineOf(body[i]), "PARAMETERS holds one '### -Name' heading per parameter, then '### SessionParameters' (on the page of a cmdlet that calls AWS) and '### CommonParameters'");
            var text = HelpText.Inline(heading.Inline).Trim();
            var entryBody = new List<Block>();
            for (i++; i < body.Count && body[i] is not HeadingBlock { Level: <= 3 }; i++) entryBody.Add(body[i]);

            if (text.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase) || text.Equals("WorkflowCommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                page.SupportsCommonParameters |= text.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (text.Equals(SharedParameters.Heading, StringComparison.OrdinalIgnoreCase))
            {
                if (shared != null)
                    throw Error(LineOf(heading), $"a second '### {SharedParameters.Heading}'");
                shared = SharedParameters.Read(Path.Combine(Path.GetDirectoryName(_file)!, SharedParameters.FileName));
                CheckSharedPointer(heading, entryBody, shared);
                continue;
            }
            if (!text.StartsWith('-') || text.Length < 2 || text.Contains(' '))
                throw Error(LineOf(heading), $"'### {text}' is not a parameter heading; write '### -Name'");
            var name = text[1..];
            if (page.Parameters.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw Error(LineOf(heading), $"the parameter -{name} is documented twice");

            var parameter = new ParameterEntry { Name = name, Line = LineOf(heading) };
            var description = new List<Block>();
            foreach (var block in entryBody)
            {
                if (block is FencedCodeBlock fenced && IsYaml(fenced))
                {
                    parameter.Variants.Add(ParseYaml(fenced, name));
                    continue;
                }
                if (parameter.Variants.Count > 0)
                    throw Error(LineOf(block), $"text after the yaml block of -{name}; the description goes between '### -{name}' and the yaml block");
                description.Add(block);
            }
            if (parameter.Variants.Count == 0)
                throw Error(LineOf(heading), $"the parameter -{name} has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters)");
            parameter.Description.AddRange(Prose(heading, description, $"the description of -{name}", mustHaveText: true));
            page.Parameters.Add(parameter);
        }
        for (var k = 1; k < page.Parameters.Count; k++)
        {
            var (before, after) = (page.Parameters[k - 1], page.Parameters[k]);
            if (StringComparer.OrdinalIgnoreCase.Compare(before.Name, after.Name) > 0)
                throw Error(after.Line, $"-{after.Name} comes after -{before.Name}; PARAMETERS lists the parameters in alphabetical order, as PlatyPS writes them");
        }
        if (shared != null) MergeShared(page, shared);
    }

    /// <summary>
    /// The text under '### SessionParameters' is for the reader of the markdown; the parameters it names with a dash
    /// must be exactly the ones the shared file documents, so that the pointer cannot drift from what it expands to.
    /// </summary>
    private void CheckSharedPointer(HeadingBlock heading, List<Block> body, List<ParameterEntry> shared)
    {
        var prose = Prose(heading, body, $"'### {SharedParameters.Heading}'", mustHaveText: true);
        var named = System.Text.RegularExpressions.Regex.Matches(string.Join(" ", prose), @"(?<![\w-])-([A-Za-z]\w*)")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = shared.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!named.SetEquals(documented))
            throw Error(LineOf(heading), $"'### {SharedParameters.Heading}' names {(named.Count == 0 ? "no parameter" : string.Join(", ", named.Order().Select(n => "-" + n)))}, " +
                $"but {SharedParameters.FileName} documents {string.Join(", ", documented.Order().Select(n => "-" + n))}; name each of them once");
    }

    /// <summary>
    /// Puts the shared parameters among the page's own in alphabetical order (the order of the pages, as PlatyPS
    /// writes them), so that the MAML lists them where a page that repeated them would.
    /// </summary>
    private void MergeShared(CommandPage page, List<ParameterEntry> shared)
    {
        foreach (var parameter in shared)
        {
            var own = page.Parameters.FirstOrDefault(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (own != null)
                throw Error(own.Line, $"-{own.Name} is one of the session parameters that {SharedParameters.FileName} documents for every page with '### {SharedParameters.Heading}'; remove its section here");
            var index = page.Parameters.FindIndex(p => StringComparer.OrdinalIgnoreCase.Compare(p.Name, parameter.Name) > 0);
            page.Parameters.Insert(index < 0 ? page.Parameters.Count : index, parameter);
        }
    }

    /// <summary>
    /// Reads the parameters of a shared file such as _SessionParameters.md: a '# Title', prose, then '## PARAMETERS'
    /// with '### -Name' entries in the same form as on a cmdlet page.
    /// </summary>
    internal static List<ParameterEntry> ParseSharedParameters(string file)
    {
        var parser = new CommandPageParser(file);
        if (!File.Exists(file))
            throw parser.Error(1, "the file is missing; a page with '### " + SharedParameters.Heading + "' takes its parameters from it");
        var document = Markdown.Parse(File.ReadAllText(file), Pipeline);
        var blocks = document.Where(b => b is not HtmlBlock and not LinkReferenceDefinitionGroup and not ThematicBreakBlock).ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock { Level: 2 } h && HelpText.Inline(h.Inline).Trim().Equals("PARAMETERS", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
            throw parser.Error(1, "the file has no '## PARAMETERS' section");
        var body = blocks.Skip(start + 1).ToList();
        var other = body.FirstOrDefault(b => b is HeadingBlock { Level: <= 2 });
        if (other != null)
            throw parser.Error(LineOf(other), "nothing follows the '## PARAMETERS' section of a shared file");
        var holder = new CommandPage { File = file, Name = Path.GetFileNameWithoutExtension(file), Line = 1, FrontMatter = new Dictionary<string, string>() };
        parser.ParseParameters(holder, (HeadingBlock)blocks[start], body);
        if (holder.SupportsCommonParameters)
            throw parser.Error(LineOf(blocks[start]), "a shared file documents parameters only; '### CommonParameters' belongs on the cmdlet page");
        if (holder.Parameters.Count == 0)
            throw parser.Error(LineOf(blocks[start]), "the '## PARAMETERS' section documents no parameter");
        return holder.Parameters;
    }

    private static bool IsYaml(FencedCodeBlock block) =>
        string.Equals(block.Info?.Trim(), "yaml", StringComparison.OrdinalIgnoreCase) || string.Equals(block.Info?.Trim(), "yml", StringComparison.OrdinalIgnoreCase);

    private ParameterVariant ParseYaml(FencedCodeBlock block, string parameter)
    {
        var variant = new ParameterVariant { Line = LineOf(block) };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
        {
            var text = line.Slice.ToString();
            if (text.Trim().Length == 0) continue;
            var lineNumber = line.Line + 1;
            var colon = text.IndexOf(':');
            if (colon <= 0)
                throw Error(lineNumber, $"the yaml of -{parameter} has a line that is not 'Key: value': '{text.Trim()}'");
            var key = YamlKeys.FirstOrDefault(k => k.Equals(text[..colon].Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw Error(lineNumber, $"the yaml of -{parameter} has the unknown key '{text[..colon].Trim()}'; the keys are {string.Join(", ", YamlKeys)}");
            if (!seen.Add(key))
                throw Error(lineNumber, $"the yaml of -{parameter} has '{key}' twice");
            var value = text[(colon + 1)..].Trim();
            switch (key)
            {
                case "Type":
                    variant.Type = value;
                    break;
                case "Parameter Sets":
                    foreach (var set in SplitList(value))
                    {
                        if (set == AllMoniker) variant.AllSets = true;
                        else variant.Sets.Add(set);
                    }
                    break;
                case "Aliases":
                    variant.Aliases.AddRange(SplitList(value).Where(a => !a.Equals("None", StringComparison.OrdinalIgnoreCase)));
                    break;
                case "Accepted values":
                    variant.AcceptedValues.AddRange(SplitList(value));
                    break;
                case "Required":
                    variant.Required = ParseBool(value, lineNumber, parameter, key);
                    break;
                case "Position":
                    if (!value.Equals("Named", StringComparison.OrdinalIgnoreCase) && !(int.TryParse(value, out var position) && position >= 0))
                        throw Error(lineNumber, $"the yaml of -{parameter} says 'Position: {value}'; write a number (0, 1, ...) or Named");
                    variant.Position = value.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "Named" : value;
                    break;
                case "Default value":
                    variant.DefaultValue = value.Length == 0 ? null : value;
                    break;
                case "Accept pipeline input":
                    if (!value.StartsWith("True", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("False", StringComparison.OrdinalIgnoreCase))
                        throw Error(lineNumber, $"the yaml of -{parameter} says 'Accept pipeline input: {value}'; write False, or True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue)");
                    variant.PipelineInput = value;
                    break;
                case "Accept wildcard characters":
                    variant.Globbing = ParseBool(value, lineNumber, parameter, key);
                    break;
            }
        }
        if (variant.Type.Length == 0)
            throw Error(variant.Line, $"the yaml of -{parameter} has no 'Type'");
        if (!variant.AllSets && variant.Sets.Count == 0)
            variant.AllSets = true;
        return variant;
    }

    private bool ParseBool(string value, int line, string parameter, string key)
    {
        if (value.Equals("True", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("False", StringComparison.OrdinalIgnoreCase) || value.Length == 0) return false;
        throw Error(line, $"the yaml of -{parameter} says '{key}: {value}'; write True or False");
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

    private void ParseTypes(List<TypeEntry> types, HeadingBlock section, List<Block> body, string what)
    {
        var i = 0;
        while (i < body.Count)
        {
            if (body[i] is not HeadingBlock { Level: 3 } heading)
                throw Error(LineOf(body[i]), $"{what} holds one '### TypeName' heading per type (### None when there is none), each followed by its description");
            var typeName = HelpText.Inline(heading.Inline).Trim();
            var entryBody = new List<Block>();
            for (i++; i < body.Count && body[i] is not HeadingBlock { Level: <= 3 }; i++) entryBody.Add(body[i]);
            types.Add(new TypeEntry(typeName, Prose(heading, entryBody, $"{what} {typeName}", mustHaveText: false)));
        }
    }

    private void ParseLinks(CommandPage page, List<Block> body)
    {
        foreach (var block in body) CollectLinks(page, block);
    }

    private void CollectLinks(CommandPage page, Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                foreach (var inline in paragraph.Inline ?? Enumerable.Empty<Inline>())
                {
                    switch (inline)
                    {
                        case LinkInline { IsImage: false } link:
                            var text = HelpText.LinkText(link);
                            if (text.Length == 0) throw Error(LineOf(paragraph), "a related link without text");
                            page.Links.Add(new RelatedLink(text, link.Url ?? ""));
                            break;
                        case LineBreakInline:
                            break;
                        case LiteralInline literal when literal.Content.ToString().Trim().Length == 0:
                            break;
                        default:
                            throw Error(LineOf(paragraph), $"RELATED LINKS holds only markdown links ([text](address)), one a line; found '{Describe(inline)}'");
                    }
                }
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                    foreach (var child in item) CollectLinks(page, child);
                break;
            default:
                throw Error(LineOf(block), "RELATED LINKS holds only markdown links ([text](address)), one a line");
        }
    }

    private static string Describe(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString().Trim(),
        CodeInline code => "`" + code.Content + "`",
        ContainerInline container => HelpText.Inline(container).Trim(),
        _ => inline.GetType().Name,
    };

    /// <summary>Every set a yaml block names must be a set of SYNTAX, and every parameter must be in a set at most once.</summary>
    private void CheckParameterSets(CommandPage page)
    {
        var sets = page.Syntax.Select(s => s.Name).ToList();
        foreach (var parameter in page.Parameters)
        {
            var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var variant in parameter.Variants)
            {
                foreach (var set in variant.Sets)
                {
                    if (!sets.Contains(set, StringComparer.OrdinalIgnoreCase))
                        throw Error(variant.Line, $"-{parameter.Name} is in the parameter set '{set}', which SYNTAX does not list (it lists {string.Join(", ", sets)})");
                    if (!covered.Add(set))
                        throw Error(variant.Line, $"-{parameter.Name} has two yaml blocks for the parameter set '{set}'");
                }
            }
            if (parameter.Variants.Count(v => v.AllSets) > 1)
                throw Error(parameter.Line, $"-{parameter.Name} has more than one yaml block with 'Parameter Sets: (All)'");
        }
    }

    /// <summary>
    /// The syntax line of a set (as Get-Command -Syntax prints it) must name exactly the set's parameters, each in
    /// the shape its metadata gives: -P &lt;T&gt; (required, named), [-P] &lt;T&gt; (required, positional),
    /// [-P &lt;T&gt;] (optional, named), [[-P] &lt;T&gt;] (optional, positional), [-S] (switch); and {A | B} for
    /// accepted values.
    /// </summary>
    private void CheckSyntaxLine(CommandPage page, SyntaxEntry syntax)
    {
        var tokens = SyntaxTokens(syntax.Code, syntax.Line);
        if (tokens.Count == 0 || !tokens[0].Equals(page.Name, StringComparison.OrdinalIgnoreCase))
            throw Error(syntax.Line, $"the syntax line of '{syntax.Name}' must start with {page.Name}");

        var found = new List<(string Name, bool Required, bool Positional, string? Value)>();
        var common = false;
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "[<CommonParameters>]")
            {
                common = true;
                continue;
            }
            string? Value(List<string> list, ref int index) =>
                index + 1 < list.Count && (list[index + 1].StartsWith('<') || list[index + 1].StartsWith('{')) ? list[++index] : null;

            if (token.StartsWith("[-") && token.EndsWith(']') && !token.Contains(' '))
            {
                var value = Value(tokens, ref i);
                // [-P] <T> is a required positional parameter; a bare [-S] is an optional switch.
                found.Add((token[2..^1], value != null, value != null, value));
            }
            else if (token.StartsWith('[') && token.EndsWith(']'))
            {
                var inner = SyntaxTokens(token[1..^1], syntax.Line);
                var j = 0;
                if (inner.Count > 0 && inner[0].StartsWith("[-") && inner[0].EndsWith(']'))
                    found.Add((inner[0][2..^1], false, true, Value(inner, ref j)));
                else if (inner.Count > 0 && inner[0].StartsWith('-'))
                    found.Add((inner[0][1..], false, false, Value(inner, ref j)));
                else
                    throw Error(syntax.Line, $"cannot read '{token}' in the syntax line of '{syntax.Name}'");
                if (j != inner.Count - 1)
                    throw Error(syntax.Line, $"cannot read '{token}' in the syntax line of '{syntax.Name}'");
            }
            else if (token.StartsWith('-'))
            {
                found.Add((token[1..], true, false, Value(tokens, ref i)));
            }
            else
            {
                throw Error(syntax.Line, $"cannot read '{token}' in the syntax line of '{syntax.Name}'");
            }
        }

        var expected = page.ParametersOf(syntax.Name).ToList();
        foreach (var (name, required, positional, value) in found)
        {
            var match = expected.FirstOrDefault(e => e.Parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (match.Parameter == null)
                throw Error(syntax.Line, $"the syntax line of '{syntax.Name}' names -{name}, which PARAMETERS does not document in that set");
            var variant = match.Variant;
            var shape = $"-{match.Parameter.Name} in the syntax line of '{syntax.Name}'";
            if (required != variant.Required)
                throw Error(syntax.Line, $"{shape} is shown {(required ? "required" : "optional")} but its yaml says Required: {variant.Required}");
            if (positional != (variant.PositionNumber != null))
                throw Error(syntax.Line, $"{shape} is shown {(positional ? "positional" : "named")} but its yaml says Position: {variant.Position}");
            if ((value == null) != variant.IsSwitch)
                throw Error(syntax.Line, $"{shape} is shown {(value == null ? "without" : "with")} a value but its yaml says Type: {variant.Type}");
            if (value != null && value.StartsWith('{'))
            {
                var shown = value.Trim('{', '}').Split('|').Select(v => v.Trim()).Where(v => v.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (!shown.SetEquals(variant.AcceptedValues))
                    throw Error(syntax.Line, $"{shape} shows the values {{{string.Join(" | ", shown)}}} but its yaml says Accepted values: {string.Join(", ", variant.AcceptedValues)}");
            }
        }
        foreach (var (parameter, _) in expected)
        {
            if (found.Count(f => f.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)) != 1)
                throw Error(syntax.Line, $"the syntax line of '{syntax.Name}' should name -{parameter.Name} exactly once (PARAMETERS puts it in that set)");
        }
        if (common != page.SupportsCommonParameters)
            throw Error(syntax.Line, common
                ? $"the syntax line of '{syntax.Name}' ends with [<CommonParameters>] but PARAMETERS has no '### CommonParameters'"
                : $"the syntax line of '{syntax.Name}' lacks [<CommonParameters>] although PARAMETERS has '### CommonParameters'");
    }

    /// <summary>Splits a syntax line at spaces outside [], {} and &lt;&gt;.</summary>
    private List<string> SyntaxTokens(string text, int line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '[' or '{' or '<') depth++;
            if (c is ']' or '}' or '>') depth--;
            if (depth < 0) throw Error(line, $"unbalanced brackets in the syntax line '{text}'");
            if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (depth != 0) throw Error(line, $"unbalanced brackets in the syntax line '{text}'");
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
