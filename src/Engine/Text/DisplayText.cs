using System.Text;

namespace IntegrationTools.Text
{
    /// <summary>
    /// Makes text that quotes user input safe to show: control characters (a terminal escape sequence, a NUL, a line
    /// break inside a value) become visible \uXXXX escapes, a quoted value longer than <see cref="MaxQuotedValue"/>
    /// characters is cut to its start with its length, and the whole text is capped at <see cref="MaxText"/>.
    /// A definition with a megabyte-long URI gets a finding of a few lines, not a megabyte-long error.
    /// </summary>
    internal static class DisplayText
    {
        public const int MaxQuotedValue = 400;
        public const int MaxText = 4000;

        public static string? Safe(string? text)
        {
            if (text == null || !NeedsWork(text)) return text;
            var escaped = EscapeControls(text);
            var shortened = ShortenQuoted(escaped);
            return shortened.Length <= MaxText
                ? shortened
                : shortened.Substring(0, MaxText) + $"… (cut at {MaxText:N0} of {shortened.Length:N0} characters)";
        }

        /// <summary>A name or target for a message: control characters escaped, cut to <paramref name="max"/> characters.</summary>
        public static string Clip(string? text, int max = 200)
        {
            var safe = EscapeControls(text ?? "");
            return safe.Length <= max ? safe : safe.Substring(0, max) + $"… ({safe.Length:N0} characters)";
        }

        private static bool NeedsWork(string text)
        {
            if (text.Length > MaxQuotedValue) return true;
            foreach (var c in text)
                if (IsControl(c)) return true;
            return false;
        }

        // Line breaks between sentences of a message are fine; inside values they are escaped like the rest, since the
        // rules' messages are single lines.
        private static bool IsControl(char c) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';

        private static string EscapeControls(string text)
        {
            StringBuilder? sb = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!IsControl(c))
                {
                    sb?.Append(c);
                    continue;
                }
                sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                sb.Append("\\u").Append(((int)c).ToString("x4"));
            }
            return sb?.ToString() ?? text;
        }

        /// <summary>'…a long value…' becomes '…its first characters…' (N characters).</summary>
        private static string ShortenQuoted(string text)
        {
            if (text.Length <= MaxQuotedValue || text.IndexOf('\'') < 0) return text;
            var sb = new StringBuilder(System.Math.Min(text.Length, MaxText + 200));
            var i = 0;
            while (i < text.Length)
            {
                var open = NextQuote(text, i, opening: true);
                if (open < 0) { sb.Append(text, i, text.Length - i); break; }
                var close = NextQuote(text, open + 1, opening: false);
                if (close < 0) { sb.Append(text, i, text.Length - i); break; }
                var length = close - open - 1;
                sb.Append(text, i, open - i + 1);
                if (length > MaxQuotedValue)
                    sb.Append(text, open + 1, 100).Append("…' (").Append(length.ToString("N0")).Append(" characters)");
                else
                    sb.Append(text, open + 1, length).Append('\'');
                i = close + 1;
                if (sb.Length > MaxText + 200) break;
            }
            return sb.ToString();
        }

        /// <summary>The next quote that opens (not after a letter or digit: not the apostrophe of "doesn't") or closes a value.</summary>
        private static int NextQuote(string text, int from, bool opening)
        {
            for (var at = text.IndexOf('\'', from); at >= 0; at = text.IndexOf('\'', at + 1))
            {
                var neighbour = opening ? (at == 0 ? ' ' : text[at - 1]) : (at == text.Length - 1 ? ' ' : text[at + 1]);
                if (!char.IsLetterOrDigit(neighbour)) return at;
            }
            return -1;
        }
    }
}
