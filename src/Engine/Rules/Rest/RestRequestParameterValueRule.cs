using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1018: request parameter values are mapping expressions: method.request.{location}.{name}, method.request.body[.JSONPath],
    /// a quoted static value, context.{variable} or stageVariables.{name}.
    /// </summary>
    internal sealed class RestRequestParameterValueRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1018", Severity.Error,
            "Request parameter values are mapping expressions",
            "A request parameter maps from a method request parameter, the body, a context or stage variable, or a static value in single quotes; an unquoted constant or a misspelt expression is refused with 'Invalid mapping expression specified'.");

        public RestRequestParameterValueRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            foreach (var pair in MapEntries.Refused(definition.RequestParameters, p => RestFacts.IsRequestMappingSource(p.Value ?? "")))
            {
                var value = pair.Value ?? "";
                yield return Finding(definition.Target, $"RequestParameters['{pair.Key}']",
                    $"Request parameter '{pair.Key}' maps from '{value}', which is not a mapping expression.", Fix(value));
            }
        }

        internal static string Fix(string value)
        {
            if (value.Length == 0) return "Give the source of the value: " + RestFacts.RequestMappingForms + ".";
            if (value.StartsWith("method.", System.StringComparison.Ordinal) || value.StartsWith("context", System.StringComparison.Ordinal)
                || value.StartsWith("stageVariables", System.StringComparison.OrdinalIgnoreCase) || value.StartsWith("$", System.StringComparison.Ordinal))
                return "Write it as one of " + RestFacts.RequestMappingForms + " (without $ or ${}).";
            if (value.StartsWith("\"", System.StringComparison.Ordinal))
                return $"Static values are quoted with single quotes: '{value.Trim('"')}' in single quotes, i.e. \"'{value.Trim('"')}'\" in PowerShell.";
            return $"If '{value}' is meant as a constant, put it in single quotes: \"'{value}'\". Otherwise use one of " + RestFacts.RequestMappingForms + ".";
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.header.x-source"] = "api-gateway" }));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.header.x-source"] = "'api-gateway'" }));
    }
}
