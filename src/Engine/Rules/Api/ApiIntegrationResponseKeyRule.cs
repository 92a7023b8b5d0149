using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2102: an integration response key is '$default' or a regular expression between slashes, such as '/2\d\d/'.</summary>
    internal sealed class ApiIntegrationResponseKeyRule : Rule<ApiIntegrationResponseDefinition>
    {
        public ApiIntegrationResponseKeyRule() : base(new RuleInfo("IT2102", Severity.Error,
            "The integration response key is not '$default' or a /regular expression/",
            "WebSocket APIs pick the integration response whose key matches the integration's status code: the key is '$default' (everything else) or a regular expression between slashes such as '/2\\d\\d/'; the service refuses other keys."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context)
        {
            var key = definition.IntegrationResponseKey;
            const string field = nameof(ApiIntegrationResponseDefinition.IntegrationResponseKey);
            if (string.IsNullOrEmpty(key))
            {
                yield return Finding(definition.Target, field, "The integration response has no IntegrationResponseKey.",
                    "Give '$default', or a regular expression between slashes matched against the status code, e.g. '/2\\d\\d/' (in single quotes in PowerShell).");
                yield break;
            }
            if (key == "$default") yield break;
            if (key!.Length < 3 || !key.StartsWith("/", StringComparison.Ordinal) || !key.EndsWith("/", StringComparison.Ordinal))
            {
                var hint = key.Equals("default", StringComparison.OrdinalIgnoreCase) || key.Equals("$default", StringComparison.OrdinalIgnoreCase)
                    ? " In PowerShell write '$default' in single quotes: in double quotes $default is a variable."
                    : Regex.IsMatch(key, @"^\d[\dxX]{2}$") ? $" A status code is matched by a regular expression: '/{key.Replace('x', '.').Replace('X', '.')}/'." : "";
                yield return Finding(definition.Target, field, $"'{key}' is not '$default' or a regular expression between slashes.{hint}",
                    "Use '$default' or a /regular expression/ such as '/2\\d\\d/' or '/4\\d\\d/'.");
                yield break;
            }
            string? problem = null;
            try
            {
                _ = new Regex(key.Substring(1, key.Length - 2), RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                problem = ex.Message;
            }
            if (problem != null)
                yield return Finding(definition.Target, field, $"'{key}' is not a valid regular expression: {problem}", "Fix the regular expression between the slashes.");
        }

        public override IDictionary FailingExample => ApiExamples.Response(("IntegrationResponseKey", "2xx"));

        public override IDictionary PassingExample => ApiExamples.Response(("IntegrationResponseKey", "/2\\d\\d/"));

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
