using System.Collections.Specialized;
using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// A definition as an export file holds it: exactly what re-applies, derived from the family's field table. The
    /// target fields come first (RestApiId, ResourcePath, HttpMethod; ApiId, ProtocolType), then the integration's own
    /// fields, each in table order; maps are ordered by key. Left out: read-only echoes (Outcome, IntegrationResponses),
    /// ids the service assigns (ResourceId when the resource path is known, IntegrationId), empty values, and values that
    /// equal the default the table declares for the definition (connection INTERNET, passthrough WHEN_NO_MATCH, a cache
    /// namespace that is the resource's id, a timeout of 29,000 ms ...), which the service fills in again wherever the
    /// definition is applied. A field added to a table is exported without further edits.
    /// </summary>
    internal static class DefinitionExport
    {
        /// <summary>
        /// Reads plain data (a hashtable, or the plain form of a Get-RestIntegration, Get-RestIntegrationResponse or
        /// Get-ApiIntegration output object) and returns its export, or null when it cannot be read: the reading problems
        /// (unknown fields, wrong kinds of value, no kind of definition at all) go to <paramref name="findings"/>.
        /// </summary>
        public static OrderedDictionary? Read(object? input, ICollection<Finding> findings, string label)
        {
            var read = new List<Finding>();
            OrderedDictionary? exported = null;
            var kind = KindOf(input);
            switch (kind)
            {
                case ExportKind.RestIntegration:
                    exported = Of(RestIntegrationDefinition.Read(input, read, label));
                    break;
                case ExportKind.RestIntegrationResponse:
                    exported = Of(RestIntegrationResponseDefinition.Read(input, read, label));
                    break;
                case ExportKind.ApiIntegration:
                    exported = Of(ApiIntegrationDefinition.Read(input, read, label));
                    break;
                case ExportKind.ApiIntegrationResponse:
                    read.Add(ReadingRules.UnknownKind.Finding(label, null,
                        "Integration responses of WebSocket APIs are not exported: their integration id names an integration of one API only.",
                        "Export the integrations (Get-ApiIntegration) and REST integration responses (Get-RestIntegrationResponse); create WebSocket integration responses with New-ApiIntegrationResponse."));
                    break;
                default:
                    if (input is IDictionary)
                        read.Add(ReadingRules.UnknownKind.Finding(label, null,
                            "The definition has neither the fields of a REST API integration or integration response (RestApiId, ResourcePath, StatusCode, …) nor those of an HTTP or WebSocket API integration (ApiId, IntegrationType, …).",
                            "Add RestApiId or ApiId, or pipe the output of Get-RestIntegration, Get-RestIntegrationResponse or Get-ApiIntegration."));
                    else RestIntegrationDefinition.Read(input, read, label); // says what the input is instead of a definition
                    break;
            }
            if (exported != null && KindOf(exported) != kind && !read.Any(f => f.Severity == Severity.Error))
            {
                // What is written must read back as the same kind of definition.
                read.Add(ReadingRules.UnknownKind.Finding(label, null,
                    "Without its empty values and the service's defaults, the definition no longer says whether it is a REST API or an HTTP/WebSocket API definition"
                    + (exported.Count == 0 ? " (nothing of it is left)." : $" (only {string.Join(", ", exported.Keys.Cast<string>())} are left)."),
                    "Add RestApiId or ApiId, and the fields of the integration."));
            }
            foreach (var finding in read) findings.Add(finding);
            return read.Any(f => f.Severity == Severity.Error) ? null : exported;
        }

        /// <summary>The export of a REST API integration definition.</summary>
        public static OrderedDictionary Of(RestIntegrationDefinition definition) =>
            Of(RestIntegrationDefinition.Schema, definition, new FieldContext { ResourceId = definition.ResourceId, DefinedType = definition.Type });

        /// <summary>The export of a REST API integration response definition.</summary>
        public static OrderedDictionary Of(RestIntegrationResponseDefinition definition) =>
            Of(RestIntegrationResponseDefinition.Schema, definition, new FieldContext { ResourceId = definition.ResourceId });

        /// <summary>The export of an HTTP or WebSocket API integration definition; the defaults are those of its ProtocolType (HTTP when it names none).</summary>
        public static OrderedDictionary Of(ApiIntegrationDefinition definition) =>
            Of(ApiIntegrationDefinition.Schema, definition, new FieldContext
            {
                WebSocket = string.Equals(definition.ProtocolType?.Trim(), ApiIntegrationValues.WebSocket, StringComparison.OrdinalIgnoreCase),
                DeployedType = definition.IntegrationType?.Trim(),
            });

        /// <summary>The fields of <paramref name="definition"/> that re-apply, by <paramref name="schema"/>: targets first, then the route keys that name an HTTP or WebSocket integration, then the integration's fields.</summary>
        internal static OrderedDictionary Of(DefinitionSchema schema, object definition, FieldContext context)
        {
            var exported = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var role in new[] { FieldRole.Target, FieldRole.Route, FieldRole.Integration })
            {
                foreach (var field in schema.Fields)
                {
                    if (field.Role != role || !Exported(schema, field, definition)) continue;
                    var value = Plain(field, FieldValues.Get(definition, field));
                    if (value != null && !IsDefault(field, value, context)) exported[field.Name] = value;
                }
            }
            return exported;
        }

        private static bool Exported(DefinitionSchema schema, FieldSpec field, object definition)
        {
            if (!field.AssignedByService) return true;
            // A service-assigned id stays only when nothing else names the object (a resource given by id alone).
            var portable = field.PortableName == null ? null : schema.Find(field.PortableName);
            return portable != null && Plain(portable, FieldValues.Get(definition, portable)) == null;
        }

        /// <summary>The value as an export holds it (text trimmed, maps ordered by key, lists as arrays), or null when it says nothing.</summary>
        private static object? Plain(FieldSpec field, object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    if (field.EmptyIsValue && text.Length == 0) return text;
                    return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
                case IDictionary<string, Dictionary<string, string>> maps:
                    var outer = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var pair in maps.OrderBy(p => p.Key, StringComparer.Ordinal))
                        if (Ordered(pair.Value) is OrderedDictionary inner) outer[pair.Key] = inner;
                    return outer.Count == 0 ? null : outer;
                case IDictionary<string, string> map:
                    return Ordered(map);
                case IEnumerable<string> list:
                    var items = list.Where(item => !string.IsNullOrWhiteSpace(item)).ToArray();
                    return items.Length == 0 ? null : items;
                default:
                    return value; // numbers and flags
            }
        }

        private static OrderedDictionary? Ordered(IDictionary<string, string> map)
        {
            if (map.Count == 0) return null;
            var ordered = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var pair in map.OrderBy(p => p.Key, StringComparer.Ordinal)) ordered[pair.Key] = pair.Value ?? "";
            return ordered;
        }

        /// <summary>Whether <paramref name="value"/> is what the service fills in when the field is not given.</summary>
        private static bool IsDefault(FieldSpec field, object value, FieldContext context)
        {
            var fallback = field.DefaultIn(context);
            if (fallback == null) return false;
            if (value is string text && fallback is string expected)
                return string.Equals(text, expected, field.Enumerated ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            return fallback.Equals(value);
        }

        private enum ExportKind
        {
            Unknown,
            RestIntegration,
            RestIntegrationResponse,
            ApiIntegration,
            ApiIntegrationResponse,
        }

        /// <summary>
        /// Which definition plain data is: a member only integration responses have (StatusCode; IntegrationResponseKey)
        /// tells them from integrations, the fields only one family has tell REST from HTTP/WebSocket.
        /// </summary>
        private static ExportKind KindOf(object? input)
        {
            if (!(input is IDictionary dictionary)) return ExportKind.Unknown;
            var family = DefinitionKinds.Detect(input);
            foreach (var key in dictionary.Keys)
            {
                var name = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture);
                if (family != DefinitionKind.Api && string.Equals(name, nameof(RestIntegrationResponseDefinition.StatusCode), StringComparison.OrdinalIgnoreCase))
                    return ExportKind.RestIntegrationResponse;
                if (string.Equals(name, nameof(ApiIntegrationResponseDefinition.IntegrationResponseKey), StringComparison.OrdinalIgnoreCase))
                    return ExportKind.ApiIntegrationResponse;
            }
            return family == DefinitionKind.Rest ? ExportKind.RestIntegration
                : family == DefinitionKind.Api ? ExportKind.ApiIntegration
                : ExportKind.Unknown;
        }
    }
}
