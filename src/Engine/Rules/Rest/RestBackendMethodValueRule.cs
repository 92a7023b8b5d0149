using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1005: the backend method is an HTTP method, and POST for Lambda (AWS_PROXY, or AWS calling Lambda).</summary>
    internal sealed class RestBackendMethodValueRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1005", Severity.Error,
            "The backend HTTP method is valid for the integration type",
            "The backend is called with GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY; Lambda's Invoke API takes only POST, so a Lambda integration with any other method fails on every call.");

        public RestBackendMethodValueRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var method = definition.IntegrationHttpMethod;
            if (method == null || definition.Type == "MOCK") yield break;
            if (!RestFacts.HttpMethods.Contains(method))
            {
                yield return Finding(definition.Target, "IntegrationHttpMethod",
                    RestFacts.NotOneOf("IntegrationHttpMethod", method, RestFacts.HttpMethods, "an HTTP method"),
                    $"Use {RestFacts.OneOf(RestFacts.HttpMethods)}.");
                yield break;
            }
            var callsLambda = definition.Type == "AWS_PROXY"
                || (definition.Type == "AWS" && definition.Uri != null && RestFacts.AwsUri.Match(definition.Uri) is var m && m.Success
                    && m.Groups["service"].Value == "lambda" && RestFacts.LambdaInvocationPath.IsMatch(m.Groups["api"].Value));
            if (callsLambda && method != "POST")
            {
                yield return Finding(definition.Target, "IntegrationHttpMethod",
                    $"IntegrationHttpMethod is {method}, but a {(definition.Type == "AWS_PROXY" ? "Lambda proxy (AWS_PROXY)" : "Lambda")} integration invokes the function with POST.",
                    "Set IntegrationHttpMethod to POST. The method clients call (HttpMethod) can stay what it is.");
            }
        }

        public override IDictionary FailingExample => RestExamples.LambdaProxy(("IntegrationHttpMethod", "GET"));

        public override IDictionary PassingExample => RestExamples.LambdaProxy(("IntegrationHttpMethod", "POST"));
    }
}
