using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2011: HTTP backends and WebSocket AWS integrations need an integration method, an HTTP method in upper case;
    /// Lambda is always invoked with POST.
    /// </summary>
    internal sealed class ApiIntegrationMethodRule : ApiRule
    {
        public ApiIntegrationMethodRule() : base(new RuleInfo("IT2011", Severity.Error,
            "The integration method is missing or not an HTTP method",
            "The integration method is the HTTP method API Gateway calls the backend with: HTTP backends and WebSocket AWS integrations need one, and Lambda functions are invoked with POST only."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var method = definition.IntegrationMethod;
            var type = ApiRuleText.Type(definition);
            const string field = nameof(ApiIntegrationDefinition.IntegrationMethod);
            if (ApiRuleText.Has(method) && !ApiIntegrationValues.IntegrationMethods.Contains(method))
            {
                var upper = method!.ToUpperInvariant();
                yield return Finding(definition.Target, field,
                    ApiIntegrationValues.IntegrationMethods.Contains(upper)
                        ? $"'{method}' must be written in upper case: '{upper}'."
                        : $"'{method}' is not an HTTP method.{ApiRuleText.DidYouMean(method, ApiIntegrationValues.IntegrationMethods)}",
                    $"Use one of {ApiRuleText.List(ApiIntegrationValues.IntegrationMethods)}.");
                yield break;
            }
            var lambda = (type == ApiIntegrationValues.AwsProxy && !ApiRuleText.Has(definition.IntegrationSubtype))
                || (type == ApiIntegrationValues.Aws && LambdaUris.IsInvocationUri(definition.IntegrationUri));
            var needed = type == ApiIntegrationValues.HttpType || type == ApiIntegrationValues.HttpProxy
                || (ApiRuleText.IsWebSocket(protocol) && (type == ApiIntegrationValues.Aws || type == ApiIntegrationValues.AwsProxy));
            if (!ApiRuleText.Has(method))
            {
                if (needed)
                    yield return Finding(definition.Target, field, $"{ApiRuleText.Capital(ApiRuleText.Api(protocol))} {type} integration needs an IntegrationMethod.",
                        lambda ? "Add IntegrationMethod = 'POST' (Lambda functions are invoked with POST)."
                               : "Add IntegrationMethod, e.g. 'POST', or 'ANY' to call the backend with the client's method.");
                yield break;
            }
            if (lambda && method != "POST")
                yield return Finding(definition.Target, field, $"Lambda functions are invoked with POST, not {method}.", "Set IntegrationMethod = 'POST' or leave it out.");
        }

        public override IDictionary FailingExample => ApiExamples.WebSocketHttp(("IntegrationMethod", null));

        public override IDictionary PassingExample => ApiExamples.WebSocketHttp();

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
