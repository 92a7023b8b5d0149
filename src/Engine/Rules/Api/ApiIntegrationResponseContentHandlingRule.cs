using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2103: an integration response's content handling strategy is CONVERT_TO_BINARY or CONVERT_TO_TEXT.</summary>
    internal sealed class ApiIntegrationResponseContentHandlingRule : Rule<ApiIntegrationResponseDefinition>
    {
        public ApiIntegrationResponseContentHandlingRule() : base(new RuleInfo("IT2103", Severity.Error,
            "The content handling strategy of an integration response is not CONVERT_TO_BINARY or CONVERT_TO_TEXT",
            "Content handling converts the backend's payload between Base64 text and binary; the service knows only these two values (leave it out to pass the payload through)."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context)
        {
            var value = definition.ContentHandlingStrategy;
            if (string.IsNullOrEmpty(value) || ApiIntegrationValues.ContentHandlingStrategies.Contains(value)) yield break;
            yield return Finding(definition.Target, nameof(definition.ContentHandlingStrategy),
                $"'{value}' is not a content handling strategy.{ApiRuleText.DidYouMean(value!, ApiIntegrationValues.ContentHandlingStrategies)}",
                "Use CONVERT_TO_BINARY or CONVERT_TO_TEXT, or leave it out to pass the payload through unchanged.");
        }

        public override IDictionary FailingExample => ApiExamples.Response(("ContentHandlingStrategy", "CONVERT_TO_BASE64"));

        public override IDictionary PassingExample => ApiExamples.Response(("ContentHandlingStrategy", "CONVERT_TO_TEXT"));

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
