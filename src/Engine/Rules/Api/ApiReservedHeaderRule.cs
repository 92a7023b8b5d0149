using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2017: HTTP APIs refuse request and response parameter mappings of reserved headers.</summary>
    internal sealed class ApiReservedHeaderRule : Rule<ApiIntegrationDefinition>
    {
        public ApiReservedHeaderRule() : base(new RuleInfo("IT2017", Severity.Error,
            "HTTP APIs cannot map reserved headers",
            "API Gateway owns some headers (Authorization, Connection, Content-Length, X-Forwarded-For/Host/Proto, x-amz-*, apigw-* and others); HTTP APIs refuse parameter mappings that add, change or remove them."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            if (!ApiRuleText.IsHttp(ApiRuleText.Protocol(definition, context))) yield break;
            if ((definition.RequestParameters == null || definition.RequestParameters.Count == 0) && (definition.ResponseParameters == null || definition.ResponseParameters.Count == 0)) yield break;
            var keys = new List<(string Field, string Key)>();
            if (!ApiRuleText.Has(definition.IntegrationSubtype))
                keys.AddRange((definition.RequestParameters ?? new Dictionary<string, string>()).Keys.Select(k => ("RequestParameters." + k, k)));
            foreach (var status in ApiRuleText.Sorted(definition.ResponseParameters))
                keys.AddRange(status.Value.Keys.Select(k => ($"ResponseParameters.{status.Key}.{k}", k)));
            foreach (var (field, key) in keys.OrderBy(k => k.Field, System.StringComparer.Ordinal))
            {
                var header = ApiParameterMapping.HeaderOf(key);
                if (header == null || !ApiIntegrationValues.IsReservedHeader(header, out var entry)) continue;
                yield return Finding(definition.Target, field,
                    $"'{header}' is a reserved header ({entry}); HTTP APIs cannot map it.",
                    "Remove the mapping, or send the value in a header of your own, e.g. 'overwrite:header.x-original-" + header.ToLowerInvariant() + "'.");
            }
        }

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "1.0",
            ["RequestParameters"] = new Hashtable { ["overwrite:header.Authorization"] = "$request.header.x-token" },
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "1.0",
            ["RequestParameters"] = new Hashtable { ["overwrite:header.x-token"] = "$request.header.x-token" },
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
