using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1014: the request content handling is CONVERT_TO_BINARY or CONVERT_TO_TEXT (or absent: pass through).</summary>
    internal sealed class RestContentHandlingRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1014", Severity.Error,
            "The content handling is CONVERT_TO_BINARY or CONVERT_TO_TEXT",
            "ContentHandling converts the request payload between Base64 text and binary; without it the payload passes through unchanged. No other value exists.");

        public RestContentHandlingRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.ContentHandling;
            if (value == null || RestFacts.ContentHandlings.Contains(value)) yield break;
            yield return Finding(definition.Target, "ContentHandling",
                RestFacts.NotOneOf("ContentHandling", value, RestFacts.ContentHandlings, "a content handling strategy"),
                "Use CONVERT_TO_BINARY or CONVERT_TO_TEXT, or leave ContentHandling out to pass the payload through unchanged.");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("ContentHandling", "PASSTHROUGH"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("ContentHandling", "CONVERT_TO_TEXT"));
    }
}
