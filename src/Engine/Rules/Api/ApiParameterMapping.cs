using System.Text.RegularExpressions;
using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// The grammar of HTTP API parameter mapping (keys and the variables values may use), and the walk over the mappings
    /// of a definition in the order findings are reported, shared by the rules about them.
    /// </summary>
    internal static class ApiParameterMapping
    {
        /// <summary>append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME, overwrite:path.</summary>
        public static readonly Regex RequestKey = new Regex(@"^(?<action>append|overwrite|remove):(?<location>header|querystring)\.(?<name>[^\s]+)$|^overwrite:path$", RegexOptions.CultureInvariant);

        /// <summary>append|overwrite|remove:header.NAME, overwrite:statuscode.</summary>
        public static readonly Regex ResponseKey = new Regex(@"^(?<action>append|overwrite|remove):header\.(?<name>[^\s]+)$|^overwrite:statuscode$", RegexOptions.CultureInvariant);

        private static readonly Regex Variable = new Regex(@"\$\{(?<expr>[^}]*)\}|\$(?<expr>[A-Za-z][A-Za-z0-9_.\-]*)", RegexOptions.CultureInvariant);

        private static readonly Regex RequestVariable = new Regex(
            @"^(request\.header\.[^.\s]+|request\.querystring\.[^.\s]+|request\.body(\..+)?|request\.path(\.[^.\s]+)?|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$",
            RegexOptions.CultureInvariant);

        private static readonly Regex ResponseVariable = new Regex(
            @"^(response\.header\.[^.\s]+|response\.body(\..+)?|request\.header\.[^.\s]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$",
            RegexOptions.CultureInvariant);

        /// <summary>The header a key maps, or null when it maps no header.</summary>
        public static string? HeaderOf(string key)
        {
            var colon = key.IndexOf(':');
            var rest = colon < 0 ? key : key.Substring(colon + 1);
            return rest.StartsWith("header.", System.StringComparison.Ordinal) ? rest.Substring("header.".Length) : null;
        }

        public static bool IsRemove(string key) => key.StartsWith("remove:", System.StringComparison.Ordinal);

        /// <summary>The variables in a value ($request.header.x or ${request.header.x}) that are not request (or response) variables.</summary>
        public static IEnumerable<string> UnknownVariables(string value, bool response)
        {
            foreach (Match match in Variable.Matches(value))
            {
                var expression = match.Groups["expr"].Value.TrimEnd('.');
                var known = response ? ResponseVariable : RequestVariable;
                if (!known.IsMatch(expression)) yield return "$" + expression;
            }
        }

        /// <summary>
        /// The mappings of one map in key order (<paramref name="status"/>: the status code they apply to, in the response
        /// parameters of an HTTP API); nothing, and no allocation, for a missing or empty map.
        /// </summary>
        public static IEnumerable<ParameterMapping> In(string map, Dictionary<string, string>? mappings, string? status = null) =>
            mappings == null || mappings.Count == 0 ? Array.Empty<ParameterMapping>() : InKeyOrder(map, mappings, status);

        /// <summary>
        /// The request mappings of an HTTP API integration (when <paramref name="requests"/>) in key order, then its response
        /// mappings by status code and key.
        /// </summary>
        public static IEnumerable<ParameterMapping> Of(ApiIntegrationDefinition definition, bool requests = true) =>
            (requests && ApiRuleText.Has(definition.RequestParameters)) || ApiRuleText.Has(definition.ResponseParameters)
                ? RequestsThenResponses(definition, requests)
                : Array.Empty<ParameterMapping>();

        private static IEnumerable<ParameterMapping> InKeyOrder(string map, Dictionary<string, string> mappings, string? status)
        {
            foreach (var pair in mappings.OrderBy(p => p.Key, StringComparer.Ordinal))
                yield return new ParameterMapping(map, status, pair.Key, pair.Value);
        }

        private static IEnumerable<ParameterMapping> RequestsThenResponses(ApiIntegrationDefinition definition, bool requests)
        {
            if (requests)
                foreach (var mapping in In(nameof(definition.RequestParameters), definition.RequestParameters))
                    yield return mapping;
            foreach (var status in MapEntries.Sorted(definition.ResponseParameters))
                foreach (var mapping in In(nameof(definition.ResponseParameters), status.Value, status.Key))
                    yield return mapping;
        }
    }

    /// <summary>One parameter mapping of a definition: its key and value, and where it is, for the findings about it.</summary>
    internal readonly struct ParameterMapping
    {
        private readonly string _map;

        public ParameterMapping(string map, string? status, string key, string? value)
        {
            _map = map;
            Status = status;
            Key = key;
            Value = value;
        }

        /// <summary>The status code a response mapping of an HTTP API applies to; null for any other mapping.</summary>
        public string? Status { get; }

        public string Key { get; }

        public string? Value { get; }

        /// <summary>RequestParameters.KEY, ResponseParameters.KEY or ResponseParameters.STATUS.KEY: the field a finding names.</summary>
        public string Field => Status == null ? $"{_map}.{Key}" : $"{_map}.{Status}.{Key}";
    }
}
