using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>The rules about integration responses of WebSocket APIs (v2), one class per rule in this folder.</summary>
    internal static class ApiIntegrationResponseRules
    {
        public static readonly IReadOnlyList<Rule<ApiIntegrationResponseDefinition>> All = new Rule<ApiIntegrationResponseDefinition>[]
        {
            new ApiIntegrationResponseProtocolRule(),
            new ApiIntegrationResponseKeyRule(),
            new ApiIntegrationResponseContentHandlingRule(),
            new ApiIntegrationResponseParametersRule(),
        };
    }
}
