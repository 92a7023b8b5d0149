using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2101: integration responses belong to WebSocket API integrations.</summary>
    internal sealed class ApiIntegrationResponseProtocolRule : Rule<ApiIntegrationResponseDefinition>
    {
        public ApiIntegrationResponseProtocolRule() : base(new RuleInfo("IT2101", Severity.Error,
            "Integration responses are for WebSocket APIs only",
            "HTTP APIs return the backend's answer as it is, or change it with the integration's ResponseParameters; the service refuses integration responses on them."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context)
        {
            var protocol = ApiIntegrationValues.Protocol(context.ProtocolType, definition.ProtocolType);
            if (protocol != ApiIntegrationValues.Http) yield break;
            yield return Finding(definition.Target, null,
                $"api/{definition.ApiId} is an HTTP API; integration responses exist only on WebSocket APIs.",
                $"Change the answer with the integration's response parameters instead, e.g. Set-ApiIntegration -ApiId {definition.ApiId} -IntegrationId {definition.IntegrationId} -ResponseParameters @{{ '500' = @{{ 'overwrite:statuscode' = '502' }} }}.");
        }

        public override IDictionary FailingExample => ApiExamples.Response(("ApiId", ApiExamples.HttpApiId), ("IntegrationId", "int001"), ("ProtocolType", "HTTP"));

        public override IDictionary PassingExample => ApiExamples.Response(("ProtocolType", "WEBSOCKET"));

        public override RuleContext ExampleContext => new RuleContext(ApiExamples.Region, null);
    }
}
