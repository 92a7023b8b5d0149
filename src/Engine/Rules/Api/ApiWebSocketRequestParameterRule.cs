using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2020: WebSocket API request parameters map integration.request.header|querystring|path.NAME from
    /// route.request.header|querystring|path|body..., context.NAME, stageVariables.NAME or a 'quoted' static value.
    /// </summary>
    internal sealed class ApiWebSocketRequestParameterRule : ApiRule
    {
        private static readonly Regex Key = new Regex(@"^integration\.request\.(header|querystring|path)\.[^\s]+$", RegexOptions.CultureInvariant);
        private static readonly Regex Value = new Regex(@"^(route\.request\.(header|querystring|path)\.[^\s]+|route\.request\.body(\.[^\s]+)?|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+|'[^']*')$", RegexOptions.CultureInvariant);

        public ApiWebSocketRequestParameterRule() : base(new RuleInfo("IT2020", Severity.Error,
            "WebSocket request parameters map integration.request.* from route.request.*, context, stage variables or a quoted static value",
            "On WebSocket APIs a request parameter key names the backend request parameter (integration.request.header|querystring|path.NAME) and its value where it comes from; the service refuses other forms, such as the HTTP API form overwrite:header.NAME."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            foreach (var mapping in ApiParameterMapping.In(nameof(definition.RequestParameters), definition.RequestParameters))
            {
                var field = mapping.Field;
                if (!Key.IsMatch(mapping.Key))
                {
                    var http = ApiParameterMapping.RequestKey.Match(mapping.Key);
                    var fix = http.Success && http.Groups["location"].Success && http.Groups["location"].Value.Length > 0
                        ? $"Write it as 'integration.request.{http.Groups["location"].Value}.{http.Groups["name"].Value}'."
                        : "Use integration.request.header.NAME, integration.request.querystring.NAME or integration.request.path.NAME.";
                    yield return Finding(definition.Target, field, $"'{mapping.Key}' is not a request parameter key of a WebSocket API.", fix);
                }
                if (!Value.IsMatch(mapping.Value ?? ""))
                    yield return Finding(definition.Target, field, $"'{mapping.Value}' is not a WebSocket request parameter value.",
                        "Use route.request.header.NAME, route.request.querystring.NAME, route.request.body.PATH, context.NAME, stageVariables.NAME, or static text in single quotes ('value').");
            }
        }

        public override IDictionary FailingExample => ApiExamples.WebSocketHttp(("RequestParameters", new Hashtable { ["overwrite:header.x-connection"] = "$context.connectionId" }));

        public override IDictionary PassingExample => ApiExamples.WebSocketHttp(("RequestParameters", new Hashtable { ["integration.request.header.x-connection"] = "context.connectionId" }));

        protected override string OnlyOn => ApiIntegrationValues.WebSocket;
    }
}
