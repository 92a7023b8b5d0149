using System.Collections.Generic;
using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>The rules about HTTP and WebSocket API (v2) integration definitions, one class per rule in this folder.</summary>
    public static class ApiRules
    {
        public static readonly IReadOnlyList<Rule<ApiIntegrationDefinition>> All = new Rule<ApiIntegrationDefinition>[]
        {
        };
    }
}
