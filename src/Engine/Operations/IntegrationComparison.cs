using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Compares a desired REST integration (what PutIntegration would send) with the live one, the service's defaults
    /// filled in on both sides: an emulator that leaves out timeoutInMillis 29000, passthroughBehavior WHEN_NO_MATCH,
    /// connectionType INTERNET or cacheNamespace = the resource id compares equal to AWS, which returns them. PutIntegration
    /// replaces the whole integration, so every member counts: one the definition leaves out is its default.
    /// </summary>
    internal static class RestIntegrationComparison
    {
        /// <summary>
        /// The members (definition field names) in which <paramref name="live"/> differs from <paramref name="desired"/>
        /// on the resource <paramref name="resourceId"/>; empty when applying the definition would change nothing.
        /// </summary>
        public static List<string> Differences(RestIntegrationDefinition desired, RestIntegration live, string resourceId)
        {
            if (desired == null) throw new ArgumentNullException(nameof(desired));
            if (live == null) throw new ArgumentNullException(nameof(live));
            // The same comparison Test-ApiIntegration -Live reports as drift (IT3006), one finding per differing member.
            return Rules.LiveRules.Drift(desired, RestIntegrationDefinition.FromModel(live), resourceId)
                .Select(f => f.Field!).Distinct(StringComparer.Ordinal).ToList();
        }

        internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    /// <summary>
    /// Compares the members an HTTP or WebSocket API integration definition names with the live integration, the
    /// service's defaults filled in where the live integration leaves a member out (timeoutInMillis 30000 on HTTP APIs
    /// and 29000 on WebSocket APIs, connectionType INTERNET, payloadFormatVersion 1.0 and passthroughBehavior
    /// WHEN_NO_MATCH on WebSocket APIs). Members the definition does not name are not compared: UpdateIntegration
    /// leaves them as they are. Map members follow UpdateIntegration's merge: each named key must have the named value,
    /// and a key named with an empty value must be absent.
    /// </summary>
    internal static class ApiIntegrationComparison
    {
        /// <summary>The members (definition field names) <paramref name="desired"/> names whose value <paramref name="live"/> does not have.</summary>
        public static List<string> Differences(ApiIntegrationDefinition desired, ApiIntegration live)
        {
            var d = desired ?? throw new ArgumentNullException(nameof(desired));
            var l = live ?? throw new ArgumentNullException(nameof(live));
            var context = new FieldContext
            {
                WebSocket = string.Equals(l.ProtocolType, ApiIntegrationValues.WebSocket, StringComparison.OrdinalIgnoreCase),
                DeployedType = l.IntegrationType,
            };
            var differences = new List<string>();
            foreach (var field in ApiIntegrationDefinition.Schema.IntegrationFields)
            {
                var wanted = FieldValues.Get(d, field);
                if (wanted == null || !field.ComparedIn(context)) continue;
                if (!Holds(field, wanted, FieldValues.Get(l, field), field.DefaultIn(context))) differences.Add(field.Name);
            }
            return differences;
        }

        private static bool Holds(FieldSpec field, object wanted, object? actual, object? fallback)
        {
            switch (field.Kind)
            {
                case FieldKind.Integer:
                    return (int)wanted == ((int?)actual ?? (int?)fallback);
                case FieldKind.StringMap:
                    return MapHolds((Dictionary<string, string>)wanted, (IReadOnlyDictionary<string, string>?)actual);
                case FieldKind.MapOfStringMaps:
                    var live = (Dictionary<string, Dictionary<string, string>>?)actual;
                    foreach (var status in (Dictionary<string, Dictionary<string, string>>)wanted)
                    {
                        Dictionary<string, string>? present = null;
                        live?.TryGetValue(status.Key, out present);
                        var holds = status.Value.Count == 0 ? present == null || present.Count == 0 : present != null && MapHolds(status.Value, present);
                        if (!holds) return false;
                    }
                    return true;
                default:
                    var want = RestIntegrationComparison.Text(wanted as string) ?? fallback as string;
                    var have = RestIntegrationComparison.Text(actual as string) ?? fallback as string;
                    return string.Equals(want, have, field.Enumerated ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            }
        }

        /// <summary>
        /// The part of <paramref name="patch"/> that would change <paramref name="live"/>: a copy naming only the
        /// differing members (each whole, as the user gave it), or null when nothing differs.
        /// </summary>
        public static ApiIntegrationDefinition? Changes(ApiIntegrationDefinition patch, ApiIntegration live)
        {
            var differing = new HashSet<string>(Differences(patch, live), StringComparer.Ordinal);
            if (differing.Count == 0) return null;
            var changes = new ApiIntegrationDefinition { ApiId = patch.ApiId, IntegrationId = patch.IntegrationId };
            foreach (var field in ApiIntegrationDefinition.Schema.IntegrationFields)
                if (differing.Contains(field.Name)) FieldValues.Set(changes, field, FieldValues.Get(patch, field));
            return changes;
        }

        /// <summary>True when every key of <paramref name="wanted"/> has its value in <paramref name="actual"/> (an empty value: the key is absent).</summary>
        private static bool MapHolds(IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string>? actual)
        {
            foreach (var pair in wanted)
            {
                string? have = null;
                var present = actual != null && actual.TryGetValue(pair.Key, out have);
                if (string.IsNullOrEmpty(pair.Value))
                {
                    if (present) return false;
                }
                else if (!present || !string.Equals(pair.Value, have, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
