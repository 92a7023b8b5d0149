using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2007: an integration subtype is one of the AWS service actions HTTP APIs know, on an AWS_PROXY integration.</summary>
    internal sealed class ApiIntegrationSubtypeRule : ApiRule
    {
        public ApiIntegrationSubtypeRule() : base(new RuleInfo("IT2007", Severity.Error,
            "An integration subtype needs AWS_PROXY and must be an AWS service action HTTP APIs know",
            "HTTP APIs call AWS services only through the listed subtypes (EventBridge-PutEvents, SQS-SendMessage, StepFunctions-StartExecution, ...), and only from AWS_PROXY integrations."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var subtype = definition.IntegrationSubtype;
            if (string.IsNullOrEmpty(subtype)) yield break;
            var names = ApiIntegrationValues.Subtypes.Select(s => s.Name).ToList();
            if (ApiIntegrationValues.FindSubtype(subtype) == null)
            {
                yield return Finding(definition.Target, nameof(definition.IntegrationSubtype),
                    $"'{subtype}' is not an integration subtype.{ApiRuleText.DidYouMean(subtype!, names)}",
                    $"Use one of {ApiRuleText.List(names)} (the names are case-sensitive).");
            }
            var type = ApiRuleText.Type(definition);
            if (type != ApiIntegrationValues.AwsProxy)
            {
                yield return Finding(definition.Target, nameof(definition.IntegrationType),
                    $"An integration subtype needs IntegrationType AWS_PROXY; this integration is {(type.Length == 0 ? "of no type" : type)}.",
                    "Set IntegrationType = 'AWS_PROXY', or remove IntegrationSubtype.");
            }
        }

        public override IDictionary FailingExample => ApiExamples.AwsService(("IntegrationSubtype", "SQS-SendMessages"));

        public override IDictionary PassingExample => ApiExamples.AwsService();
    }
}
