using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>The rules about HTTP and WebSocket API (v2) integration definitions, one class per rule in this folder.</summary>
    internal static class ApiRules
    {
        public static readonly IReadOnlyList<Rule<ApiIntegrationDefinition>> All = new Rule<ApiIntegrationDefinition>[]
        {
            new ApiIntegrationTypeRule(),               // IT2001
            new ApiHttpIntegrationTypeRule(),           // IT2002
            new ApiWebSocketOnlyFieldsRule(),           // IT2003
            new ApiHttpOnlyFieldsRule(),                // IT2004
            new ApiPayloadFormatVersionRule(),          // IT2005
            new ApiPayloadFormatRequiredRule(),         // IT2006
            new ApiIntegrationSubtypeRule(),            // IT2007
            new ApiSubtypeRequestParametersRule(),      // IT2008
            new ApiSubtypeCredentialsRule(),            // IT2009
            new ApiIntegrationUriRule(),                // IT2010
            new ApiIntegrationMethodRule(),             // IT2011
            new ApiTlsServerNameRule(),                 // IT2012
            new ApiPrivateIntegrationRule(),            // IT2013
            new ApiTimeoutRule(),                       // IT2014
            new ApiEnumValuesRule(),                    // IT2015
            new ApiHttpRequestParameterKeyRule(),       // IT2016
            new ApiReservedHeaderRule(),                // IT2017
            new ApiHttpMappingValueRule(),              // IT2018
            new ApiResponseParametersRule(),            // IT2019
            new ApiWebSocketRequestParameterRule(),     // IT2020
            new ApiLengthLimitsRule(),                  // IT2021
            new ApiCredentialsArnRule(),                // IT2022
        };
    }
}
