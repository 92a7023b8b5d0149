using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1007: every type but MOCK has a URI, private (VPC_LINK) HTTP integrations included.</summary>
    internal sealed class RestUriRequiredRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1007", Severity.Error,
            "Integrations with a backend have a URI",
            "HTTP, HTTP_PROXY, AWS and AWS_PROXY integrations need the backend's URI; a private integration over a VPC link needs one too (it sets the Host header and path, not the route).");

        public RestUriRequiredRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (!RestFacts.HasBackend(definition.Type) || definition.Uri != null) yield break;
            string fix;
            if (RestFacts.IsHttp(definition.Type))
                fix = definition.ConnectionType == "VPC_LINK"
                    ? "Give Uri, the URL of the backend behind the VPC link's load balancer, such as https://orders.internal.example.com/orders."
                    : "Give Uri, the backend's URL, such as https://api.example.com/pets.";
            else if (definition.Type == "AWS_PROXY")
                fix = "Give Uri as arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations (Set-RestIntegration -LambdaProxy -FunctionName builds it).";
            else
                fix = "Give Uri as arn:aws:apigateway:{region}:{service}:action/{Action} or :path/{path} (Set-RestIntegration -AwsService builds it).";
            yield return Finding(definition.Target, "Uri", $"{RestFacts.Article(definition.Type, true)} {definition.Type} integration needs Uri; it is missing.", fix);
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("Uri", null));

        public override IDictionary PassingExample => RestExamples.HttpProxy();
    }
}
