using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1101: an integration response names its REST API, resource and (valid) method.</summary>
    internal sealed class RestResponseTargetRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1101", Severity.Error,
            "The integration response names its REST API, resource and method",
            "An integration response belongs to the integration of one method of one resource of one REST API; without them it cannot be put anywhere.");

        public RestResponseTargetRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context) =>
            RestMethodTargetRule.CheckTarget(Info, definition.Target, definition.RestApiId, definition.ResourceId, definition.ResourcePath, definition.HttpMethod)
                .Concat(RestMethodHttpMethodRule.CheckMethod(Info, definition.Target, definition.HttpMethod));

        public override IDictionary FailingExample => RestExamples.Response(("RestApiId", null));

        public override IDictionary PassingExample => RestExamples.Response();
    }
}
