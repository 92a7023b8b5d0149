using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1015: the response transfer mode is BUFFERED or STREAM, and STREAM only for proxy integrations.</summary>
    internal sealed class RestResponseTransferModeRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1015", Severity.Error,
            "The response transfer mode is BUFFERED, or STREAM for proxy integrations",
            "API Gateway buffers the backend's response (BUFFERED, the default) or streams it to the client (STREAM); streaming passes the response through untouched, so it exists only for HTTP_PROXY and AWS_PROXY integrations.");

        public RestResponseTransferModeRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.ResponseTransferMode;
            if (value == null) yield break;
            if (!RestFacts.ResponseTransferModes.Contains(value))
            {
                yield return Finding(definition.Target, "ResponseTransferMode",
                    RestFacts.NotOneOf("ResponseTransferMode", value, RestFacts.ResponseTransferModes, "a transfer mode"),
                    "Use BUFFERED (the default) or STREAM.");
                yield break;
            }
            if (value == "STREAM" && definition.Type != null && !RestFacts.IsProxy(definition.Type))
                yield return Finding(definition.Target, "ResponseTransferMode",
                    $"ResponseTransferMode STREAM needs a proxy integration, but the type is {definition.Type}.",
                    "Use Type HTTP_PROXY or AWS_PROXY to stream responses, or leave ResponseTransferMode out (BUFFERED).");
        }

        public override IDictionary FailingExample => RestExamples.Mock(("ResponseTransferMode", "STREAM"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("ResponseTransferMode", "STREAM"));
    }
}
