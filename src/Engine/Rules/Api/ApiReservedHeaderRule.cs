using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2017: HTTP APIs refuse request and response parameter mappings of reserved headers.</summary>
    internal sealed class ApiReservedHeaderRule : ApiRule
    {
        public ApiReservedHeaderRule() : base(new RuleInfo("IT2017", Severity.Error,
            "HTTP APIs cannot map reserved headers",
            "API Gateway owns some headers (Authorization, Connection, Content-Length, X-Forwarded-For/Host/Proto, x-amz-*, apigw-* and others); HTTP APIs refuse parameter mappings that add, change or remove them."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            // Request mappings of AWS service integrations are the action's parameters, not headers.
            var mappings = ApiParameterMapping.Of(definition, requests: !ApiRuleText.Has(definition.IntegrationSubtype));
            foreach (var mapping in mappings.OrderBy(m => m.Field, System.StringComparer.Ordinal))
            {
                var header = ApiParameterMapping.HeaderOf(mapping.Key);
                if (header == null || !ApiIntegrationValues.IsReservedHeader(header, out var entry)) continue;
                yield return Finding(definition.Target, mapping.Field,
                    $"'{header}' is a reserved header ({entry}); HTTP APIs cannot map it.",
                    "Remove the mapping, or send the value in a header of your own, e.g. 'overwrite:header.x-original-" + header.ToLowerInvariant() + "'.");
            }
        }

        public override IDictionary FailingExample => ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["overwrite:header.Authorization"] = "$request.header.x-token" }));

        public override IDictionary PassingExample => ApiExamples.HttpProxy(("RequestParameters", new Hashtable { ["overwrite:header.x-token"] = "$request.header.x-token" }));

        protected override string OnlyOn => ApiIntegrationValues.Http;
    }
}
