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

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationId"] = "int001",
            ["IntegrationResponseKey"] = "$default",
            ["ProtocolType"] = "HTTP",
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "ws0123abcd",
            ["IntegrationId"] = "int900",
            ["IntegrationResponseKey"] = "$default",
            ["ProtocolType"] = "WEBSOCKET",
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", null);
    }
}
