using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1019: mapping templates are keyed by content type (application/json). That the templates are text is checked when the
    /// definition is read (IT0003), so a hashtable or list given as a template never gets this far.
    /// </summary>
    internal sealed class RestRequestTemplateKeyRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1019", Severity.Error,
            "Request templates are text keyed by content type",
            "API Gateway picks a request mapping template by the request's Content-Type, so each key must be a content type such as application/json and each template Velocity text (a JSON body must be written as a string, not as a hashtable).");

        public RestRequestTemplateKeyRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context) =>
            AllContentTypes(definition.RequestTemplates)
                ? System.Array.Empty<Finding>()
                : CheckKeys(Info, definition.Target, "RequestTemplates", definition.RequestTemplates);

        /// <summary>True when there is nothing to report (no templates, or every key a content type): no target text, no sorting.</summary>
        internal static bool AllContentTypes(Dictionary<string, string>? templates)
        {
            if (templates == null) return true;
            foreach (var key in templates.Keys)
                if (!RestFacts.MediaType.IsMatch(key)) return false;
            return true;
        }

        internal static IEnumerable<Finding> CheckKeys(RuleInfo info, string target, string field, Dictionary<string, string>? templates)
        {
            if (templates == null) yield break;
            foreach (var key in templates.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
            {
                if (RestFacts.MediaType.IsMatch(key)) continue;
                var guess = key.Equals("json", System.StringComparison.OrdinalIgnoreCase) ? "application/json"
                    : key.Equals("xml", System.StringComparison.OrdinalIgnoreCase) ? "application/xml"
                    : key.Equals("text", System.StringComparison.OrdinalIgnoreCase) ? "text/plain" : null;
                yield return info.Finding(target, $"{field}['{key}']",
                    $"Template key '{key}' is not a content type.",
                    guess != null ? $"Key the template by the content type '{guess}'." : "Key each template by a content type such as application/json.");
            }
        }

        public override IDictionary FailingExample => RestExamples.Mock(("RequestTemplates", new Hashtable { ["json"] = "{\"statusCode\": 200}" }));

        public override IDictionary PassingExample => RestExamples.Mock(("RequestTemplates", new Hashtable { ["application/json"] = "{\"statusCode\": 200}" }));
    }
}
