using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1003: the integration type is given and is one of HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY.</summary>
    internal sealed class RestIntegrationTypeRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1003", Severity.Error,
            "The integration type is HTTP, AWS, MOCK, HTTP_PROXY or AWS_PROXY",
            "PutIntegration requires the type, and every other setting of an integration depends on it.");

        public RestIntegrationTypeRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var type = definition.Type;
            if (type == null)
            {
                yield return Finding(definition.Target, "Type", "Type is missing.",
                    $"Give Type: {RestFacts.OneOf(RestFacts.IntegrationTypes)} (AWS_PROXY for a Lambda proxy integration, MOCK for a response without a backend).");
                yield break;
            }
            if (RestFacts.IsKnownType(type)) yield break;
            if (type.Contains("LAMBDA"))
            {
                yield return Finding(definition.Target, "Type", $"Type '{type}' is not an integration type: Lambda integrations are of type AWS_PROXY (proxy) or AWS (custom).",
                    "Use Type AWS_PROXY for a Lambda proxy integration or AWS for a Lambda custom integration.");
                yield break;
            }
            yield return Finding(definition.Target, "Type", RestFacts.NotOneOf("Type", type, RestFacts.IntegrationTypes, "an integration type"),
                $"Use {RestFacts.OneOf(RestFacts.IntegrationTypes)}.");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("Type", "HTTP_PROXIE"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("Type", "HTTP_PROXY"));
    }
}
