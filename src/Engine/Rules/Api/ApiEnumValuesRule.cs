using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2015: connection type, passthrough behavior and content handling strategy take only the service's values.</summary>
    internal sealed class ApiEnumValuesRule : ApiRule
    {
        public ApiEnumValuesRule() : base(new RuleInfo("IT2015", Severity.Error,
            "A connection type, passthrough behavior or content handling strategy is not one the service knows",
            "These members are enumerations (INTERNET/VPC_LINK; WHEN_NO_MATCH/NEVER/WHEN_NO_TEMPLATES; CONVERT_TO_BINARY/CONVERT_TO_TEXT); the service refuses any other value, including other spellings."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            List<Finding>? findings = null;
            One(ref findings, definition, nameof(definition.ConnectionType), definition.ConnectionType, ApiIntegrationValues.ConnectionTypes);
            One(ref findings, definition, nameof(definition.PassthroughBehavior), definition.PassthroughBehavior, ApiIntegrationValues.PassthroughBehaviors);
            One(ref findings, definition, nameof(definition.ContentHandlingStrategy), definition.ContentHandlingStrategy, ApiIntegrationValues.ContentHandlingStrategies);
            return findings ?? (IEnumerable<Finding>)System.Array.Empty<Finding>();
        }

        private void One(ref List<Finding>? findings, ApiIntegrationDefinition definition, string field, string? value, IReadOnlyList<string> allowed)
        {
            if (string.IsNullOrEmpty(value) || Contains(allowed, value!)) return;
            var upper = value!.ToUpperInvariant().Replace('-', '_');
            var hint = Contains(allowed, upper) ? $" The service wants '{upper}'." : ApiRuleText.DidYouMean(value, allowed);
            (findings ??= new List<Finding>()).Add(Finding(definition.Target, field, $"'{value}' is not a {field}.{hint}", $"Use one of {ApiRuleText.List(allowed)}."));
        }

        private static bool Contains(IReadOnlyList<string> values, string value)
        {
            for (var i = 0; i < values.Count; i++)
                if (string.Equals(values[i], value, System.StringComparison.Ordinal)) return true;
            return false;
        }

        public override IDictionary FailingExample => ApiExamples.WebSocketMock(("PassthroughBehavior", "WHEN_NO_TEMPLATE"));

        public override IDictionary PassingExample => ApiExamples.WebSocketMock(("PassthroughBehavior", "WHEN_NO_TEMPLATES"));

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
