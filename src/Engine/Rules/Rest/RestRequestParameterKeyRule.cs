using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1017: request parameter keys name what the backend receives: integration.request.{querystring|path|header}.{name}.</summary>
    internal sealed class RestRequestParameterKeyRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1017", Severity.Error,
            "Request parameter keys are integration.request.{querystring|path|header}.{name}",
            "The key of a request parameter mapping is the integration request parameter that receives the value; API Gateway refuses any other form.");

        public RestRequestParameterKeyRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            foreach (var pair in MapEntries.Refused(definition.RequestParameters, p => RestFacts.IntegrationRequestParameter.IsMatch(p.Key)))
            {
                var key = pair.Key;
                var fix = RestFacts.MethodRequestParameter.IsMatch(key) && RestFacts.IntegrationRequestParameter.IsMatch("integration" + key.Substring("method".Length))
                    ? $"The key is the integration side and the value the method side: write @{{ '{"integration" + key.Substring("method".Length)}' = '{key}' }}."
                    : "Write the key as integration.request.querystring.{name}, integration.request.path.{name} or integration.request.header.{name}.";
                yield return Finding(definition.Target, $"RequestParameters['{key}']",
                    $"Request parameter key '{key}' is not integration.request.{{querystring|path|header}}.{{name}}.", fix);
            }
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["method.request.path.id"] = "method.request.path.id" }));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.path.id"] = "method.request.path.id" }));

        public override RuleContext ExampleContext => new RuleContext(null, null, new[] { "method.request.path.id" });
    }
}
