using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2016: request parameter keys of HTTP API integrations (without a subtype) say how and where to change the request.</summary>
    internal sealed class ApiHttpRequestParameterKeyRule : ApiRule
    {
        public ApiHttpRequestParameterKeyRule() : base(new RuleInfo("IT2016", Severity.Error,
            "HTTP API request parameter keys are append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path",
            "On HTTP APIs a request parameter key names the action and the part of the request it changes; the service refuses any other key (such as the WebSocket and REST API form integration.request.header.NAME)."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            if (ApiRuleText.Has(definition.IntegrationSubtype)) yield break;
            foreach (var mapping in ApiParameterMapping.In(nameof(definition.RequestParameters), definition.RequestParameters))
            {
                var key = mapping.Key;
                if (ApiParameterMapping.RequestKey.IsMatch(key)) continue;
                var legacy = Regex.Match(key, @"^integration\.request\.(?<location>header|querystring|path)\.(?<name>.+)$");
                string fix;
                if (legacy.Success)
                    fix = legacy.Groups["location"].Value == "path"
                        ? "HTTP APIs change the path with 'overwrite:path' only."
                        : $"Write it as 'overwrite:{legacy.Groups["location"].Value}.{legacy.Groups["name"].Value}' (or append:/remove:).";
                else if (Regex.IsMatch(key, @"^(header|querystring)\."))
                    fix = $"Put the action first: 'overwrite:{key}', 'append:{key}' or 'remove:{key}'.";
                else
                    fix = "Use append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path.";
                yield return Finding(definition.Target, mapping.Field, $"'{key}' is not a request parameter key of an HTTP API.", fix);
            }
        }

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.header.x-source"] = "$context.requestId" }));

        public override IDictionary PassingExample =>
            ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["overwrite:header.x-source"] = "$context.requestId", ["overwrite:path"] = "/v2$request.path" }));

        protected override string OnlyOn => ApiIntegrationValues.Http;
    }
}
