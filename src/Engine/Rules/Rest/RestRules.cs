using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>The rules about REST API (v1) integration definitions, one class per rule in this folder.</summary>
    internal static class RestRules
    {
        public static readonly IReadOnlyList<Rule<RestIntegrationDefinition>> All = new Rule<RestIntegrationDefinition>[]
        {
            new RestMethodTargetRule(),
            new RestMethodHttpMethodRule(),
            new RestIntegrationTypeRule(),
            new RestBackendMethodRequiredRule(),
            new RestBackendMethodValueRule(),
            new RestMockHasNoBackendRule(),
            new RestUriRequiredRule(),
            new RestHttpUriRule(),
            new RestAwsUriRule(),
            new RestLambdaUriRule(),
            new RestConnectionTypeRule(),
            new RestVpcLinkRule(),
            new RestPassthroughBehaviorRule(),
            new RestContentHandlingRule(),
            new RestResponseTransferModeRule(),
            new RestTimeoutRule(),
            new RestRequestParameterKeyRule(),
            new RestRequestParameterValueRule(),
            new RestRequestTemplateKeyRule(),
            new RestTlsConfigRule(),
            new RestCredentialsRule(),
            new RestCacheKeyParameterRule(),
            new RestDeclaredMethodParameterRule(),
            new RestIntegrationTargetRule(),
        };

        /// <summary>The rules about integration responses of REST API methods.</summary>
        public static readonly IReadOnlyList<Rule<RestIntegrationResponseDefinition>> Responses = new Rule<RestIntegrationResponseDefinition>[]
        {
            new RestResponseTargetRule(),
            new RestResponseStatusCodeRule(),
            new RestResponseContentHandlingRule(),
            new RestResponseParameterKeyRule(),
            new RestResponseParameterValueRule(),
            new RestResponseTemplateKeyRule(),
            new RestSelectionPatternRule(),
        };

        /// <summary>IT1001 and IT1002 for a bare method target (Get-, Remove- and Update- cmdlets).</summary>
        public static List<Finding> CheckTarget(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod)
        {
            var target = new RestIntegrationDefinition
            {
                RestApiId = restApiId,
                ResourceId = resourceId,
                ResourcePath = resourcePath,
                HttpMethod = httpMethod?.Trim().ToUpperInvariant(),
            };
            var findings = new List<Finding>();
            findings.AddRange(new RestMethodTargetRule().Check(target, RuleContext.Offline));
            findings.AddRange(new RestMethodHttpMethodRule().Check(target, RuleContext.Offline));
            return findings;
        }
    }
}
