using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1102: the status code is given and matches [1-5]\d\d.</summary>
    internal sealed class RestResponseStatusCodeRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1102", Severity.Error,
            "The status code is a three-digit HTTP status from 100 to 599",
            "An integration response maps the backend's answer to the method response with this status code; the service model requires the pattern [1-5]\\d\\d.");

        public RestResponseStatusCodeRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context)
        {
            var code = definition.StatusCode;
            if (code == null)
                yield return Finding(definition.Target, "StatusCode", "StatusCode is missing.",
                    "Give StatusCode, the status of the method response this integration response maps to, such as 200.");
            else if (!RestFacts.StatusCode.IsMatch(code))
                yield return Finding(definition.Target, "StatusCode", $"StatusCode '{code}' is not a status code from 100 to 599.",
                    "Give three digits such as 200, 400 or 500. To select the response by the backend's status, use SelectionPattern (such as '4\\d{2}').");
        }

        public override IDictionary FailingExample => RestExamples.Response(("StatusCode", "2XX"));

        public override IDictionary PassingExample => RestExamples.Response(("StatusCode", "200"));
    }
}
