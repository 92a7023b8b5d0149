using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2019: HTTP API response parameters are keyed by a status code 200-599, and each maps a header or the status code.</summary>
    internal sealed class ApiResponseParametersRule : Rule<ApiIntegrationDefinition>
    {
        public ApiResponseParametersRule() : base(new RuleInfo("IT2019", Severity.Error,
            "HTTP API response parameters are keyed by a status code from 200 to 599",
            "Response parameters change the backend's answer per status code it returns (200-599), by header (append|overwrite|remove:header.NAME) or status code (overwrite:statuscode); the service refuses other keys."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            foreach (var status in ApiRuleText.Sorted(definition.ResponseParameters))
            {
                if (!int.TryParse(status.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 200 || code > 599)
                    yield return Finding(definition.Target, $"ResponseParameters.{status.Key}",
                        $"'{status.Key}' is not a status code from 200 to 599.",
                        "Key each set of response parameters by the backend status code it applies to, e.g. @{ '500' = @{ 'overwrite:statuscode' = '502' } }.");
                foreach (var key in ApiRuleText.SortedKeys(status.Value))
                {
                    if (ApiParameterMapping.ResponseKey.IsMatch(key)) continue;
                    yield return Finding(definition.Target, $"ResponseParameters.{status.Key}.{key}",
                        $"'{key}' is not a response parameter key.",
                        "Use append|overwrite|remove:header.NAME or overwrite:statuscode.");
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
            ["ResponseParameters"] = new Hashtable { ["5XX"] = new Hashtable { ["overwrite:statuscode"] = "502" } },
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "1.0",
            ["ResponseParameters"] = new Hashtable { ["500"] = new Hashtable { ["overwrite:statuscode"] = "502", ["append:header.x-error"] = "backend" } },
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
