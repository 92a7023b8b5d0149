using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Writes definitions (the plain data of <see cref="DefinitionExport"/>: dictionaries, arrays, text, numbers and
    /// flags) as a JSON or YAML definitions document that <see cref="DefinitionDocument"/> reads back to the same values:
    /// a list of definitions, keys in the order given, text that would read as something else in YAML (2.0, true, 0123,
    /// '') quoted, multi-line text (mapping templates) as a literal block where YAML allows it, other line breaks and
    /// control characters escaped in double quotes, no line folding.
    /// </summary>
    internal static class DefinitionWriter
    {
        /// <summary>The document's text, ending with a line break.</summary>
        public static string Write(IEnumerable<IDictionary> definitions, DefinitionFormat format)
        {
            if (definitions == null) throw new ArgumentNullException(nameof(definitions));
            switch (format)
            {
                case DefinitionFormat.Json:
                    return Json(definitions);
                case DefinitionFormat.Yaml:
                    return Yaml(definitions);
                default:
                    throw new ArgumentException("Say whether to write JSON or YAML.", nameof(format));
            }
        }

        #region JSON

        private static string Json(IEnumerable<IDictionary> definitions)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                Indented = true,
                // Templates and URIs stay readable: only what JSON requires is escaped (quotes, backslashes, control characters).
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                writer.WriteStartArray();
                foreach (var definition in definitions) JsonValue(writer, definition);
                writer.WriteEndArray();
            }
            return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
        }

        private static void JsonValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case int _:
                case long _:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Key(entry.Key));
                        JsonValue(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) JsonValue(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    throw new ArgumentException($"A definition value of type {value.GetType().Name} cannot be written.", nameof(value));
            }
        }

        #endregion

        #region YAML

        private static string Yaml(IEnumerable<IDictionary> definitions)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, indentSequences: true, newLine: "\n");
            var emitter = new Emitter(text, settings);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            var any = false;
            foreach (var _ in definitions)
            {
                any = true;
                break;
            }
            emitter.Emit(new SequenceStart(null, null, true, any ? SequenceStyle.Block : SequenceStyle.Flow));
            foreach (var definition in definitions) YamlValue(emitter, definition);
            emitter.Emit(new SequenceEnd());
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            var result = text.ToString();
            return result.EndsWith("\n", StringComparison.Ordinal) ? result : result + "\n";
        }

        private static void YamlValue(IEmitter emitter, object? value)
        {
            switch (value)
            {
                case null:
                    emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                    break;
                case string text:
                    YamlText(emitter, text);
                    break;
                case bool flag:
                    emitter.Emit(new Scalar(null, null, flag ? "true" : "false", ScalarStyle.Plain, true, false));
                    break;
                case int _:
                case long _:
                    emitter.Emit(new Scalar(null, null, Convert.ToString(value, CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                    break;
                case IDictionary map:
                    emitter.Emit(new MappingStart(null, null, true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                    foreach (DictionaryEntry entry in map)
                    {
                        YamlText(emitter, Key(entry.Key));
                        YamlValue(emitter, entry.Value);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items) list.Add(item);
                    emitter.Emit(new SequenceStart(null, null, true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                    foreach (var item in list) YamlValue(emitter, item);
                    emitter.Emit(new SequenceEnd());
                    break;
                default:
                    throw new ArgumentException($"A definition value of type {value.GetType().Name} cannot be written.", nameof(value));
            }
        }

        /// <summary>
        /// Text as text: plain when it reads back as the same text, double-quoted when a plain scalar would read as
        /// something else (a number, a flag, null, ''), a literal block for several lines (the emitter falls back to
        /// double quotes where a block cannot hold the text exactly).
        /// </summary>
        private static void YamlText(IEmitter emitter, string text)
        {
            ScalarStyle style;
            if (text.IndexOf('\n') >= 0 && text.IndexOf('\r') < 0 && text.Trim().Length > 0) style = ScalarStyle.Literal;
            else if (text.Any(c => char.IsControl(c) && c != '\t')
                     || !(DefinitionDocument.PlainScalar(text) is string same) || !string.Equals(same, text, StringComparison.Ordinal)) style = ScalarStyle.DoubleQuoted;
            else style = ScalarStyle.Any;
            emitter.Emit(new Scalar(null, null, text, style, true, true));
        }

        #endregion

        private static string Key(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";
    }
}
