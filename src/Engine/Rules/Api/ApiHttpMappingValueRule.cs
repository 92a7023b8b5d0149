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
    internal sealed class ApiHttpMappingValueRule : Rule<ApiIntegrationDefinition>
    {
        public ApiHttpMappingValueRule() : base(new RuleInfo("IT2018", Severity.Error,
            "An HTTP API parameter mapping value uses a variable the service does not know",
            "Mapping values are evaluated per request: $request.header.NAME, $request.querystring.NAME, $request.body.PATH, $request.path(.NAME), $context.NAME and $stageVariables.NAME ($response.header.NAME and $response.body.PATH in responses); a misspelt variable is refused, and a status code must be a number."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            if (!ApiRuleText.IsHttp(ApiRuleText.Protocol(definition, context))) yield break;
            foreach (var pair in ApiRuleText.Sorted(definition.RequestParameters))
            {
                if (ApiParameterMapping.IsRemove(pair.Key)) continue;
                foreach (var unknown in ApiParameterMapping.UnknownVariables(pair.Value ?? "", response: false))
                    yield return Finding(definition.Target, $"RequestParameters.{pair.Key}", $"'{unknown}' in '{pair.Value}' is not a request variable.",
                        "Use $request.header.NAME, $request.querystring.NAME, $request.body.PATH, $request.path(.NAME), $context.NAME or $stageVariables.NAME (or ${...} around them), or static text.");
            }
            foreach (var status in ApiRuleText.Sorted(definition.ResponseParameters))
            {
                foreach (var pair in ApiRuleText.Sorted(status.Value))
                {
                    if (ApiParameterMapping.IsRemove(pair.Key)) continue;
                    var field = $"ResponseParameters.{status.Key}.{pair.Key}";
                    if (pair.Key == "overwrite:statuscode" && !Regex.IsMatch(pair.Value ?? "", @"^\s*([1-5]\d\d|\$.+)\s*$"))
                    {
                        yield return Finding(definition.Target, field, $"'{pair.Value}' is not a status code.", "Give the status code to return, e.g. '502'.");
                        continue;
                    }
                    foreach (var unknown in ApiParameterMapping.UnknownVariables(pair.Value ?? "", response: true))
                        yield return Finding(definition.Target, field, $"'{unknown}' in '{pair.Value}' is not a response variable.",
                            "Use $response.header.NAME, $response.body.PATH, $context.NAME or $stageVariables.NAME (or ${...} around them), or static text.");
                }
            }
        }

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "1.0",
            ["RequestParameters"] = new Hashtable { ["append:header.x-caller"] = "$request.headers.x-user" },
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "1.0",
            ["RequestParameters"] = new Hashtable { ["append:header.x-caller"] = "$request.header.x-user" },
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
