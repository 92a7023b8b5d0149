using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1008: an HTTP or HTTP_PROXY integration's URI is an absolute, encoded http(s) URL on port 80, 443 or above 1024.</summary>
    internal sealed class RestHttpUriRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1008", Severity.Error,
            "HTTP integration URIs are absolute http or https URLs",
            "For HTTP and HTTP_PROXY integrations, with or without a VPC link, the URI must be a fully formed, encoded RFC 3986 http(s) URL; API Gateway calls ports 80 and 443 and custom ports above 1024 only.");

        private static readonly Regex StageVariable = new Regex(@"\$\{stageVariables\.[A-Za-z0-9_]+\}", RegexOptions.CultureInvariant);

        public RestHttpUriRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var uri = definition.Uri;
            if (uri == null || !RestFacts.IsHttp(definition.Type)) yield break;
            var problem = Problem(uri, out var fix);
            if (problem != null)
                yield return Finding(definition.Target, "Uri", $"Uri '{uri}' {problem}", fix!);
        }

        internal static string? Problem(string uri, out string? fix)
        {
            fix = null;
            if (uri.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
            {
                fix = "Use Type AWS or AWS_PROXY for an AWS service or Lambda URI, or give the backend's http(s) URL.";
                return "is an ARN, not an http or https URL.";
            }
            foreach (var c in uri)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    fix = "Percent-encode the URL (a space is %20).";
                    return "holds white space; the URL must be encoded.";
                }
            }
            // Stage variables may stand anywhere in the URL (${stageVariables.host}); read them as a plain word.
            var probe = StageVariable.Replace(uri, "stagevariable");
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                fix = uri.Contains("://")
                    ? "Use an http:// or https:// URL, such as https://api.example.com/pets."
                    : $"Write the full URL with its scheme, such as https://{uri.TrimStart('/')}.";
                return "is not an absolute http or https URL.";
            }
            if (string.IsNullOrEmpty(parsed.Host))
            {
                fix = "Name the backend's host, such as https://api.example.com/pets.";
                return "has no host.";
            }
            if (!parsed.IsDefaultPort && parsed.Port != 80 && parsed.Port != 443 && parsed.Port <= 1024)
            {
                fix = "Use port 80, 443 or a port above 1024.";
                return $"uses port {parsed.Port}; API Gateway calls ports 80 and 443 and ports above 1024 only.";
            }
            return null;
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("Uri", "petstore.example.com/pets"));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("Uri", "https://petstore.example.com/pets"));
    }
}
