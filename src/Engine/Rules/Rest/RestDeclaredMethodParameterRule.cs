using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1023: the method request parameters that request parameters map from and that cache keys name are declared by the
    /// method (its requestParameters). Needs the method: checked when <see cref="RuleContext.MethodRequestParameters"/> is known.
    /// </summary>
    internal sealed class RestDeclaredMethodParameterRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1023", Severity.Error,
            "Mapped and cached method request parameters are declared by the method",
            "API Gateway refuses a mapping from a method request parameter the method does not declare ('Invalid mapping expression parameter specified'), and cache key parameters must also be in the method's requestParameters.");

        public RestDeclaredMethodParameterRule() : base(Rule) { }

        /// <summary>True when the definition reads method request parameters, so the method must be read to check them.</summary>
        public static bool NeedsMethod(RestIntegrationDefinition definition) => Referenced(definition).Any();

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var declared = context.MethodRequestParameters;
            if (declared == null) yield break;
            var set = new HashSet<string>(declared, System.StringComparer.Ordinal);
            foreach (var (field, parameter) in Referenced(definition))
            {
                if (IsDeclared(parameter, set)) continue;
                yield return Finding(definition.Target, field,
                    $"'{parameter}' is not a request parameter of the method {definition.HttpMethod} {definition.ResourcePath ?? definition.ResourceId}" +
                    (set.Count == 0 ? " (it declares none)." : $" (it declares {string.Join(", ", set.OrderBy(p => p, System.StringComparer.Ordinal))})."),
                    $"Declare it on the method first (aws apigateway update-method --patch-operations op=add,path=/requestParameters/{parameter},value=false), or map from a parameter it declares.");
            }
        }

        private static IEnumerable<(string Field, string Parameter)> Referenced(RestIntegrationDefinition definition)
        {
            if (definition.RequestParameters != null)
                foreach (var pair in definition.RequestParameters.OrderBy(p => p.Key, System.StringComparer.Ordinal))
                    if (pair.Value != null && RestFacts.MethodRequestParameter.IsMatch(pair.Value))
                        yield return ($"RequestParameters['{pair.Key}']", pair.Value);
            if (definition.CacheKeyParameters != null)
                foreach (var key in definition.CacheKeyParameters)
                    if (key != null && RestFacts.MethodRequestParameter.IsMatch(key))
                        yield return ("CacheKeyParameters", key);
        }

        /// <summary>A multi-value mapping (method.request.multivalueheader.x) reads the parameter declared as either form.</summary>
        private static bool IsDeclared(string parameter, HashSet<string> declared)
        {
            if (declared.Contains(parameter)) return true;
            var match = RestFacts.MethodRequestParameter.Match(parameter);
            var location = match.Groups["location"].Value;
            var name = match.Groups["name"].Value;
            switch (location)
            {
                case "multivalueheader": return declared.Contains("method.request.header." + name);
                case "multivaluequerystring": return declared.Contains("method.request.querystring." + name);
                case "header": return declared.Contains("method.request.multivalueheader." + name);
                case "querystring": return declared.Contains("method.request.multivaluequerystring." + name);
                default: return false;
            }
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.querystring.q"] = "method.request.querystring.term" }));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("RequestParameters", new Hashtable { ["integration.request.querystring.q"] = "method.request.querystring.q" }));

        public override RuleContext ExampleContext => new RuleContext(null, null, new[] { "method.request.querystring.q" });
    }
}
