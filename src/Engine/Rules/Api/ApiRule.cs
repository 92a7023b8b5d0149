using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// A rule about HTTP and WebSocket API (v2) integration definitions. It is checked with the protocol of the API: the
    /// context's (the API as read), else the definition's ProtocolType, null while neither says. A rule that holds on one
    /// protocol alone names it in <see cref="OnlyOn"/>, and is not checked on the other nor while the protocol is not known.
    /// </summary>
    internal abstract class ApiRule : Rule<ApiIntegrationDefinition>
    {
        protected ApiRule(RuleInfo info) : base(info)
        {
        }

        /// <summary>HTTP or WEBSOCKET for a rule about that protocol alone; null for a rule about both.</summary>
        protected virtual string? OnlyOn => null;

        public sealed override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            var protocol = ApiRuleText.Protocol(definition, context);
            return OnlyOn == null || OnlyOn == protocol ? Check(definition, protocol, context) : Array.Empty<Finding>();
        }

        /// <summary>The check, given the protocol of the API (HTTP, WEBSOCKET, or null when not known).</summary>
        protected abstract IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context);

        /// <summary>The examples are checked on an API of the rule's protocol in us-east-1: an HTTP API unless the rule says otherwise.</summary>
        public override RuleContext ExampleContext => OnlyOn == ApiIntegrationValues.WebSocket ? RuleContext.WebSocketApiExample : RuleContext.HttpApiExample;
    }
}
