using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1012: a private integration (VPC_LINK) is HTTP or HTTP_PROXY and names its VPC link in ConnectionId; a ConnectionId
    /// without VPC_LINK is refused.
    /// </summary>
    internal sealed class RestVpcLinkRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1012", Severity.Error,
            "Private integrations name their VPC link and are HTTP or HTTP_PROXY",
            "ConnectionId is the id of the VpcLink when ConnectionType is VPC_LINK and must be absent otherwise; private integrations exist for HTTP and HTTP_PROXY only.");

        public RestVpcLinkRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var vpcLink = definition.ConnectionType == "VPC_LINK";
            if (vpcLink && definition.ConnectionId == null)
                yield return Finding(definition.Target, "ConnectionId", "ConnectionType is VPC_LINK, but ConnectionId (the VPC link's id) is missing.",
                    "Give ConnectionId, the id of the VPC link (aws apigateway get-vpc-links lists them), or a stage variable such as ${stageVariables.vpcLinkId}.");
            if (!vpcLink && definition.ConnectionId != null)
                yield return Finding(definition.Target, "ConnectionId",
                    $"ConnectionId '{definition.ConnectionId}' is given, but ConnectionType is {definition.ConnectionType ?? "not VPC_LINK (INTERNET by default)"}.",
                    "Set ConnectionType to VPC_LINK for a private integration, or remove ConnectionId.");
            if (vpcLink && definition.Type != null && RestFacts.IsKnownType(definition.Type) && !RestFacts.IsHttp(definition.Type))
                yield return Finding(definition.Target, "ConnectionType",
                    $"{RestFacts.Article(definition.Type, true)} {definition.Type} integration cannot use a VPC link; private integrations are HTTP or HTTP_PROXY.",
                    "Use Type HTTP or HTTP_PROXY with the VPC link, or remove ConnectionType and ConnectionId.");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("ConnectionType", "VPC_LINK"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "a1b2c3"));
    }
}
