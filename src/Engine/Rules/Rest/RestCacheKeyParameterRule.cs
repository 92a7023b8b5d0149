using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1022: cache key parameters are method request parameters: method.request.{querystring|path|header}.{name}.</summary>
    internal sealed class RestCacheKeyParameterRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1022", Severity.Error,
            "Cache key parameters are method request parameters",
            "The stage cache keys cached responses by the values of method request parameters (method.request.querystring.{name}, .path., .header.); anything else cannot be a cache key.");

        public RestCacheKeyParameterRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (definition.CacheKeyParameters == null) yield break;
            foreach (var key in definition.CacheKeyParameters)
            {
                if (key != null && RestFacts.MethodRequestParameter.IsMatch(key)) continue;
                var fix = key != null && RestFacts.IntegrationRequestParameter.IsMatch(key)
                    ? $"Name the method request parameter instead: '{"method" + key.Substring("integration".Length)}'."
                    : "Write each cache key as method.request.querystring.{name}, method.request.path.{name} or method.request.header.{name}.";
                yield return Finding(definition.Target, "CacheKeyParameters", $"Cache key parameter '{key}' is not a method request parameter.", fix);
            }
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("CacheKeyParameters", new[] { "querystring.q" }));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("CacheKeyParameters", new[] { "method.request.querystring.q" }));

        public override RuleContext ExampleContext => new RuleContext(null, null, new[] { "method.request.querystring.q" });
    }
}
