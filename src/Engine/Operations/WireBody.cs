using System.Text.Json;
using IntegrationTools.Definitions;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Request bodies built from a field table: each integration member a definition gives, under its wire name (nested
    /// members such as tlsConfig/insecureSkipVerification in their container). Members not given are not sent.
    /// </summary>
    internal static class WireBody
    {
        /// <summary>
        /// The body for <paramref name="definition"/>. Without <paramref name="keepEmpty"/>, empty maps and lists are left out
        /// (PutIntegration and CreateIntegration assume them anyway); with it they are sent (UpdateIntegration: they clear).
        /// <paramref name="wireOrder"/> orders the members by wire name instead of the table's order. The keys of a map
        /// are in ordinal order, whatever order the definition gave them in: a PowerShell hashtable enumerates its keys in
        /// an order that differs from one process to the next, and the same definition must send (and show with -WhatIf
        /// and -Verbose) the same request.
        /// </summary>
        public static Dictionary<string, object> From(DefinitionSchema schema, object definition, bool keepEmpty, bool wireOrder)
        {
            var body = new Dictionary<string, object>(StringComparer.Ordinal);
            var fields = schema.IntegrationFields.Where(f => f.Wire != null);
            if (wireOrder) fields = fields.OrderBy(f => f.Wire, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var value = Sorted(FieldValues.Get(definition, field));
                if (value == null || (!keepEmpty && value is ICollection c && c.Count == 0)) continue;
                if (field.Container == null)
                {
                    body[field.Wire!] = value;
                    continue;
                }
                if (!body.TryGetValue(field.Container, out var nested)) body[field.Container] = nested = new Dictionary<string, object>(StringComparer.Ordinal);
                ((Dictionary<string, object>)nested)[field.WireMember!] = value;
            }
            return body;
        }

        private static object? Sorted(object? value)
        {
            if (!(value is IDictionary map)) return value;
            var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map) sorted[(string)entry.Key] = Sorted(entry.Value);
            return sorted;
        }

        /// <summary>A body read back as the wire shape <typeparamref name="T"/> (what the service would answer with it).</summary>
        public static T? As<T>(Dictionary<string, object> body) where T : class =>
            JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(body, Wire.WireJson.Options), Wire.WireJson.Options);
    }
}
