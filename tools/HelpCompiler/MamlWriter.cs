using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationTools.Help;

/// <summary>
/// Writes MAML in the shape PlatyPS 0.14's MamlRenderer gives it (same elements, order, namespaces and attribute
/// spelling, including its quirks: maml:Description for parameters, command:variableLength on accepted values, the
/// dash-padded example titles and the "Online Version:" link), so Get-Help reads it as it reads PlatyPS's output.
/// </summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public const string OnlineVersionLinkText = "Online Version:";

    public static XDocument Build(IEnumerable<CommandPage> pages) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), pages.Select(CommandElement)));

    public static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = HelpText.NewLine,
            NewLineHandling = NewLineHandling.Replace,
            NamespaceHandling = NamespaceHandling.OmitDuplicates,
        };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    /// <summary>The links as the MAML carries them: the front matter's online version first (PlatyPS's SetOnlineVersionUrlLink).</summary>
    public static List<RelatedLink> Links(CommandPage page)
    {
        var links = new List<RelatedLink>(page.Links);
        var online = page.OnlineVersion;
        if (online != null && (links.Count == 0 || links[0].Uri != online))
            links.Insert(0, new RelatedLink(OnlineVersionLinkText, online));
        return links;
    }

    private static XElement CommandElement(CommandPage page)
    {
        var dash = page.Name.IndexOf('-');
        var verb = page.Name[..dash];
        var noun = page.Name[(dash + 1)..];
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                new XElement(Maml + "description", Paragraphs(page.Synopsis))),
            new XElement(Maml + "description", Paragraphs(page.Description)),
            new XElement(Command + "syntax", page.Syntax.Select(s => SyntaxItem(page, s))),
            new XElement(Command + "parameters", page.Parameters.Select(p => Parameter(p, p.First, inSyntax: false))),
            new XElement(Command + "inputTypes", page.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", page.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(page.Notes))),
            new XElement(Command + "examples", page.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", Links(page).Select(Link)));
    }

    private static IEnumerable<XElement> Paragraphs(List<string>? paragraphs)
    {
        if (paragraphs == null) return [];
        // PlatyPS writes one empty para for a section that is there but empty.
        if (paragraphs.Count == 0) return [new XElement(Maml + "para", "")];
        return paragraphs.Select(p => new XElement(Maml + "para", p));
    }

    private static XElement SyntaxItem(CommandPage page, SyntaxEntry syntax) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", page.Name),
            page.ParametersOf(syntax.Name).Select(m => Parameter(m.Parameter, m.Variant, inSyntax: true)));

    private static XElement Parameter(ParameterEntry parameter, ParameterVariant variant, bool inSyntax)
    {
        var type = variant.IsSwitch ? "SwitchParameter" : variant.Type;
        return new XElement(Command + "parameter",
            new XAttribute("required", variant.Required),
            new XAttribute("variableLength", true),
            new XAttribute("globbing", variant.Globbing),
            new XAttribute("pipelineInput", variant.PipelineInput),
            new XAttribute("position", variant.Position.ToLowerInvariant()),
            new XAttribute("aliases", variant.Aliases.Count > 0 ? string.Join(", ", variant.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "Description", Paragraphs(parameter.Description)),
            inSyntax && variant.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup", variant.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v)))
                : null,
            // Inside syntax PlatyPS leaves out the value of a switch, so that Get-Help shows [-Switch].
            !inSyntax || !variant.IsSwitch
                ? new XElement(Command + "parameterValue", new XAttribute("required", !variant.IsSwitch), new XAttribute("variableLength", false), type)
                : null,
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue",
                variant.IsSwitch && (variant.DefaultValue == null || variant.DefaultValue.Equals("None", StringComparison.OrdinalIgnoreCase))
                    ? "False"
                    : variant.DefaultValue ?? "None"));
    }

    private static XElement TypeElement(string element, TypeEntry type) =>
        new(Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paragraphs(type.Description)));

    private static XElement Example(ExampleEntry example) =>
        new(Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static XElement Link(RelatedLink link) =>
        // Get-Help wants a real URI or none: a link to another topic (Get-Foo.md) keeps its text and an empty uri.
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", HelpText.IsAbsoluteUri(link.Uri) ? link.Uri : ""));

    /// <summary>"Example 1: title" becomes "------ Example 1: title ------", 64 characters wide (PlatyPS's PadExampleTitle).</summary>
    internal static string PadExampleTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62) return title;
        var padLength = (64 - title.Length - 2) / 2;
        return title
            .PadLeft(title.Length + 1, ' ')
            .PadRight(title.Length + 2, ' ')
            .PadLeft(title.Length + 2 + padLength, '-')
            .PadRight(title.Length + 2 + 2 * padLength, '-');
    }
}
