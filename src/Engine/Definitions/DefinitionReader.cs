using System.Globalization;
using System.Text.Json;
using IntegrationTools.Text;
using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Reads a definition that arrived as plain data (a dictionary of strings, numbers, booleans, dictionaries and
    /// lists: what a hashtable, a PSCustomObject, ConvertFrom-Json of the AWS CLI's skeleton JSON, a CSV row or YAML
    /// becomes) against a <see cref="DefinitionSchema"/>. Keys match case-insensitively, under the canonical name or
    /// an alias; values are converted leniently (a CSV's "5000" is a number). What cannot be read becomes a finding
    /// of one of the <see cref="ReadingRules"/>, never an exception, so a batch can go on with the next item.
    /// </summary>
    internal static class DefinitionReader
    {
        /// <summary>
        /// Reads <paramref name="input"/>. An empty value ('' or blank text, $null, an empty list or map, a CSV's blank cell,
        /// JSON's "", "{}" or "[]" in a cell) counts as not given, whatever the field's type, unless the field keeps empty text
        /// (<see cref="FieldSpec.EmptyIsValue"/>) or <paramref name="keepEmpty"/> is set (parameters that clear a value, such as
        /// Set-ApiIntegration -Description '').
        /// </summary>
        public static DefinitionValues Read(DefinitionSchema schema, object? input, string target, ICollection<Finding> findings, bool keepEmpty = false)
        {
            var values = new DefinitionValues(schema);
            if (!(input is IDictionary dictionary))
            {
                findings.Add(ReadingRules.NotADefinition.Finding(target, null,
                    $"{Capitalized(Describe(input))} is not {schema.Description}: expected a hashtable or an object with named properties.",
                    "Pipe hashtables (@{ Name = value }), objects (from ConvertFrom-Json, Import-Csv, YAML) or the output of the Get- cmdlets."));
                return values;
            }
            // IDictionaryEnumerator's Key and Value, not foreach's boxed DictionaryEntry per key.
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                var entry = new DictionaryEntry(entries.Key, entries.Value);
                var key = entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                var field = schema.Find(key);
                if (field == null)
                {
                    var members = schema.Container(key);
                    if (members != null)
                    {
                        ReadContainer(schema, key, entry.Value, members, values, target, findings, keepEmpty);
                        continue;
                    }
                    findings.Add(UnknownKey(schema, key, target));
                    continue;
                }
                ReadField(field, key, entry.Value, values, target, findings, keepEmpty);
            }
            return values;
        }

        private static void ReadContainer(DefinitionSchema schema, string container, object? value, IReadOnlyList<FieldSpec> members,
            DefinitionValues values, string target, ICollection<Finding> findings, bool keepEmpty)
        {
            if (IsEmpty(value)) return;
            if (!(value is IDictionary nested))
            {
                findings.Add(ReadingRules.WrongType.Finding(target, container,
                    $"'{container}' must be an object with {string.Join(", ", members.Select(m => m.AllNames().Last()))}; got {Describe(value)}.",
                    $"Write it as @{{ {members[0].AllNames().Last()} = ... }}, or give {members[0].Name} directly."));
                return;
            }
            foreach (DictionaryEntry entry in nested)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                var field = members.FirstOrDefault(m => m.AllNames().Any(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)));
                if (field == null)
                {
                    var closest = Closest.To(key, members.SelectMany(m => m.AllNames()), 1);
                    findings.Add(ReadingRules.UnknownField.Finding(target, container + "." + key,
                        $"'{container}' has no member '{key}'." + (closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : ""),
                        $"Use one of: {string.Join(", ", members.Select(m => m.AllNames().Last()))}."));
                    continue;
                }
                ReadField(field, container + "." + key, entry.Value, values, target, findings, keepEmpty);
            }
        }

        private static void ReadField(FieldSpec field, string key, object? raw, DefinitionValues values,
            string target, ICollection<Finding> findings, bool keepEmpty)
        {
            if (field.Kind == FieldKind.Ignored || raw == null) return;
            if (!keepEmpty && !(field.EmptyIsValue && raw is string) && IsEmpty(raw)) return;
            var earlier = values.KeyOf(field);
            var converted = TryConvert(field.Kind, raw, out var value, out var problem);
            if (earlier != null)
            {
                // The same value under two names (ResourcePath and its alias Path in ConvertTo-Json output) says one thing.
                if (converted && SameValue(values.Get(field), value)) return;
                findings.Add(ReadingRules.DuplicateField.Finding(target, field.Name,
                    $"{field.Name} is given twice, as '{earlier}' and as '{key}'.", "Keep one of them."));
                return;
            }
            values.SetKey(field, key);
            if (converted)
            {
                values.Set(field, value);
                return;
            }
            findings.Add(ReadingRules.WrongType.Finding(target, field.Name, $"{field.Name} {problem}", ExpectedForm(field)));
        }

        private static bool SameValue(object? a, object? b) =>
            a is string x && b is string y ? string.Equals(x.Trim(), y.Trim(), StringComparison.OrdinalIgnoreCase) : a != null && a.Equals(b);

        private static Finding UnknownKey(DefinitionSchema schema, string key, string target)
        {
            var closest = Closest.To(key, schema.KnownNames, 1);
            var hint = closest.Count > 0 && Closest.Distance(key, closest[0]) <= Math.Max(3, key.Length / 2) ? $" Did you mean '{closest[0]}'?" : "";
            return ReadingRules.UnknownField.Finding(target, key, $"'{key}' is not a field of {schema.Description}.{hint}",
                $"Remove it or use one of: {schema.KnownNameList}.");
        }

        private static bool TryConvert(FieldKind kind, object raw, out object? value, out string problem)
        {
            value = null;
            problem = "";
            switch (kind)
            {
                case FieldKind.String:
                    if (raw is string s) { value = s; return true; }
                    if (raw is IDictionary || (raw is IEnumerable && !(raw is string))) { problem = $"must be text; got {Describe(raw)}."; return false; }
                    if (raw is IConvertible convertible) { value = convertible.ToString(CultureInfo.InvariantCulture); return true; }
                    problem = $"must be text; got {Describe(raw)}.";
                    return false;

                case FieldKind.Integer:
                    switch (raw)
                    {
                        case int _: value = raw; return true; // already boxed
                        case long l when l >= int.MinValue && l <= int.MaxValue: value = (int)l; return true;
                        case short sh: value = (int)sh; return true;
                        case byte b: value = (int)b; return true;
                        case double d when Math.Abs(d % 1) < double.Epsilon && d >= int.MinValue && d <= int.MaxValue: value = (int)d; return true;
                        case decimal m when m % 1 == 0 && m >= int.MinValue && m <= int.MaxValue: value = (int)m; return true;
                        case string text when int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): value = parsed; return true;
                    }
                    problem = $"must be a whole number; got {Describe(raw)}.";
                    return false;

                case FieldKind.Boolean:
                    switch (raw)
                    {
                        case bool _: value = raw; return true;
                        case int i when i == 0 || i == 1: value = i == 1; return true;
                        case string text when bool.TryParse(text.Trim(), out var parsed): value = parsed; return true;
                    }
                    problem = $"must be $true or $false; got {Describe(raw)}.";
                    return false;

                case FieldKind.StringMap:
                {
                    var map = AsDictionary(raw);
                    if (map == null) { problem = $"must be a hashtable of text keys and text values; got {Describe(raw)}."; return false; }
                    var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
                    var entries = map.GetEnumerator();
                    while (entries.MoveNext())
                    {
                        var entry = new DictionaryEntry(entries.Key, entries.Value);
                        var key = entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                        if (entry.Value is string text) result[key] = text;
                        else if (entry.Value == null) result[key] = "";
                        else if (entry.Value is IConvertible c && !(entry.Value is IEnumerable)) result[key] = c.ToString(CultureInfo.InvariantCulture);
                        else { problem = $"['{key}'] must be text; got {Describe(entry.Value)}."; return false; }
                    }
                    value = result;
                    return true;
                }

                case FieldKind.StringList:
                {
                    if (raw is string single)
                    {
                        // A JSON array in a string is how a CSV cell (and the models' text form) carries a list.
                        if (!single.TrimStart().StartsWith("[", StringComparison.Ordinal)) { value = new List<string> { single }; return true; }
                        try
                        {
                            using var doc = JsonDocument.Parse(single);
                            raw = JsonPlain.From(doc.RootElement, StringComparer.Ordinal) ?? new List<object?>();
                        }
                        catch (JsonException)
                        {
                            value = new List<string> { single };
                            return true;
                        }
                    }
                    if (raw is IDictionary || !(raw is IEnumerable items)) { problem = $"must be a list of text; got {Describe(raw)}."; return false; }
                    var list = new List<string>();
                    foreach (var item in items)
                    {
                        if (item is string text) list.Add(text);
                        else { problem = $"must be a list of text; one item is {Describe(item)}."; return false; }
                    }
                    value = list;
                    return true;
                }

                case FieldKind.MapOfStringMaps:
                {
                    var map = AsDictionary(raw);
                    if (map == null) { problem = $"must be a hashtable whose values are hashtables of text; got {Describe(raw)}."; return false; }
                    var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                        if (!TryConvert(FieldKind.StringMap, entry.Value ?? new Hashtable(), out var inner, out var innerProblem))
                        {
                            problem = $"['{key}'] " + innerProblem;
                            return false;
                        }
                        result[key] = (Dictionary<string, string>)inner!;
                    }
                    value = result;
                    return true;
                }
            }
            problem = "cannot be read.";
            return false;
        }

        /// <summary>
        /// A value that says nothing: $null, blank text, an empty list or map, or the text of an empty JSON object or array
        /// (how a CSV cell carries an empty map or list).
        /// </summary>
        public static bool IsEmpty(object? value)
        {
            switch (value)
            {
                case null: return true;
                case string text:
                    var trimmed = text.Trim();
                    return trimmed.Length == 0 || trimmed == "{}" || trimmed == "[]";
                case ICollection collection: return collection.Count == 0;
                default: return false;
            }
        }

        /// <summary>A dictionary, or a JSON object in a string (how a CSV cell or the AWS CLI carries a map).</summary>
        private static IDictionary? AsDictionary(object raw)
        {
            if (raw is IDictionary dictionary) return dictionary;
            if (!(raw is string text) || !text.TrimStart().StartsWith("{", StringComparison.Ordinal)) return null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                return JsonPlain.From(doc.RootElement, StringComparer.Ordinal) as IDictionary;
            }
            catch (JsonException)
            {
                return null;
            }
        }


        private static string ExpectedForm(FieldSpec field)
        {
            switch (field.Kind)
            {
                case FieldKind.Integer: return $"Give {field.Name} as a number, e.g. {field.Name} = 5000.";
                case FieldKind.Boolean: return $"Give {field.Name} as $true or $false.";
                case FieldKind.StringMap: return $"Give {field.Name} as a hashtable, e.g. @{{ 'key' = 'value' }}.";
                case FieldKind.StringList: return $"Give {field.Name} as a list of text, e.g. @('a', 'b').";
                case FieldKind.MapOfStringMaps: return $"Give {field.Name} as @{{ '200' = @{{ 'key' = 'value' }} }}.";
                default: return $"Give {field.Name} as text.";
            }
        }

        /// <summary>"the number 12", "a list of 3 items", "the text 'abc'" — for messages; long text is cut.</summary>
        public static string Describe(object? value)
        {
            switch (value)
            {
                case null: return "nothing ($null)";
                case string s: return s.Length > 40 ? $"the text '{Printable(s.Substring(0, 40))}…'" : $"the text '{Printable(s)}'";
                case bool b: return b ? "$true" : "$false";
                case IDictionary d: return $"a hashtable of {d.Count} entries";
                case ICollection c: return $"a list of {c.Count} items";
                case IEnumerable _: return "a list";
                case IConvertible c when c.GetTypeCode() != TypeCode.Object: return $"the {c.GetTypeCode().ToString().ToLowerInvariant()} {c.ToString(CultureInfo.InvariantCulture)}";
                default: return "a " + value.GetType().Name;
            }
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string Printable(string text) =>
            new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    /// <summary>
    /// The values of a definition that could be read, by canonical field name. Kept in arrays indexed by the field's place in
    /// its schema (no dictionary per definition), with the key each field was read from, to tell a field given twice.
    /// </summary>
    internal sealed class DefinitionValues
    {
        private readonly DefinitionSchema? _schema;
        private readonly object?[] _values;
        private readonly string?[] _keys;

        internal DefinitionValues(DefinitionSchema schema)
        {
            _schema = schema;
            _values = new object?[schema.Fields.Count];
            _keys = new string?[schema.Fields.Count];
        }

        public IEnumerable<string> Names
        {
            get
            {
                for (var i = 0; i < _values.Length; i++)
                    if (_values[i] != null) yield return _schema!.Fields[i].Name;
            }
        }

        public bool Has(string name) => Get(name) != null;

        /// <summary>The value read for <paramref name="field"/>, or null.</summary>
        public object? Get(FieldSpec field) => _values[field.Index];

        internal string? KeyOf(FieldSpec field) => _keys[field.Index];

        internal void SetKey(FieldSpec field, string key) => _keys[field.Index] = key;

        internal void Set(FieldSpec field, object? value) => _values[field.Index] = value;

        public string? String(string name) => Get(name) as string;

        public int? Integer(string name) => Get(name) as int?;

        public bool? Boolean(string name) => Get(name) as bool?;

        public Dictionary<string, string>? Map(string name) => Get(name) as Dictionary<string, string>;

        public List<string>? List(string name) => Get(name) as List<string>;

        public Dictionary<string, Dictionary<string, string>>? MapOfMaps(string name) => Get(name) as Dictionary<string, Dictionary<string, string>>;

        private object? Get(string name)
        {
            var index = _schema!.IndexOf(name);
            return index < 0 ? null : _values[index];
        }
    }
}
