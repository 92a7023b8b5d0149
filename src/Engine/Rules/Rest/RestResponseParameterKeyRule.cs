using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1104: response parameter keys are method response headers: method.response.header.{name}.</summary>
    internal sealed class RestResponseParameterKeyRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1104", Severity.Error,
            "Response parameter keys are method.response.header.{name}",
            "An integration response can only set headers of the method response, and names each as method.response.header.{name} with a valid header name.");

        public RestResponseParameterKeyRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context)
        {
            foreach (var pair in MapEntries.Refused(definition.ResponseParameters, p => RestFacts.MethodResponseHeader.IsMatch(p.Key)))
            {
                var key = pair.Key;
                var fix = key.IndexOf('.') < 0 && key.Length > 0
                    ? $"Write it as 'method.response.header.{key}'."
                    : "Write each key as method.response.header.{name}, with a header name of letters, digits and - _ . only.";
                yield return Finding(definition.Target, $"ResponseParameters['{key}']", $"Response parameter key '{key}' is not method.response.header.{{name}}.", fix);
            }
        }

        public override IDictionary FailingExample => RestExamples.Response(("ResponseParameters", new Hashtable { ["Access-Control-Allow-Origin"] = "'*'" }));

        public override IDictionary PassingExample => RestExamples.Response(("ResponseParameters", new Hashtable { ["method.response.header.Access-Control-Allow-Origin"] = "'*'" }));
    }
}
