using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2004: integration subtypes, response parameters and TLS settings exist only on HTTP APIs.</summary>
    internal sealed class ApiHttpOnlyFieldsRule : ApiRule
    {
        public ApiHttpOnlyFieldsRule() : base(new RuleInfo("IT2004", Severity.Error,
            "Integration subtypes, response parameters and TLS settings are for HTTP APIs only",
            "WebSocket APIs call AWS services through AWS integrations, shape responses with integration responses, and have no TLS configuration; the service refuses these members on them."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (ApiRuleText.Has(definition.IntegrationSubtype))
                yield return Finding(definition.Target, nameof(definition.IntegrationSubtype),
                    $"IntegrationSubtype '{definition.IntegrationSubtype}' is supported only for HTTP APIs; this is a WebSocket API.",
                    "Remove it; on a WebSocket API call an AWS service with IntegrationType AWS and an IntegrationUri such as arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders.");
            if (ApiRuleText.Has(definition.ResponseParameters))
                yield return Finding(definition.Target, nameof(definition.ResponseParameters),
                    "ResponseParameters are supported only for HTTP APIs; this is a WebSocket API.",
                    "Remove them; on a WebSocket API shape the backend's answer with New-ApiIntegrationResponse (response templates and parameters).");
            if (ApiRuleText.Has(definition.ServerNameToVerify))
                yield return Finding(definition.Target, nameof(definition.ServerNameToVerify),
                    "A TLS configuration (ServerNameToVerify) is supported only for HTTP APIs; this is a WebSocket API.",
                    "Remove ServerNameToVerify.");
        }

        public override IDictionary FailingExample =>
            ApiExamples.WebSocketHttp(("IntegrationType", "HTTP_PROXY"), ("ResponseParameters", new Hashtable { ["500"] = new Hashtable { ["overwrite:statuscode"] = "502" } }));

        public override IDictionary PassingExample => ApiExamples.WebSocketHttp(("IntegrationType", "HTTP_PROXY"));

        protected override string OnlyOn => ApiIntegrationValues.WebSocket;
    }
}
