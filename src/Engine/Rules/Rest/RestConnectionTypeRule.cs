using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1011: the connection type is INTERNET or VPC_LINK.</summary>
    internal sealed class RestConnectionTypeRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1011", Severity.Error,
            "The connection type is INTERNET or VPC_LINK",
            "An integration reaches its backend over the internet (INTERNET, the default) or through a VPC link (VPC_LINK); there is no other connection type.");

        public RestConnectionTypeRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.ConnectionType;
            if (value == null || RestFacts.ConnectionTypes.Contains(value)) yield break;
            yield return Finding(definition.Target, "ConnectionType",
                RestFacts.NotOneOf("ConnectionType", value, RestFacts.ConnectionTypes, "a connection type"),
                "Use INTERNET (the default) or VPC_LINK with ConnectionId.");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("ConnectionType", "VPCLINK"), ("ConnectionId", "a1b2c3"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "a1b2c3"));
    }
}
