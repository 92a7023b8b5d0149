using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1002: the method being integrated (the {http_method} of the request path) is an HTTP method API Gateway knows.</summary>
    internal sealed class RestMethodHttpMethodRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1002", Severity.Error,
            "The integrated method is GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY",
            "REST API methods are named by these HTTP methods only; any other name is not a method the API can have.");

        public RestMethodHttpMethodRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context) =>
            definition.HttpMethod == null || System.Array.IndexOf(RestFacts.HttpMethods, definition.HttpMethod) >= 0
                ? System.Array.Empty<Finding>()
                : CheckMethod(Info, definition.Target, definition.HttpMethod);

        internal static IEnumerable<Finding> CheckMethod(RuleInfo info, string target, string? httpMethod)
        {
            if (httpMethod == null || RestFacts.HttpMethods.Contains(httpMethod)) yield break;
            yield return info.Finding(target, "HttpMethod",
                RestFacts.NotOneOf("HttpMethod", httpMethod, RestFacts.HttpMethods, "an HTTP method of a REST API"),
                $"Use {RestFacts.OneOf(RestFacts.HttpMethods)}; it names the method of the resource that is integrated, not the backend's method (IntegrationHttpMethod).");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("HttpMethod", "FETCH"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("HttpMethod", "GET"));
    }
}
