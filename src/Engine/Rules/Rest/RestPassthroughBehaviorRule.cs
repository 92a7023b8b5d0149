using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1013: the passthrough behavior is WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER.</summary>
    internal sealed class RestPassthroughBehaviorRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1013", Severity.Error,
            "The passthrough behavior is WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER",
            "These three values decide what happens to a request whose Content-Type has no mapping template; the service knows no others.");

        public RestPassthroughBehaviorRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.PassthroughBehavior;
            if (value == null || RestFacts.PassthroughBehaviors.Contains(value)) yield break;
            yield return Finding(definition.Target, "PassthroughBehavior",
                RestFacts.NotOneOf("PassthroughBehavior", value, RestFacts.PassthroughBehaviors, "a passthrough behavior"),
                "Use WHEN_NO_MATCH (pass unmapped content types through), WHEN_NO_TEMPLATES (pass through only when no template is defined) or NEVER (answer 415).");
        }

        public override IDictionary FailingExample => RestExamples.Mock(("PassthroughBehavior", "WHEN_NO_TEMPLATE"));

        public override IDictionary PassingExample => RestExamples.Mock(("PassthroughBehavior", "WHEN_NO_TEMPLATES"));
    }
}
