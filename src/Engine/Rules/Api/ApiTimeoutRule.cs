using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2014: the timeout is 50-29,000 ms on WebSocket APIs and 50-30,000 ms on HTTP APIs.</summary>
    internal sealed class ApiTimeoutRule : ApiRule
    {
        public ApiTimeoutRule() : base(new RuleInfo("IT2014", Severity.Error,
            "The timeout is outside the range of the API's protocol",
            "API Gateway waits 50 to 29,000 ms for a WebSocket API backend and 50 to 30,000 ms for an HTTP API backend; the service refuses other timeouts."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (definition.TimeoutInMillis is not int timeout) yield break;
            var max = ApiRuleText.IsWebSocket(protocol) ? ApiIntegrationValues.MaxWebSocketTimeout : ApiIntegrationValues.MaxHttpApiTimeout;
            if (timeout >= ApiIntegrationValues.MinTimeout && timeout <= max) yield break;
            var api = ApiRuleText.IsWebSocket(protocol) ? "WebSocket APIs" : ApiRuleText.IsHttp(protocol) ? "HTTP APIs" : "HTTP APIs (29,000 ms for WebSocket APIs)";
            yield return Finding(definition.Target, nameof(definition.TimeoutInMillis),
                $"TimeoutInMillis {timeout} is outside 50-{max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} ms, the range for {api}.",
                $"Use a timeout from 50 to {max} ms, or leave TimeoutInMillis out for the default ({max} ms).");
        }

        public override IDictionary FailingExample => ApiExamples.WebSocketMock(("TimeoutInMillis", 30000));

        public override IDictionary PassingExample => ApiExamples.WebSocketMock(("TimeoutInMillis", 29000));

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
