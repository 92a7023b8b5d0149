using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2018: values of HTTP API parameter mappings are static text or use the variables the service evaluates:
    /// $request.header|querystring|body|path..., $context.NAME, $stageVariables.NAME (responses: $response.header|body...);
    /// a status code mapping sets a status code.
    /// </summary>
    internal sealed class ApiHttpMappingValueRule : ApiRule
    {
        public ApiHttpMappingValueRule() : base(new RuleInfo("IT2018", Severity.Error,
            "An HTTP API parameter mapping value uses a variable the service does not know",
            "Mapping values are evaluated per request: $request.header.NAME, $request.querystring.NAME, $request.body.PATH, $request.path(.NAME), $context.NAME and $stageVariables.NAME ($response.header.NAME and $response.body.PATH in responses); a misspelt variable is refused, and a status code must be a number."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            foreach (var mapping in ApiParameterMapping.Of(definition))
            {
                if (ApiParameterMapping.IsRemove(mapping.Key)) continue;
                var response = mapping.Status != null;
                if (response && mapping.Key == "overwrite:statuscode" && !Regex.IsMatch(mapping.Value ?? "", @"^\s*([1-5]\d\d|\$.+)\s*$"))
                {
                    yield return Finding(definition.Target, mapping.Field, $"'{mapping.Value}' is not a status code.", "Give the status code to return, e.g. '502'.");
                    continue;
                }
                foreach (var unknown in ApiParameterMapping.UnknownVariables(mapping.Value ?? "", response))
                    yield return Finding(definition.Target, mapping.Field, $"'{unknown}' in '{mapping.Value}' is not a {(response ? "response" : "request")} variable.",
                        response ? ResponseVariables : RequestVariables);
            }
        }

        private const string RequestVariables =
            "Use $request.header.NAME, $request.querystring.NAME, $request.body.PATH, $request.path(.NAME), $context.NAME or $stageVariables.NAME (or ${...} around them), or static text.";

        private const string ResponseVariables =
            "Use $response.header.NAME, $response.body.PATH, $context.NAME or $stageVariables.NAME (or ${...} around them), or static text.";

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["append:header.x-caller"] = "$request.headers.x-user" }));

        public override IDictionary PassingExample => ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["append:header.x-caller"] = "$request.header.x-user" }));

        protected override string OnlyOn => ApiIntegrationValues.Http;
    }
}
