using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2003: request templates, template selection, passthrough behavior and content handling are WebSocket API features.</summary>
    internal sealed class ApiWebSocketOnlyFieldsRule : ApiRule
    {
        public ApiWebSocketOnlyFieldsRule() : base(new RuleInfo("IT2003", Severity.Error,
            "Templates, template selection, passthrough behavior and content handling are for WebSocket APIs only",
            "HTTP APIs pass requests through unchanged (or transform them with parameter mapping); the service refuses mapping-template settings on them."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            const string fix = "Remove it: on HTTP APIs change requests with RequestParameters (e.g. 'overwrite:header.x-source' = '$context.requestId') and responses with ResponseParameters.";
            if (ApiRuleText.Has(definition.RequestTemplates))
                yield return Finding(definition.Target, nameof(definition.RequestTemplates), "RequestTemplates are supported only for WebSocket APIs; this is an HTTP API.", fix);
            if (ApiRuleText.Has(definition.TemplateSelectionExpression))
                yield return Finding(definition.Target, nameof(definition.TemplateSelectionExpression), "TemplateSelectionExpression is supported only for WebSocket APIs; this is an HTTP API.", fix);
            if (ApiRuleText.Has(definition.PassthroughBehavior))
                yield return Finding(definition.Target, nameof(definition.PassthroughBehavior), "PassthroughBehavior is supported only for WebSocket APIs; HTTP APIs always pass the request body through.", fix);
            if (ApiRuleText.Has(definition.ContentHandlingStrategy))
                yield return Finding(definition.Target, nameof(definition.ContentHandlingStrategy), "ContentHandlingStrategy is supported only for WebSocket APIs; HTTP APIs pass binary and text payloads through as they are.", fix);
        }

        public override IDictionary FailingExample =>
            PostOrders(("RequestTemplates", new Hashtable { ["application/json"] = "{\"order\": $input.body}" }), ("PassthroughBehavior", "NEVER"));

        public override IDictionary PassingExample => PostOrders(("RequestParameters", new Hashtable { ["overwrite:header.x-request-id"] = "$context.requestId" }));

        protected override string OnlyOn => ApiIntegrationValues.Http;

        /// <summary>An HTTP API integration calling POST https://orders.example.com/orders.</summary>
        private static Hashtable PostOrders(params (string Key, object? Value)[] changes) =>
            ApiExamples.HttpProxy(("IntegrationMethod", "POST"), ("IntegrationUri", "https://orders.example.com/orders")).With(changes);
    }
}
