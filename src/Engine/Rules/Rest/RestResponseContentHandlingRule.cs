using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1103: the response content handling is CONVERT_TO_BINARY or CONVERT_TO_TEXT (or absent: pass through).</summary>
    internal sealed class RestResponseContentHandlingRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1103", Severity.Error,
            "The response content handling is CONVERT_TO_BINARY or CONVERT_TO_TEXT",
            "ContentHandling converts the response payload between Base64 text and binary; without it the payload passes through unchanged. No other value exists.");

        public RestResponseContentHandlingRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context)
        {
            var value = definition.ContentHandling;
            if (value == null || RestFacts.ContentHandlings.Contains(value)) yield break;
            yield return Finding(definition.Target, "ContentHandling",
                RestFacts.NotOneOf("ContentHandling", value, RestFacts.ContentHandlings, "a content handling strategy"),
                "Use CONVERT_TO_BINARY or CONVERT_TO_TEXT, or leave ContentHandling out to pass the payload through unchanged.");
        }

        public override IDictionary FailingExample => RestExamples.Response(("ContentHandling", "CONVERT_TO_BASE64"));

        public override IDictionary PassingExample => RestExamples.Response(("ContentHandling", "CONVERT_TO_TEXT"));
    }
}
