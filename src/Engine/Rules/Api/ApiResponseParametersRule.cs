using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2019: HTTP API response parameters are keyed by a status code 200-599, and each maps a header or the status code.</summary>
    internal sealed class ApiResponseParametersRule : ApiRule
    {
        public ApiResponseParametersRule() : base(new RuleInfo("IT2019", Severity.Error,
            "HTTP API response parameters are keyed by a status code from 200 to 599",
            "Response parameters change the backend's answer per status code it returns (200-599), by header (append|overwrite|remove:header.NAME) or status code (overwrite:statuscode); the service refuses other keys."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            foreach (var status in MapEntries.Sorted(definition.ResponseParameters))
            {
                if (!int.TryParse(status.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 200 || code > 599)
                    yield return Finding(definition.Target, $"ResponseParameters.{status.Key}",
                        $"'{status.Key}' is not a status code from 200 to 599.",
                        "Key each set of response parameters by the backend status code it applies to, e.g. @{ '500' = @{ 'overwrite:statuscode' = '502' } }.");
                foreach (var mapping in ApiParameterMapping.In(nameof(definition.ResponseParameters), status.Value, status.Key))
                {
                    if (ApiParameterMapping.ResponseKey.IsMatch(mapping.Key)) continue;
                    yield return Finding(definition.Target, mapping.Field,
                        $"'{mapping.Key}' is not a response parameter key.",
                        "Use append|overwrite|remove:header.NAME or overwrite:statuscode.");
                }
            }
        }

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("ResponseParameters", new Hashtable { ["5XX"] = new Hashtable { ["overwrite:statuscode"] = "502" } }));

        public override IDictionary PassingExample =>
            ApiExamples.HttpProxy(("ResponseParameters", new Hashtable { ["500"] = new Hashtable { ["overwrite:statuscode"] = "502", ["append:header.x-error"] = "backend" } }));
    }
}
