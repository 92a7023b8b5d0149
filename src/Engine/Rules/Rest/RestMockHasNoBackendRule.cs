using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1006: a MOCK integration calls no backend, so it has no backend method (error) and no URI (ignored: warning).</summary>
    internal sealed class RestMockHasNoBackendRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1006", Severity.Error,
            "Mock integrations have no backend method or URI",
            "A MOCK integration answers from its templates without calling anything; a backend method or URI on it is a sign that another type was meant.");

        public RestMockHasNoBackendRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (definition.Type != "MOCK") yield break;
            if (definition.IntegrationHttpMethod != null)
                yield return Finding(definition.Target, "IntegrationHttpMethod",
                    $"A MOCK integration calls no backend, but IntegrationHttpMethod is {definition.IntegrationHttpMethod}.",
                    "Remove IntegrationHttpMethod, or use the type that calls a backend (HTTP, HTTP_PROXY, AWS, AWS_PROXY).");
            if (definition.Uri != null)
                yield return Info.Finding(Severity.Warning, definition.Target, "Uri",
                    $"A MOCK integration calls no backend; its Uri '{definition.Uri}' is not used.",
                    "Remove Uri, or use the type that calls it (HTTP, HTTP_PROXY, AWS, AWS_PROXY).");
        }

        public override IDictionary FailingExample => RestExamples.Mock(("IntegrationHttpMethod", "GET"));

        public override IDictionary PassingExample => RestExamples.Mock();
    }
}
