using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2005: payload format 1.0 or 2.0, and 2.0 only for Lambda proxy integrations of HTTP APIs.</summary>
    internal sealed class ApiPayloadFormatVersionRule : ApiRule
    {
        public ApiPayloadFormatVersionRule() : base(new RuleInfo("IT2005", Severity.Error,
            "Payload format 2.0 is only for Lambda proxy integrations of HTTP APIs",
            "The payload format is the event a Lambda function receives: 1.0 or 2.0 for Lambda proxy integrations of HTTP APIs, and 1.0 for every other integration; the service refuses other values."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var version = definition.PayloadFormatVersion;
            if (string.IsNullOrEmpty(version)) yield break;
            if (!ApiIntegrationValues.PayloadFormatVersions.Contains(version))
            {
                yield return Finding(definition.Target, nameof(definition.PayloadFormatVersion),
                    $"'{version}' is not a payload format version; the versions are 1.0 and 2.0.",
                    ApiRuleText.IsLambdaProxy(definition) ? "Use '2.0' (or '1.0' for functions written for the REST API event)." : "Use '1.0'.");
                yield break;
            }
            if (version != "2.0") yield break;
            if (ApiRuleText.IsWebSocket(protocol))
            {
                yield return Finding(definition.Target, nameof(definition.PayloadFormatVersion),
                    "Payload format 2.0 is supported only for HTTP APIs; WebSocket APIs send the 1.0 format.",
                    "Use '1.0' or leave PayloadFormatVersion out.");
            }
            else if (!ApiRuleText.IsLambdaProxy(definition))
            {
                var what = ApiRuleText.Has(definition.IntegrationSubtype)
                    ? $"an AWS service integration ({definition.IntegrationSubtype})"
                    : $"a {definition.IntegrationType ?? "typeless"} integration";
                yield return Finding(definition.Target, nameof(definition.PayloadFormatVersion),
                    $"Payload format 2.0 is only for Lambda proxy integrations; this is {what}.",
                    "Use '1.0'.");
            }
        }

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("PayloadFormatVersion", "2.0"));

        public override IDictionary PassingExample => ApiExamples.HttpProxy();
    }
}
