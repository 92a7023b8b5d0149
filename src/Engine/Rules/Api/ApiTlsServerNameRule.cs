using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2012: a TLS server name to verify belongs to a private integration (connection type VPC_LINK).</summary>
    internal sealed class ApiTlsServerNameRule : ApiRule
    {
        public ApiTlsServerNameRule() : base(new RuleInfo("IT2012", Severity.Error,
            "A TLS server name is only for private integrations",
            "The TLS configuration tells API Gateway to use HTTPS and which name to verify on the certificate of a private (VPC link) backend; the service refuses it on other integrations."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (!ApiRuleText.Has(definition.ServerNameToVerify) || definition.ConnectionType == ApiIntegrationValues.VpcLink) yield break;
            yield return Finding(definition.Target, nameof(definition.ServerNameToVerify),
                $"ServerNameToVerify '{definition.ServerNameToVerify}' is set on an integration that is not private (ConnectionType {definition.ConnectionType ?? ApiIntegrationValues.Internet}).",
                "Remove ServerNameToVerify (public HTTPS backends are verified by their URL's host name), or make the integration private: ConnectionType = 'VPC_LINK' with a ConnectionId.");
        }

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("TlsConfig", new Hashtable { ["ServerNameToVerify"] = "orders.example.com" }));

        public override IDictionary PassingExample =>
            ApiExamples.Private(("IntegrationUri", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65"),
                ("TlsConfig", new Hashtable { ["ServerNameToVerify"] = "orders.internal.example.com" }));
    }
}
