using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace IntegrationTools.Help;

/// <summary>
/// An about_*.md page to the about_*.help.txt that Get-Help prints, as PlatyPS 0.14's TextRenderer lays it out:
/// TOPIC and the topic name first, section headings upper-cased at column 0, subsection headings upper-cased and
/// indented, text indented four spaces and wrapped at 80 columns, code indented four spaces, CRLF line ends and
/// typographic quotes and dashes made plain. Both about layouts are read: PowerShell-Docs' (# about_Name, then
/// ## SHORT DESCRIPTION, ## LONG DESCRIPTION, ...) and PlatyPS 0.14's template (# Title, ## about_Name, then
/// # SHORT DESCRIPTION, ...).
/// </summary>
internal sealed class AboutTopicWriter
{
    private const string Indent = "    ";
    private const int MaxLineWidth = 80;

    private readonly string _file;
    private readonly StringBuilder _text = new();

    private AboutTopicWriter(string file)
    {
        _file = file;
    }

    /// <summary>Renders the page; returns the topic text and its short description.</summary>
    public static (string Text, string ShortDescription) Render(string file) => new AboutTopicWriter(file).Render();

    private HelpFormatException Error(int line, string problem) => new(_file, line, problem);

    private (string, string) Render()
    {
        var topicName = Path.GetFileNameWithoutExtension(_file);
        var document = Markdown.Parse(File.ReadAllText(_file), CommandPageParser.Pipeline);
        var blocks = document.Where(b => b is not HtmlBlock and not LinkReferenceDefinitionGroup and not YamlFrontMatterBlock and not ThematicBreakBlock).ToList();

        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
            throw Error(blocks.Count == 0 ? 1 : blocks[0].Line + 1, $"an about topic starts with '# {topicName}'");
        var start = 1;
        var titleText = HelpText.Inline(title.Inline).Trim();
        if (blocks.Count > 1 && blocks[1] is HeadingBlock { Level: 2 } second && HelpText.Inline(second.Inline).Trim().StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            // PlatyPS 0.14's template: "# Title" then "## about_Name".
            titleText = HelpText.Inline(second.Inline).Trim();
            start = 2;
        }
        if (!titleText.Equals(topicName, StringComparison.OrdinalIgnoreCase))
            throw Error(title.Line + 1, $"the topic is named '{titleText}' but the file is {Path.GetFileName(_file)}; they must agree (about_Name.md has '# about_Name')");

        _text.Append("TOPIC").Append(HelpText.NewLine);
        _text.Append(Indent).Append(titleText.ToLowerInvariant()).Append(HelpText.NewLine).Append(HelpText.NewLine);

        string? shortDescription = null;
        var inShortDescription = false;
        var sectionLevel = 0;
        foreach (var block in blocks.Skip(start))
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var text = HelpText.Inline(heading.Inline).Trim();
                    if (sectionLevel == 0) sectionLevel = heading.Level;
                    if (heading.Level <= sectionLevel)
                    {
                        // A section: SHORT DESCRIPTION, LONG DESCRIPTION, SEE ALSO, KEYWORDS, ...
                        _text.Append(text.ToUpperInvariant()).Append(HelpText.NewLine);
                        inShortDescription = text.Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase);
                    }
                    else
                    {
                        _text.Append(Indent).Append(text.ToUpperInvariant()).Append(HelpText.NewLine);
                    }
                    break;
                case ParagraphBlock paragraph when HelpText.IsTable(paragraph):
                    foreach (var line in paragraph.Lines.Lines.Take(paragraph.Lines.Count))
                        _text.Append(Indent).Append(line.Slice.ToString().Trim()).Append(HelpText.NewLine);
                    _text.Append(HelpText.NewLine);
                    break;
                case ParagraphBlock paragraph:
                    var paragraphText = HelpText.Inline(paragraph.Inline);
                    if (HelpText.HasPlaceholder(paragraphText))
                        throw Error(paragraph.Line + 1, "the about topic still holds a PlatyPS placeholder ({{ ... }}); write the text");
                    if (inShortDescription && shortDescription == null) shortDescription = paragraphText.Replace('\n', ' ').Trim();
                    foreach (var line in paragraphText.Split('\n')) Wrap(line.Trim(), Indent, Indent);
                    _text.Append(HelpText.NewLine);
                    break;
                case ListBlock list:
                    AppendList(list, Indent);
                    _text.Append(HelpText.NewLine);
                    break;
                case CodeBlock code:
                    foreach (var line in HelpText.CodeLines(code))
                        _text.Append(line.Length == 0 ? "" : Indent + line).Append(HelpText.NewLine);
                    _text.Append(HelpText.NewLine);
                    break;
                case QuoteBlock quote:
                    var paragraphs = new List<string>();
                    foreach (var child in quote) HelpText.AddParagraphs(child, paragraphs);
                    foreach (var line in paragraphs) Wrap(line, Indent + Indent, Indent + Indent);
                    _text.Append(HelpText.NewLine);
                    break;
                default:
                    throw Error(block.Line + 1, $"an about topic cannot hold a {block.GetType().Name}; use headings, paragraphs, lists and code blocks");
            }
        }
        if (shortDescription == null)
            throw Error(title.Line + 1, "the about topic has no SHORT DESCRIPTION section with text");

        var result = _text.ToString().TrimEnd() + HelpText.NewLine;
        return (HelpText.Normalize(result), shortDescription);
    }

    private void AppendList(ListBlock list, string indent)
    {
        var number = int.TryParse(list.OrderedStart, out var first) ? first : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}. " : "- ";
            var continuation = indent + new string(' ', bullet.Length);
            var firstLine = true;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    AppendList(nested, continuation);
                    continue;
                }
                var paragraphs = new List<string>();
                HelpText.AddParagraphs(child, paragraphs);
                foreach (var paragraph in paragraphs)
                {
                    if (child is CodeBlock)
                    {
                        _text.Append(continuation).Append(paragraph).Append(HelpText.NewLine);
                        continue;
                    }
                    Wrap(paragraph, firstLine ? indent + bullet : continuation, continuation);
                    firstLine = false;
                }
            }
        }
    }

    /// <summary>Word-wraps one line of text to <see cref="MaxLineWidth"/> columns.</summary>
    private void Wrap(string text, string firstIndent, string indent)
    {
        if (text.Length == 0) return;
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > MaxLineWidth)
            {
                _text.Append(line).Append(HelpText.NewLine);
                line.Clear().Append(indent);
                lineHasWord = false;
            }
            if (lineHasWord) line.Append(' ');
            line.Append(word);
            lineHasWord = true;
        }
        if (lineHasWord) _text.Append(line).Append(HelpText.NewLine);
    }
}
