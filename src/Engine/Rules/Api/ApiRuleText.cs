using IntegrationTools.Definitions;
using IntegrationTools.Text;

namespace IntegrationTools.Rules
{
    /// <summary>What the HTTP and WebSocket API rules share: the protocol to assume, and the phrases of their messages.</summary>
    internal static class ApiRuleText
    {
        public static string? Protocol(ApiIntegrationDefinition definition, RuleContext context) =>
            ApiIntegrationValues.Protocol(context.ProtocolType, definition.ProtocolType);

        public static bool IsHttp(string? protocol) => protocol == ApiIntegrationValues.Http;

        public static bool IsWebSocket(string? protocol) => protocol == ApiIntegrationValues.WebSocket;

        /// <summary>"an HTTP API", "a WebSocket API", "the API".</summary>
        public static string Api(string? protocol) =>
            IsHttp(protocol) ? "an HTTP API" : IsWebSocket(protocol) ? "a WebSocket API" : "the API";

        /// <summary>The text with its first letter in upper case, to start a sentence.</summary>
        public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        public static bool Has(string? value) => !string.IsNullOrEmpty(value);

        public static bool Has<T>(IDictionary<string, T>? map) => map != null && map.Count > 0;

        public static string Type(ApiIntegrationDefinition d) => (d.IntegrationType ?? "").ToUpperInvariant();

        /// <summary>A Lambda proxy integration: AWS_PROXY without a subtype.</summary>
        public static bool IsLambdaProxy(ApiIntegrationDefinition d) => Type(d) == ApiIntegrationValues.AwsProxy && !Has(d.IntegrationSubtype);

        /// <summary>" Did you mean 'X'?" when a candidate is close enough to be a typo, else "".</summary>
        public static string DidYouMean(string value, IEnumerable<string> candidates)
        {
            var closest = Closest.To(value, candidates, 1);
            return closest.Count > 0 && Closest.Distance(value, closest[0]) <= Math.Max(2, value.Length / 3) ? $" Did you mean '{closest[0]}'?" : "";
        }

        public static string List(IEnumerable<string> values) => string.Join(", ", values);

        public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => "'" + v + "'"));
    }
}
