using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2008: an AWS service integration maps every parameter its action requires, and only parameters the action has.</summary>
    internal sealed class ApiSubtypeRequestParametersRule : ApiRule
    {
        public ApiSubtypeRequestParametersRule() : base(new RuleInfo("IT2008", Severity.Error,
            "An integration subtype needs the request parameters of its AWS service action",
            "An AWS service integration passes its request parameters to the service action (QueueUrl and MessageBody for SQS-SendMessage, StateMachineArn for StepFunctions-StartExecution, ...); the service refuses a missing required parameter or one the action does not have."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var subtype = ApiIntegrationValues.FindSubtype(definition.IntegrationSubtype);
            if (subtype == null) yield break;
            var given = definition.RequestParameters ?? new Dictionary<string, string>();
            var missing = subtype.Required.Where(p => !given.TryGetValue(p, out var v) || string.IsNullOrEmpty(v)).ToList();
            if (missing.Count > 0)
            {
                var example = string.Join("; ", missing.Select(p => $"'{p}' = {Example(p)}"));
                yield return Finding(definition.Target, nameof(definition.RequestParameters),
                    $"{subtype.Name} needs the request parameter{(missing.Count == 1 ? "" : "s")} {ApiRuleText.Quoted(missing)}.",
                    $"Add them to RequestParameters, e.g. @{{ {example} }}; values may be static or map request data such as $request.body.name.");
            }
            foreach (var key in given.Keys.Where(k => !subtype.All.Contains(k, StringComparer.Ordinal)).OrderBy(k => k, StringComparer.Ordinal))
            {
                yield return Finding(definition.Target, $"RequestParameters.{key}",
                    $"'{key}' is not a parameter of {subtype.Name}.{ApiRuleText.DidYouMean(key, subtype.All)}",
                    $"{subtype.Name} takes {ApiRuleText.List(subtype.Required)} (required) and {ApiRuleText.List(subtype.Optional)}.");
            }
        }

        private static string Example(string parameter)
        {
            switch (parameter)
            {
                case "QueueUrl": return "'https://sqs.us-east-1.amazonaws.com/123456789012/orders'";
                case "MessageBody": return "'$request.body'";
                case "ReceiptHandle": return "'$request.querystring.receiptHandle'";
                case "StateMachineArn": return "'arn:aws:states:us-east-1:123456789012:stateMachine:orders'";
                case "ExecutionArn": return "'$request.querystring.executionArn'";
                case "Detail": return "'$request.body.detail'";
                case "DetailType": return "'order.created'";
                case "Source": return "'orders.api'";
                case "StreamName": return "'orders'";
                case "Data": return "'$request.body'";
                case "PartitionKey": return "'$request.header.x-customer'";
                case "ClientId": return "'$context.requestId'";
                default: return $"'{parameter.ToLowerInvariant()}'";
            }
        }

        public override IDictionary FailingExample => StartExecution(new Hashtable { ["Input"] = "$request.body" });

        public override IDictionary PassingExample => StartExecution(new Hashtable
        {
            ["StateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
            ["Input"] = "$request.body",
        });

        /// <summary>A StepFunctions-StartExecution integration with the given request parameters.</summary>
        private static Hashtable StartExecution(Hashtable parameters) => ApiExamples.AwsService(("IntegrationSubtype", "StepFunctions-StartExecution"),
            ("CredentialsArn", "arn:aws:iam::123456789012:role/apigw-states"), ("RequestParameters", parameters));
    }
}
