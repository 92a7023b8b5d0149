using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2002: HTTP APIs have only Lambda/AWS service proxy (AWS_PROXY) and HTTP proxy (HTTP_PROXY) integrations.</summary>
    internal sealed class ApiHttpIntegrationTypeRule : ApiRule
    {
        public ApiHttpIntegrationTypeRule() : base(new RuleInfo("IT2002", Severity.Error,
            "HTTP APIs take only AWS_PROXY and HTTP_PROXY integrations",
            "AWS, HTTP and MOCK integrations exist only for WebSocket (and REST) APIs; the service refuses them on an HTTP API."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var type = ApiRuleText.Type(definition);
            string? fix = type switch
            {
                ApiIntegrationValues.HttpType => "Use HTTP_PROXY: HTTP APIs forward requests to HTTP backends as they are and transform them with RequestParameters instead of templates.",
                ApiIntegrationValues.Aws => "Use AWS_PROXY: with a Lambda function ARN as IntegrationUri, or with an IntegrationSubtype (such as SQS-SendMessage) for other AWS services.",
                ApiIntegrationValues.Mock => "HTTP APIs have no mock integrations: point the route at a Lambda function or an HTTP endpoint that answers, or use a WebSocket or REST API.",
                _ => null,
            };
            if (fix == null) yield break;
            yield return Finding(definition.Target, nameof(definition.IntegrationType),
                $"{type} integrations are not supported on HTTP APIs; only AWS_PROXY and HTTP_PROXY are.", fix);
        }

        public override IDictionary FailingExample => List("HTTP");

        public override IDictionary PassingExample => List("HTTP_PROXY");

        protected override string OnlyOn => ApiIntegrationValues.Http;

        /// <summary>An HTTP API integration of the given type calling GET https://orders.example.com/list.</summary>
        private static Hashtable List(string type) =>
            ApiExamples.HttpProxy(("IntegrationType", type), ("IntegrationMethod", "GET"), ("IntegrationUri", "https://orders.example.com/list"));
    }
}
