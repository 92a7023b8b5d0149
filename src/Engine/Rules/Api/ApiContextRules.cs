using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// Checks of HTTP and WebSocket API integrations that need more than the definition: the kind of integration the
    /// user asked New-ApiIntegration for (its parameter set) against the API's protocol, and the VPC link a private
    /// integration names as the service has it. They report findings like the rules, under these ids.
    /// </summary>
    internal static class ApiContextRules
    {
        public static readonly RuleInfo KindFitsProtocol = new RuleInfo("IT2000", Severity.Error,
            "The kind of integration is for the other protocol",
            "HTTP APIs and WebSocket APIs take different integrations (a Lambda proxy, an HTTP proxy, a private or AWS service integration on HTTP APIs; MOCK, HTTP and AWS integrations on WebSocket APIs); asking for one on the other protocol makes an integration the service refuses or that behaves differently.");

        public static readonly RuleInfo VpcLinkUsable = new RuleInfo("IT2030", Severity.Error,
            "The VPC link of a private integration does not exist or is not available",
            "A private integration sends its traffic through the VPC link in ConnectionId; a VPC link that does not exist is refused, and one that is not AVAILABLE cannot carry requests yet.");

        public static readonly RuleInfo[] All = { KindFitsProtocol, VpcLinkUsable };

        /// <summary>IT2000: the kind is for the API's protocol (nothing to report while the protocol is unknown).</summary>
        public static IEnumerable<Finding> CheckKind(ApiIntegrationKind kind, ApiIntegrationDefinition definition, RuleContext context)
        {
            var protocol = ApiIntegrationValues.Protocol(context.ProtocolType, null);
            if (protocol == null || protocol == kind.Protocol) yield break;
            var api = protocol == ApiIntegrationValues.Http ? "an HTTP API" : "a WebSocket API";
            yield return KindFitsProtocol.Finding(definition.Target, "ParameterSet",
                $"The {kind.Name} parameters make {kind.Description}, but api/{definition.ApiId} is {api}.",
                $"For {api} use {kind.Alternative}.");
        }

        /// <summary>
        /// IT2030 for an HTTP API private integration: <paramref name="vpcLink"/> is the VPC link GetVpcLink returned, or
        /// null when it answered NotFound. Not AVAILABLE (PENDING, for example) is a warning.
        /// </summary>
        public static Finding? CheckVpcLink(ApiIntegrationDefinition definition, ApiVpcLink? vpcLink)
        {
            if (vpcLink == null)
                return VpcLinkUsable.Finding(definition.Target, nameof(definition.ConnectionId),
                    $"The VPC link '{definition.ConnectionId}' does not exist in this account and region.",
                    "Give the id of an existing VPC link of HTTP APIs ('aws apigatewayv2 get-vpc-links' lists them), or create one with 'aws apigatewayv2 create-vpc-link'.");
            if (vpcLink.VpcLinkStatus == null || vpcLink.VpcLinkStatus == "AVAILABLE") return null;
            var failed = vpcLink.VpcLinkStatus == "FAILED" || vpcLink.VpcLinkStatus == "DELETING" || vpcLink.VpcLinkStatus == "INACTIVE";
            return VpcLinkUsable.Finding(failed ? Severity.Error : Severity.Warning, definition.Target, nameof(definition.ConnectionId),
                $"The VPC link '{vpcLink.VpcLinkId}' is {vpcLink.VpcLinkStatus}{(string.IsNullOrEmpty(vpcLink.VpcLinkStatusMessage) ? "" : ": " + vpcLink.VpcLinkStatusMessage)}.",
                failed ? "Use a VPC link that is AVAILABLE, or recreate this one." : "Requests fail until the VPC link is AVAILABLE; wait for it ('aws apigatewayv2 get-vpc-link').");
        }
    }
}
