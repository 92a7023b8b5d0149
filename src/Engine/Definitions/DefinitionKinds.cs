using System.Globalization;

namespace IntegrationTools.Definitions
{
    /// <summary>Which kind of integration a definition describes.</summary>
    internal enum DefinitionKind
    {
        /// <summary>Decide from the definition's fields.</summary>
        Auto,
        /// <summary>A REST API (v1) method integration.</summary>
        Rest,
        /// <summary>An HTTP or WebSocket API (v2) integration.</summary>
        Api,
    }

    /// <summary>Which family a definition belongs to, told from its fields.</summary>
    internal static class DefinitionKinds
    {
        /// <summary>
        /// The family of every key a definition may have (field names, aliases, containers such as tlsConfig), taken from
        /// the two field tables: Rest or Api for a key of one of them, Auto for a key of both. One look-up per key.
        /// </summary>
        private static readonly Dictionary<string, DefinitionKind> Families = FamiliesOf(RestIntegrationDefinition.Schema, ApiIntegrationDefinition.Schema);

        /// <summary>Tells a REST definition from an HTTP/WebSocket one by the fields only one of them has.</summary>
        public static DefinitionKind Detect(object? input)
        {
            if (!(input is IDictionary dictionary)) return DefinitionKind.Auto;
            int rest = 0, api = 0;
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                var key = entries.Key as string ?? Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? "";
                if (!Families.TryGetValue(key, out var family)) continue;
                if (family == DefinitionKind.Rest) rest++;
                if (family == DefinitionKind.Api) api++;
            }
            return rest > api ? DefinitionKind.Rest : api > rest ? DefinitionKind.Api : DefinitionKind.Auto;
        }

        private static Dictionary<string, DefinitionKind> FamiliesOf(DefinitionSchema rest, DefinitionSchema api)
        {
            var families = new Dictionary<string, DefinitionKind>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in rest.Keys) families[key] = DefinitionKind.Rest;
            foreach (var key in api.Keys)
                families[key] = families.TryGetValue(key, out var known) && known != DefinitionKind.Api ? DefinitionKind.Auto : DefinitionKind.Api;
            return families;
        }
    }
}
