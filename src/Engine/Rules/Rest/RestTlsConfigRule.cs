using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1020: skipping certificate verification (tlsConfig.insecureSkipVerification) exists for HTTP and HTTP_PROXY only.</summary>
    internal sealed class RestTlsConfigRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1020", Severity.Error,
            "TLS settings apply to HTTP and HTTP_PROXY integrations only",
            "insecureSkipVerification lets API Gateway call an HTTPS backend whose certificate a private or self-signed authority issued; it is supported only for HTTP and HTTP_PROXY integrations.");

        public RestTlsConfigRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (definition.InsecureSkipVerification != true || definition.Type == null || RestFacts.IsHttp(definition.Type)) yield break;
            yield return Finding(definition.Target, "InsecureSkipVerification",
                $"InsecureSkipVerification is set, but {RestFacts.Article(definition.Type)} {definition.Type} integration has no HTTPS backend of its own to verify.",
                "Remove InsecureSkipVerification (tlsConfig), or use Type HTTP or HTTP_PROXY.");
        }

        public override IDictionary FailingExample => RestExamples.LambdaProxy(("tlsConfig", new Hashtable { ["insecureSkipVerification"] = true }));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("tlsConfig", new Hashtable { ["insecureSkipVerification"] = true }));
    }
}
