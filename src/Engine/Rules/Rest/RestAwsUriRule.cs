using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1009: an AWS or AWS_PROXY integration's URI is arn:{partition}:apigateway:{region}:{service}:path|action/{service_api}.</summary>
    internal sealed class RestAwsUriRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1009", Severity.Error,
            "AWS integration URIs are API Gateway service ARNs",
            "For AWS and AWS_PROXY integrations the URI names the AWS service API to call, in the form arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}; anything else is refused.");

        public RestAwsUriRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var uri = definition.Uri;
            if (uri == null || !RestFacts.IsAws(definition.Type) || RestFacts.AwsUri.IsMatch(uri)) yield break;
            string message, fix;
            if (RestFacts.FunctionArn.IsMatch(uri) || uri.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
            {
                message = $"Uri '{uri}' is a Lambda function ARN, not an integration URI.";
                fix = "Wrap it as arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations, or let Set-RestIntegration -LambdaProxy -FunctionName build it.";
            }
            else if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                message = $"Uri '{uri}' is a URL, but {RestFacts.Article(definition.Type)} {definition.Type} integration takes an AWS service ARN.";
                fix = "Use Type HTTP or HTTP_PROXY for a URL, or give arn:aws:apigateway:{region}:{service}:action/{Action} or :path/{path}.";
            }
            else
            {
                message = $"Uri '{uri}' is not of the form arn:aws:apigateway:{{region}}:{{service}}:path/{{path}} or :action/{{Action}}.";
                fix = "Write it as, for example, arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders or arn:aws:apigateway:us-east-1:sqs:action/SendMessage (Set-RestIntegration -AwsService builds it).";
            }
            yield return Finding(definition.Target, "Uri", message, fix);
        }

        public override IDictionary FailingExample => RestExamples.AwsService(("Uri", "arn:aws:apigateway:us-east-1:sqs:123456789012/orders"));

        public override IDictionary PassingExample => RestExamples.AwsService();
    }
}
