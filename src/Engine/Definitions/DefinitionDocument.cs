using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IntegrationTools.Definitions
{
    /// <summary>The text format of a definitions document.</summary>
    internal enum DefinitionFormat
    {
        /// <summary>Decide from the file extension (.json, .yaml, .yml), else from the first character of the text.</summary>
        Auto,
        Json,
        Yaml,
    }

    /// <summary>
    /// Reads a JSON or YAML definitions document into plain data: one case-insensitive <see cref="Hashtable"/> per
    /// definition (nested mappings are hashtables too, sequences object arrays, scalars strings, numbers, booleans or
    /// null), ready for the DefinitionReader of the changing cmdlets. A document is a list of definitions, a single
    /// definition, or a mapping whose <c>Definitions</c> (or <c>Integrations</c>) member holds the list; a YAML file
    /// may hold several documents separated by <c>---</c>. Nothing here judges the definitions themselves (that is
    /// the rule catalog's job); a text that is not valid JSON or YAML throws <see cref="DefinitionSyntaxException"/>
    /// with the source, line and column.
    /// </summary>
    internal static class DefinitionDocument
    {
        private static readonly string[] ListMembers = { "Definitions", "Integrations" };

        /// <summary>Reads a file; a missing file throws <see cref="FileNotFoundException"/> naming it.</summary>
        public static IReadOnlyList<Hashtable> ReadFile(string path, DefinitionFormat format = DefinitionFormat.Auto)
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"The definitions file '{path}' does not exist.", path);
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (format == DefinitionFormat.Auto) format = FormatOf(path, text);
            return Parse(text, format, path);
        }

        /// <summary>Reads a JSON or YAML text; <paramref name="source"/> names it in syntax errors.</summary>
        public static IReadOnlyList<Hashtable> Parse(string text, DefinitionFormat format, string source)
        {
            if (format == DefinitionFormat.Auto) format = FormatOf(null, text);
            var roots = format == DefinitionFormat.Json ? new List<object?> { ParseJson(text, source) } : ParseYaml(text, source);
            var definitions = new List<Hashtable>();
            foreach (var root in roots) Collect(root, source, definitions);
            return definitions;
        }

        /// <summary>The format a file or text is in: by extension first, then JSON when the text starts with { or [.</summary>
        public static DefinitionFormat FormatOf(string? path, string text)
        {
            var byExtension = FormatOfExtension(path);
            if (byExtension != DefinitionFormat.Auto) return byExtension;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
                return c == '{' || c == '[' ? DefinitionFormat.Json : DefinitionFormat.Yaml;
            }
            return DefinitionFormat.Yaml;
        }

        /// <summary>Json for .json, Yaml for .yaml and .yml (in any case), Auto for any other extension or none.</summary>
        public static DefinitionFormat FormatOfExtension(string? path)
        {
            var extension = path == null ? "" : Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".json") return DefinitionFormat.Json;
            if (extension == ".yaml" || extension == ".yml") return DefinitionFormat.Yaml;
            return DefinitionFormat.Auto;
        }

        private static void Collect(object? root, string source, List<Hashtable> definitions)
        {
            switch (root)
            {
                case null:
                    return;
                case Hashtable map:
                    foreach (var member in ListMembers)
                    {
                        if (map.Count == 1 && map.ContainsKey(member))
                        {
                            Collect(map[member] is object?[] ? map[member] : new object?[] { map[member] }, source, definitions);
                            return;
                        }
                    }
                    definitions.Add(map);
                    return;
                case object?[] items:
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (items[i] is Hashtable item) definitions.Add(item);
                        else if (items[i] != null)
                            throw new DefinitionSyntaxException(source, null, null,
                                $"item {i + 1} of the list is {Describe(items[i])}, not a definition (an object with named members such as RestApiId or ApiId).");
                    }
                    return;
                default:
                    throw new DefinitionSyntaxException(source, null, null,
                        $"the document is {Describe(root)}; expected a list of definitions, a definition, or an object with a 'Definitions' list.");
            }
        }

        private static string Describe(object? value) => value switch
        {
            string s => $"the text '{s}'",
            object?[] _ => "a list",
            _ => $"the value {Convert.ToString(value, CultureInfo.InvariantCulture)}",
        };

        #region JSON

        private static object? ParseJson(string text, string source)
        {
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                });
                return JsonPlain.From(document.RootElement, StringComparer.OrdinalIgnoreCase);
            }
            catch (JsonException ex)
            {
                // System.Text.Json counts lines and bytes from zero; people count from one.
                var line = ex.LineNumber.HasValue ? (int)ex.LineNumber.Value + 1 : (int?)null;
                var column = ex.BytePositionInLine.HasValue ? (int)ex.BytePositionInLine.Value + 1 : (int?)null;
                throw new DefinitionSyntaxException(source, line, column, "not valid JSON: " + JsonReason(ex.Message), ex);
            }
        }

        private static string JsonReason(string message)
        {
            // "'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 7." -> the first part.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).Trim().TrimEnd('.') + ".";
        }


        #endregion

        #region YAML

        private static List<object?> ParseYaml(string text, string source)
        {
            var stream = new YamlStream();
            var scanner = new Scanner(new StringReader(text));
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (YamlException ex)
            {
                throw new DefinitionSyntaxException(source, (int)ex.Start.Line, (int)ex.Start.Column, "not valid YAML: " + YamlReason(ex), ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is IndexOutOfRangeException)
            {
                // YamlDotNet fails on some malformed input (an unclosed flow sequence) without a YamlException: point
                // at where the scanner stopped.
                var at = scanner.CurrentPosition;
                throw new DefinitionSyntaxException(source, (int)at.Line, (int)at.Column,
                    "not valid YAML: the text cannot be read here (an unclosed [ or {, or a stray quote?).", ex);
            }
            var roots = new List<object?>();
            foreach (var document in stream.Documents) roots.Add(FromYaml(document.RootNode, source, 0));
            return roots;
        }

        private static string YamlReason(YamlException ex)
        {
            // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is given separately.
            var message = Regex.Replace(ex.Message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", "");
            if (ex.InnerException != null && !string.IsNullOrEmpty(ex.InnerException.Message) && !message.Contains(ex.InnerException.Message))
                message += " " + ex.InnerException.Message;
            return message.Trim().TrimEnd('.') + ".";
        }

        private static object? FromYaml(YamlNode node, string source, int depth)
        {
            if (depth > 64)
                throw new DefinitionSyntaxException(source, (int)node.Start.Line, (int)node.Start.Column, "the YAML is nested more than 64 levels deep (a recursive alias?).");
            switch (node)
            {
                case YamlMappingNode mapping:
                    var map = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var entry in mapping.Children)
                    {
                        var key = entry.Key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : null;
                        if (key == null)
                            throw new DefinitionSyntaxException(source, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column, "a mapping key must be a plain name, not a list or a mapping.");
                        if (map.ContainsKey(key))
                            throw new DefinitionSyntaxException(source, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column, $"the key '{key}' appears twice in the same mapping (keys are not case-sensitive).");
                        map[key] = FromYaml(entry.Value, source, depth + 1);
                    }
                    return map;
                case YamlSequenceNode sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence.Children) list.Add(FromYaml(item, source, depth + 1));
                    return list.ToArray();
                case YamlScalarNode scalar:
                    return Scalar(scalar);
                default:
                    return null;
            }
        }

        /// <summary>YAML 1.2 core schema for plain scalars; quoted and block scalars stay text.</summary>
        private static object? Scalar(YamlScalarNode scalar)
        {
            var value = scalar.Value ?? "";
            return scalar.Style != ScalarStyle.Plain ? value : PlainScalar(value);
        }

        /// <summary>What a plain (unquoted) YAML scalar of this text reads as: null, a boolean, a number, or the text itself.</summary>
        internal static object? PlainScalar(string value)
        {
            switch (value)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return null;
                case "true":
                case "True":
                case "TRUE":
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    return false;
            }
            if (Regex.IsMatch(value, @"^[-+]?[0-9]+$"))
            {
                if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            }
            if (Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return d;
            return value;
        }

        #endregion
    }

    /// <summary>A definitions document that is not valid JSON or YAML, or not a list of definitions.</summary>
    public sealed class DefinitionSyntaxException : Exception
    {
        public DefinitionSyntaxException(string source, int? line, int? column, string reason, Exception? inner = null)
            : base(Compose(source, line, column, reason), inner)
        {
            Source = source;
            Line = line;
            Column = column;
            Reason = reason;
        }

        /// <summary>The file path, or a name for a text given directly.</summary>
        public new string Source { get; }

        /// <summary>1-based line of the problem, when known.</summary>
        public int? Line { get; }

        /// <summary>1-based column of the problem, when known.</summary>
        public int? Column { get; }

        public string Reason { get; }

        private static string Compose(string source, int? line, int? column, string reason) =>
            line.HasValue
                ? $"{source}, line {line}, column {column ?? 1}: {reason}"
                : $"{source}: {reason}";
    }
}
