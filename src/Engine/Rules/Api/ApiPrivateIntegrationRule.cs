using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2013: a private integration (connection type VPC_LINK) names its VPC link, and on HTTP APIs is an HTTP_PROXY
    /// integration whose URI is an Application or Network Load Balancer listener ARN or an AWS Cloud Map service ARN;
    /// a VPC link id without VPC_LINK is a mistake.
    /// </summary>
    internal sealed class ApiPrivateIntegrationRule : ApiRule
    {
        private static readonly Regex ListenerArn = new Regex(@"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener/(app|net)/[^/\s]+/[0-9a-f]+/[0-9a-f]+$", RegexOptions.CultureInvariant);
        private static readonly Regex CloudMapArn = new Regex(@"^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:\d{12}:service/srv-[a-z0-9]+$", RegexOptions.CultureInvariant);

        public ApiPrivateIntegrationRule() : base(new RuleInfo("IT2013", Severity.Error,
            "A private integration needs a VPC link and a load balancer listener or Cloud Map service",
            "Private integrations reach resources in a VPC through a VPC link (ConnectionId); on HTTP APIs the target is an ALB or NLB listener ARN or an AWS Cloud Map service ARN, and the type is HTTP_PROXY."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var region = context.Region ?? "us-east-1";
            if (definition.ConnectionType != ApiIntegrationValues.VpcLink)
            {
                if (ApiRuleText.Has(definition.ConnectionId))
                    yield return Finding(definition.Target, nameof(definition.ConnectionId),
                        $"ConnectionId '{definition.ConnectionId}' is set, but the integration is not private (ConnectionType {definition.ConnectionType ?? ApiIntegrationValues.Internet}).",
                        "Set ConnectionType = 'VPC_LINK' to reach the backend through that VPC link, or remove ConnectionId.");
                yield break;
            }
            if (!ApiRuleText.Has(definition.ConnectionId))
                yield return Finding(definition.Target, nameof(definition.ConnectionId),
                    "A private integration (ConnectionType VPC_LINK) has no ConnectionId.",
                    "Add ConnectionId: the id of the VPC link ('aws apigatewayv2 get-vpc-links' lists them).");
            if (!ApiRuleText.IsHttp(protocol)) yield break;
            var type = ApiRuleText.Type(definition);
            if (type != ApiIntegrationValues.HttpProxy)
                yield return Finding(definition.Target, nameof(definition.IntegrationType),
                    $"Private integrations of HTTP APIs are HTTP_PROXY integrations; this one is {(type.Length == 0 ? "of no type" : type)}.",
                    "Set IntegrationType = 'HTTP_PROXY'.");
            var uri = definition.IntegrationUri;
            if (!ApiRuleText.Has(uri))
                yield return Finding(definition.Target, nameof(definition.IntegrationUri),
                    "A private integration of an HTTP API needs the listener or Cloud Map service in IntegrationUri.",
                    $"Add IntegrationUri: an ALB/NLB listener ARN (arn:aws:elasticloadbalancing:{region}:123456789012:listener/app/NAME/ID/ID) or a Cloud Map service ARN (arn:aws:servicediscovery:{region}:123456789012:service/srv-ID).");
            else if (!ListenerArn.IsMatch(uri!) && !CloudMapArn.IsMatch(uri!))
                yield return Finding(definition.Target, nameof(definition.IntegrationUri),
                    $"'{uri}' is not a load balancer listener ARN or a Cloud Map service ARN.",
                    $"Private integrations of HTTP APIs target arn:aws:elasticloadbalancing:{region}:ACCOUNT:listener/app|net/NAME/ID/ID or arn:aws:servicediscovery:{region}:ACCOUNT:service/srv-ID; for a public URL use ConnectionType INTERNET.");
        }

        public override IDictionary FailingExample => ApiExamples.Private(("ConnectionId", null), ("IntegrationUri", "https://orders.internal.example.com"));

        public override IDictionary PassingExample => ApiExamples.Private();
    }
}
