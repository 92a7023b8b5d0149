using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2104: integration response parameters map method.response.header.NAME from integration.response.header.NAME,
    /// integration.response.body(.PATH) or a 'quoted' static value.
    /// </summary>
    internal sealed class ApiIntegrationResponseParametersRule : Rule<ApiIntegrationResponseDefinition>
    {
        private static readonly Regex Key = new Regex(@"^method\.response\.header\.[^\s.]+$", RegexOptions.CultureInvariant);
        private static readonly Regex Value = new Regex(@"^(integration\.response\.header\.[^\s]+|integration\.response\.body(\.[^\s]+)?|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+|'[^']*')$", RegexOptions.CultureInvariant);

        public ApiIntegrationResponseParametersRule() : base(new RuleInfo("IT2104", Severity.Error,
            "Integration response parameters map method.response.header.NAME from the integration response or a quoted static value",
            "The key names a response header (method.response.header.NAME) and the value where it comes from: integration.response.header.NAME, integration.response.body.PATH, or static text in single quotes; the service refuses other forms."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context)
        {
            foreach (var mapping in ApiParameterMapping.In(nameof(definition.ResponseParameters), definition.ResponseParameters))
            {
                var field = mapping.Field;
                if (!Key.IsMatch(mapping.Key))
                    yield return Finding(definition.Target, field, $"'{mapping.Key}' is not method.response.header.NAME.", "Key response parameters by the header they set, e.g. 'method.response.header.x-request-id'.");
                if (!Value.IsMatch(mapping.Value ?? ""))
                    yield return Finding(definition.Target, field, $"'{mapping.Value}' is not integration.response.header.NAME, integration.response.body(.PATH) or a 'quoted' static value.",
                        "Map from the integration response (integration.response.header.NAME, integration.response.body.PATH) or write static text in single quotes: \"'value'\".");
            }
        }

        public override IDictionary FailingExample => ApiExamples.Response(("ResponseParameters", new Hashtable { ["header.x-request-id"] = "integration.response.header.x-request-id" }));

        public override IDictionary PassingExample =>
            ApiExamples.Response(("ResponseParameters", new Hashtable { ["method.response.header.x-request-id"] = "integration.response.header.x-request-id" }));

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
