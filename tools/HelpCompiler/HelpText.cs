using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IntegrationTools.Help;

/// <summary>
/// Markdown (as Markdig parsed it) to the plain text help shows, the way PlatyPS 0.14 does: emphasis markers are
/// dropped, `code` keeps its backticks, a link becomes its text (followed by the address when it is absolute), a soft
/// line break is a space, and each paragraph (and each hard line break) starts a new maml:para.
/// </summary>
internal static class HelpText
{
    public const string NewLine = "\r\n";

    public static bool IsSwitchType(string type) =>
        type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || type.Equals("Switch", StringComparison.OrdinalIgnoreCase)
        || type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of a heading or paragraph; hard line breaks become '\n'.</summary>
    public static string Inline(ContainerInline? inline)
    {
        if (inline == null) return "";
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlInline html:
                if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase)) text.Append('\n');
                break;
            case LinkInline link when link.IsImage:
                text.Append(LinkText(link));
                break;
            case LinkInline link:
                text.Append(LinkText(link));
                if (IsAbsoluteUri(link.Url)) text.Append(" (").Append(link.Url).Append(')');
                break;
            case ContainerInline container:
                foreach (var child in container) Append(child, text);
                break;
        }
    }

    public static string LinkText(LinkInline link)
    {
        var text = new StringBuilder();
        foreach (var child in link) Append(child, text);
        return text.ToString().Trim();
    }

    public static bool IsAbsoluteUri(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The lines of a code block, without trailing blank lines.</summary>
    public static List<string> CodeLines(LeafBlock code)
    {
        var lines = new List<string>();
        foreach (var line in code.Lines.Lines.Take(code.Lines.Count)) lines.Add(line.Slice.ToString().TrimEnd());
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return lines;
    }

    public static string CodeText(LeafBlock code) => string.Join(NewLine, CodeLines(code));

    /// <summary>
    /// The maml:para texts of prose blocks: one per paragraph or hard line break, one per list item ("- text"), one
    /// per line of a code block (indented four spaces).
    /// </summary>
    public static void AddParagraphs(Block block, List<string> paragraphs, string indent = "")
    {
        switch (block)
        {
            case ParagraphBlock paragraph when IsTable(paragraph):
                foreach (var line in paragraph.Lines.Lines.Take(paragraph.Lines.Count)) paragraphs.Add(indent + line.Slice.ToString().Trim());
                break;
            case ParagraphBlock paragraph:
                foreach (var part in Inline(paragraph.Inline).Split('\n'))
                {
                    var text = part.Trim();
                    if (text.Length > 0) paragraphs.Add(indent + text);
                }
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var itemParagraphs = new List<string>();
                    foreach (var child in item) AddParagraphs(child, itemParagraphs);
                    for (var i = 0; i < itemParagraphs.Count; i++)
                        paragraphs.Add(indent + (i == 0 ? bullet : new string(' ', bullet.Length)) + itemParagraphs[i]);
                }
                break;
            case CodeBlock code:
                foreach (var line in CodeLines(code)) paragraphs.Add(line.Length == 0 ? "" : indent + "    " + line);
                break;
            case QuoteBlock quote:
                foreach (var child in quote) AddParagraphs(child, paragraphs, indent);
                break;
            case HeadingBlock heading:
                paragraphs.Add(indent + Inline(heading.Inline).Trim().ToUpperInvariant());
                break;
            // Thematic breaks, HTML comments and link reference definitions show nothing.
        }
    }

    /// <summary>A pipe table (no table extension is loaded, so Markdig leaves it a paragraph): kept line by line.</summary>
    public static bool IsTable(ParagraphBlock paragraph)
    {
        if (paragraph.Lines.Count < 2) return false;
        return paragraph.Lines.Lines.Take(paragraph.Lines.Count).All(l => l.Slice.ToString().TrimStart().StartsWith('|'));
    }

    /// <summary>True when prose still holds a PlatyPS placeholder such as "{{ Fill in the Synopsis }}".</summary>
    public static bool HasPlaceholder(string text)
    {
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        return open >= 0 && text.IndexOf("}}", open, StringComparison.Ordinal) > open;
    }

    /// <summary>PlatyPS's RenderCleaner: typographic quotes and dashes and non-breaking spaces to ASCII.</summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\u00a0' => ' ',
                '\u2018' or '\u2019' or '\u201b' => '\'',
                '\u201c' or '\u201d' or '\u201e' or '\u201f' => '"',
                '\u05be' or '\u1806' or '\u2010' or '\u2011' or '\u00ad' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            });
        }
        return result.ToString();
    }
}
