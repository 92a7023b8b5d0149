using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2009: an AWS service integration names the IAM role API Gateway calls the service with.</summary>
    internal sealed class ApiSubtypeCredentialsRule : Rule<ApiIntegrationDefinition>
    {
        public ApiSubtypeCredentialsRule() : base(new RuleInfo("IT2009", Severity.Error,
            "An integration subtype needs a role to call the AWS service with",
            "API Gateway calls SQS, EventBridge, Kinesis, AppConfig and Step Functions as the role in CredentialsArn; without one the service refuses the integration."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            if (!ApiRuleText.Has(definition.IntegrationSubtype) || ApiRuleText.Has(definition.CredentialsArn)) yield break;
            yield return Finding(definition.Target, nameof(definition.CredentialsArn),
                $"The {definition.IntegrationSubtype} integration has no CredentialsArn.",
                "Add CredentialsArn: the ARN of an IAM role that apigateway.amazonaws.com may assume and that allows the action, e.g. arn:aws:iam::123456789012:role/apigw-sqs.");
        }

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationSubtype"] = "EventBridge-PutEvents",
            ["PayloadFormatVersion"] = "1.0",
            ["RequestParameters"] = new Hashtable { ["Detail"] = "$request.body", ["DetailType"] = "order.created", ["Source"] = "orders.api" },
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationSubtype"] = "EventBridge-PutEvents",
            ["PayloadFormatVersion"] = "1.0",
            ["CredentialsArn"] = "arn:aws:iam::123456789012:role/apigw-events",
            ["RequestParameters"] = new Hashtable { ["Detail"] = "$request.body", ["DetailType"] = "order.created", ["Source"] = "orders.api" },
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
