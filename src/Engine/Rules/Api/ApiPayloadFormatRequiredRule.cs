using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2006: AWS_PROXY integrations of HTTP APIs name their payload format version.</summary>
    internal sealed class ApiPayloadFormatRequiredRule : ApiRule
    {
        public ApiPayloadFormatRequiredRule() : base(new RuleInfo("IT2006", Severity.Error,
            "AWS_PROXY integrations of HTTP APIs need a payload format version",
            "The service requires PayloadFormatVersion for AWS_PROXY integrations of HTTP APIs: it decides which event a Lambda function receives."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (ApiRuleText.Type(definition) != ApiIntegrationValues.AwsProxy || ApiRuleText.Has(definition.PayloadFormatVersion)) yield break;
            yield return Finding(definition.Target, nameof(definition.PayloadFormatVersion),
                "An AWS_PROXY integration of an HTTP API has no PayloadFormatVersion.",
                ApiRuleText.Has(definition.IntegrationSubtype)
                    ? "Add PayloadFormatVersion = '1.0' (AWS service integrations take only 1.0)."
                    : "Add PayloadFormatVersion = '2.0' (the current Lambda event format), or '1.0' for functions written for the REST API event.");
        }

        public override IDictionary FailingExample => ApiExamples.LambdaProxy(("PayloadFormatVersion", null));

        public override IDictionary PassingExample => ApiExamples.LambdaProxy();

        protected override string OnlyOn => ApiIntegrationValues.Http;
    }
}
