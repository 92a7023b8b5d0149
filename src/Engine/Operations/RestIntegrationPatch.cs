using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Turns the fields a user named (as a partial <see cref="RestIntegrationDefinition"/>) into UpdateIntegration patch
    /// operations against the current integration, and applies patch operations to a definition so the result can be
    /// checked by the rule catalog before anything is sent. Map keys are JSON-pointer escaped ('~' as ~0, '/' as ~1).
    /// </summary>
    public static class RestIntegrationPatch
    {
        /// <summary>The scalar members of an integration that a patch can replace, as JSON pointers.</summary>
        public static readonly string[] ScalarPaths =
        {
            "/type", "/httpMethod", "/uri", "/connectionType", "/connectionId", "/credentials", "/passthroughBehavior",
            "/cacheNamespace", "/contentHandling", "/timeoutInMillis", "/tlsConfig/insecureSkipVerification",
            "/responseTransferMode", "/integrationTarget",
        };

        private const string RequestParametersPrefix = "/requestParameters/";
        private const string RequestTemplatesPrefix = "/requestTemplates/";
        private const string CacheKeyParametersPrefix = "/cacheKeyParameters/";

        /// <summary>Escapes a map key for a JSON pointer: '~' becomes ~0 and '/' becomes ~1 (application/json is application~1json).</summary>
        public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

        /// <summary>The reverse of <see cref="Escape"/>.</summary>
        public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

        public static bool IsKnownPath(string path) =>
            ScalarPaths.Contains(path, StringComparer.Ordinal)
            || (path.StartsWith(RequestParametersPrefix, StringComparison.Ordinal) && path.Length > RequestParametersPrefix.Length)
            || (path.StartsWith(RequestTemplatesPrefix, StringComparison.Ordinal) && path.Length > RequestTemplatesPrefix.Length)
            || (path.StartsWith(CacheKeyParametersPrefix, StringComparison.Ordinal) && path.Length > CacheKeyParametersPrefix.Length);

        /// <summary>Lower-cases the op of raw operations ('Replace' is replace); the rest is kept as given.</summary>
        public static List<PatchOperation> Normalize(IEnumerable<PatchOperation>? operations) =>
            (operations ?? Enumerable.Empty<PatchOperation>())
                .Where(o => o != null)
                .Select(o => new PatchOperation(o.Op?.Trim().ToLowerInvariant()!, o.Path?.Trim()!, o.Value, o.From))
                .ToList();

        /// <summary>
        /// The operations that change exactly the fields set in <paramref name="changes"/> (null means "not named"): replace
        /// for scalars; add, replace or remove per key for request parameters and templates (an empty value removes the
        /// key); add and remove to turn the cache key parameters into the given list.
        /// </summary>
        public static List<PatchOperation> Build(RestIntegration current, RestIntegrationDefinition changes)
        {
            var ops = new List<PatchOperation>();
            void Replace(string path, string? value)
            {
                if (value != null) ops.Add(new PatchOperation("replace", path, value));
            }

            Replace("/type", changes.Type);
            Replace("/httpMethod", changes.IntegrationHttpMethod);
            Replace("/uri", changes.Uri);
            Replace("/connectionType", changes.ConnectionType);
            Replace("/connectionId", changes.ConnectionId);
            Replace("/credentials", changes.Credentials);
            Replace("/passthroughBehavior", changes.PassthroughBehavior);
            Replace("/cacheNamespace", changes.CacheNamespace);
            Replace("/contentHandling", changes.ContentHandling);
            Replace("/timeoutInMillis", changes.TimeoutInMillis?.ToString(CultureInfo.InvariantCulture));
            Replace("/tlsConfig/insecureSkipVerification", changes.InsecureSkipVerification?.ToString().ToLowerInvariant());
            Replace("/responseTransferMode", changes.ResponseTransferMode);
            Replace("/integrationTarget", changes.IntegrationTarget);
            MapOps(ops, RequestParametersPrefix, current.RequestParameters, changes.RequestParameters);
            MapOps(ops, RequestTemplatesPrefix, current.RequestTemplates, changes.RequestTemplates);
            if (changes.CacheKeyParameters != null)
            {
                var wanted = changes.CacheKeyParameters.Distinct(StringComparer.Ordinal).ToList();
                foreach (var key in wanted.Where(k => !current.CacheKeyParameters.Contains(k, StringComparer.Ordinal)))
                    ops.Add(new PatchOperation("add", CacheKeyParametersPrefix + Escape(key)));
                foreach (var key in current.CacheKeyParameters.Where(k => !wanted.Contains(k, StringComparer.Ordinal)))
                    ops.Add(new PatchOperation("remove", CacheKeyParametersPrefix + Escape(key)));
            }
            return ops;
        }

        private static void MapOps(List<PatchOperation> ops, string prefix, Dictionary<string, string> current, Dictionary<string, string>? changes)
        {
            if (changes == null) return;
            foreach (var pair in changes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var path = prefix + Escape(pair.Key);
                var exists = current.ContainsKey(pair.Key);
                if (string.IsNullOrEmpty(pair.Value))
                {
                    if (exists) ops.Add(new PatchOperation("remove", path));
                }
                else
                {
                    ops.Add(new PatchOperation(exists ? "replace" : "add", path, pair.Value));
                }
            }
        }

        /// <summary>
        /// The definition as it will be after <paramref name="operations"/> (a copy; the original is untouched). Paths this
        /// module does not know, and move, copy and test, leave it as it is: the service judges those.
        /// </summary>
        public static RestIntegrationDefinition Apply(RestIntegrationDefinition definition, IEnumerable<PatchOperation> operations)
        {
            var result = definition.Clone();
            foreach (var operation in operations)
            {
                var op = operation.Op;
                var path = operation.Path ?? "";
                if (op != "add" && op != "replace" && op != "remove") continue;
                var value = op == "remove" ? null : operation.Value;
                if (path.StartsWith(RequestParametersPrefix, StringComparison.Ordinal))
                    result.RequestParameters = SetKey(result.RequestParameters, Unescape(path.Substring(RequestParametersPrefix.Length)), value);
                else if (path.StartsWith(RequestTemplatesPrefix, StringComparison.Ordinal))
                    result.RequestTemplates = SetKey(result.RequestTemplates, Unescape(path.Substring(RequestTemplatesPrefix.Length)), value);
                else if (path.StartsWith(CacheKeyParametersPrefix, StringComparison.Ordinal))
                {
                    var key = Unescape(path.Substring(CacheKeyParametersPrefix.Length));
                    var list = result.CacheKeyParameters ?? new List<string>();
                    list.RemoveAll(k => k == key);
                    if (op != "remove") list.Add(key);
                    result.CacheKeyParameters = list.Count == 0 ? null : list;
                }
                else
                {
                    SetScalar(result, path, value);
                }
            }
            return result;
        }

        private static Dictionary<string, string>? SetKey(Dictionary<string, string>? map, string key, string? value)
        {
            var copy = map == null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map, StringComparer.Ordinal);
            if (value == null) copy.Remove(key);
            else copy[key] = value;
            return copy.Count == 0 ? null : copy;
        }

        private static void SetScalar(RestIntegrationDefinition d, string path, string? value)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
            switch (path)
            {
                case "/type": d.Type = text?.ToUpperInvariant(); break;
                case "/httpMethod": d.IntegrationHttpMethod = text?.ToUpperInvariant(); break;
                case "/uri": d.Uri = text; break;
                case "/connectionType": d.ConnectionType = text?.ToUpperInvariant(); break;
                case "/connectionId": d.ConnectionId = text; break;
                case "/credentials": d.Credentials = text; break;
                case "/passthroughBehavior": d.PassthroughBehavior = text?.ToUpperInvariant(); break;
                case "/cacheNamespace": d.CacheNamespace = text; break;
                case "/contentHandling": d.ContentHandling = text?.ToUpperInvariant(); break;
                case "/responseTransferMode": d.ResponseTransferMode = text?.ToUpperInvariant(); break;
                case "/integrationTarget": d.IntegrationTarget = text; break;
                case "/timeoutInMillis":
                    if (text == null) d.TimeoutInMillis = null;
                    else if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeout)) d.TimeoutInMillis = timeout;
                    break;
                case "/tlsConfig/insecureSkipVerification":
                    if (text == null) d.InsecureSkipVerification = null;
                    else if (bool.TryParse(text, out var skip)) d.InsecureSkipVerification = skip;
                    break;
            }
        }
    }
}
