using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1004: HTTP, HTTP_PROXY, AWS and AWS_PROXY integrations name the method used to call the backend.</summary>
    internal sealed class RestBackendMethodRequiredRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1004", Severity.Error,
            "Integrations with a backend name the backend HTTP method",
            "API Gateway refuses an HTTP, HTTP_PROXY, AWS or AWS_PROXY integration without the method it calls the backend with (the wire member httpMethod).");

        public RestBackendMethodRequiredRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (!RestFacts.HasBackend(definition.Type) || definition.IntegrationHttpMethod != null) yield break;
            var fix = RestFacts.IsAws(definition.Type) && (definition.Type == "AWS_PROXY" || (definition.Uri ?? "").Contains(":lambda:"))
                ? "Give IntegrationHttpMethod POST: Lambda functions are always invoked with POST."
                : $"Give IntegrationHttpMethod, the method API Gateway calls the backend with: {RestFacts.OneOf(RestFacts.HttpMethods)}.";
            yield return Finding(definition.Target, "IntegrationHttpMethod",
                $"{RestFacts.Article(definition.Type, true)} {definition.Type} integration needs IntegrationHttpMethod (the backend's method); it is missing.", fix);
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("IntegrationHttpMethod", null));

        public override IDictionary PassingExample => RestExamples.HttpProxy();
    }
}
