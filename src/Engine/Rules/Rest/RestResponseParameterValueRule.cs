using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1105: response parameter values are mapping expressions: integration.response.header.{name},
    /// integration.response.body[.JSONPath], a quoted static value, context.{variable} or stageVariables.{name}.
    /// </summary>
    internal sealed class RestResponseParameterValueRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1105", Severity.Error,
            "Response parameter values are mapping expressions",
            "A method response header maps from a header or the body of the integration response, a context or stage variable, or a static value in single quotes; an unquoted constant such as * is refused.");

        public RestResponseParameterValueRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context)
        {
            foreach (var pair in MapEntries.Refused(definition.ResponseParameters, p => RestFacts.IsResponseMappingSource(p.Value ?? "")))
            {
                var value = pair.Value ?? "";
                var fix = value.StartsWith("integration.", System.StringComparison.Ordinal) || value.StartsWith("method.", System.StringComparison.Ordinal)
                    ? "Write it as one of " + RestFacts.ResponseMappingForms + "."
                    : $"If '{value}' is meant as a constant, put it in single quotes: \"'{value}'\". Otherwise use one of " + RestFacts.ResponseMappingForms + ".";
                yield return Finding(definition.Target, $"ResponseParameters['{pair.Key}']",
                    $"Response parameter '{pair.Key}' maps from '{value}', which is not a mapping expression.", fix);
            }
        }

        public override IDictionary FailingExample => RestExamples.Response(("ResponseParameters", new Hashtable { ["method.response.header.Access-Control-Allow-Origin"] = "*" }));

        public override IDictionary PassingExample => RestExamples.Response(("ResponseParameters", new Hashtable { ["method.response.header.Access-Control-Allow-Origin"] = "'*'" }));
    }
}
