using System.Text.RegularExpressions;

namespace IntegrationTools.Rules
{
    /// <summary>The grammar of HTTP API parameter mapping (keys and the variables values may use), shared by its rules.</summary>
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
    }
}
