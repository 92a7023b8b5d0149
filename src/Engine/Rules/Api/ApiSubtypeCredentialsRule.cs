using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2009: an AWS service integration names the IAM role API Gateway calls the service with.</summary>
    internal sealed class ApiSubtypeCredentialsRule : ApiRule
    {
        public ApiSubtypeCredentialsRule() : base(new RuleInfo("IT2009", Severity.Error,
            "An integration subtype needs a role to call the AWS service with",
            "API Gateway calls SQS, EventBridge, Kinesis, AppConfig and Step Functions as the role in CredentialsArn; without one the service refuses the integration."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (!ApiRuleText.Has(definition.IntegrationSubtype) || ApiRuleText.Has(definition.CredentialsArn)) yield break;
            yield return Finding(definition.Target, nameof(definition.CredentialsArn),
                $"The {definition.IntegrationSubtype} integration has no CredentialsArn.",
                "Add CredentialsArn: the ARN of an IAM role that apigateway.amazonaws.com may assume and that allows the action, e.g. arn:aws:iam::123456789012:role/apigw-sqs.");
        }

        public override IDictionary FailingExample => PutEvents(null);

        public override IDictionary PassingExample => PutEvents("arn:aws:iam::123456789012:role/apigw-events");

        /// <summary>An EventBridge-PutEvents integration with the given role (null: none).</summary>
        private static Hashtable PutEvents(string? role) => ApiExamples.AwsService(("IntegrationSubtype", "EventBridge-PutEvents"), ("CredentialsArn", role),
            ("RequestParameters", new Hashtable { ["Detail"] = "$request.body", ["DetailType"] = "order.created", ["Source"] = "orders.api" }));
    }
}
