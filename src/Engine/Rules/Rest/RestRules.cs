using System.Collections.Generic;
using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>The rules about REST API (v1) integration definitions, one class per rule in this folder.</summary>
    public static class RestRules
    {
        public static readonly IReadOnlyList<Rule<RestIntegrationDefinition>> All = new Rule<RestIntegrationDefinition>[]
        {
        };
    }
}
