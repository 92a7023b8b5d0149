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
        /// <summary>Tells a REST definition from an HTTP/WebSocket one by the fields only one of them has.</summary>
        public static DefinitionKind Detect(object? input)
        {
            if (!(input is IDictionary dictionary)) return DefinitionKind.Auto;
            int rest = 0, api = 0;
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                var key = entries.Key as string ?? Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? "";
                var inRest = RestIntegrationDefinition.Schema.Find(key) != null || RestIntegrationDefinition.Schema.Container(key) != null;
                var inApi = ApiIntegrationDefinition.Schema.Find(key) != null || ApiIntegrationDefinition.Schema.Container(key) != null;
                if (inRest && !inApi) rest++;
                if (inApi && !inRest) api++;
            }
            return rest > api ? DefinitionKind.Rest : api > rest ? DefinitionKind.Api : DefinitionKind.Auto;
        }
    }
}
