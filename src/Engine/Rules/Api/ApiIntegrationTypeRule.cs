using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2001: every integration has a type, one of AWS, AWS_PROXY, HTTP, HTTP_PROXY and MOCK.</summary>
    internal sealed class ApiIntegrationTypeRule : ApiRule
    {
        public ApiIntegrationTypeRule() : base(new RuleInfo("IT2001", Severity.Error,
            "The integration type is missing or unknown",
            "CreateIntegration requires IntegrationType, and the service knows only AWS, AWS_PROXY, HTTP, HTTP_PROXY and MOCK; anything else is refused."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var type = definition.IntegrationType;
            if (string.IsNullOrEmpty(type))
            {
                yield return Finding(definition.Target, nameof(definition.IntegrationType),
                    "The integration has no IntegrationType.",
                    $"Add IntegrationType: one of {ApiRuleText.List(ApiIntegrationValues.IntegrationTypes)} (HTTP APIs: AWS_PROXY or HTTP_PROXY).");
                yield break;
            }
            if (ApiIntegrationValues.IntegrationTypes.Contains(type)) yield break;
            var upper = type!.ToUpperInvariant();
            var hint = ApiIntegrationValues.IntegrationTypes.Contains(upper)
                ? $" The service wants it upper-case: '{upper}'."
                : ApiRuleText.DidYouMean(type, ApiIntegrationValues.IntegrationTypes);
            yield return Finding(definition.Target, nameof(definition.IntegrationType),
                $"'{type}' is not an integration type.{hint}",
                $"Use one of {ApiRuleText.List(ApiIntegrationValues.IntegrationTypes)}.");
        }

        public override IDictionary FailingExample => ApiExamples.LambdaProxy(("IntegrationType", "LAMBDA"));

        public override IDictionary PassingExample => ApiExamples.LambdaProxy();
    }
}
