using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1024: IntegrationTarget is the ARN of an ALB or NLB listener, and goes with a VPC link.</summary>
    internal sealed class RestIntegrationTargetRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1024", Severity.Error,
            "The integration target is a load balancer listener ARN behind a VPC link",
            "IntegrationTarget names the Application or Network Load Balancer listener a private integration sends requests to through a VPC link (v2); it has no meaning without VPC_LINK and must be a listener ARN.");

        public RestIntegrationTargetRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.IntegrationTarget;
            if (value == null) yield break;
            if (definition.ConnectionType != "VPC_LINK")
                yield return Finding(definition.Target, "IntegrationTarget",
                    "IntegrationTarget is given, but the integration does not use a VPC link.",
                    "Use ConnectionType VPC_LINK with the VPC link's ConnectionId, or remove IntegrationTarget.");
            if (!RestFacts.ListenerArn.IsMatch(value))
                yield return Finding(definition.Target, "IntegrationTarget",
                    $"IntegrationTarget '{value}' is not a load balancer listener ARN.",
                    "Give the listener's ARN, such as arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2 (aws elbv2 describe-listeners shows it).");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("IntegrationTarget", "orders-listener"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "a1b2c3"),
            ("IntegrationTarget", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2"));
    }
}
