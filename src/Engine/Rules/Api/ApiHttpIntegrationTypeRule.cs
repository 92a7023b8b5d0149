using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2002: HTTP APIs have only Lambda/AWS service proxy (AWS_PROXY) and HTTP proxy (HTTP_PROXY) integrations.</summary>
    internal sealed class ApiHttpIntegrationTypeRule : Rule<ApiIntegrationDefinition>
    {
        public ApiHttpIntegrationTypeRule() : base(new RuleInfo("IT2002", Severity.Error,
            "HTTP APIs take only AWS_PROXY and HTTP_PROXY integrations",
            "AWS, HTTP and MOCK integrations exist only for WebSocket (and REST) APIs; the service refuses them on an HTTP API."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            if (!ApiRuleText.IsHttp(ApiRuleText.Protocol(definition, context))) yield break;
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

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP",
            ["IntegrationMethod"] = "GET",
            ["IntegrationUri"] = "https://orders.example.com/list",
            ["PayloadFormatVersion"] = "1.0",
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "GET",
            ["IntegrationUri"] = "https://orders.example.com/list",
            ["PayloadFormatVersion"] = "1.0",
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
