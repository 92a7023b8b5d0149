using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>Collects IT3006 drift findings, one per member that differs, with the deployed and the defined value.</summary>
internal sealed class DriftCollector
    {
        private readonly string _target;

        public DriftCollector(string target) => _target = target;

        /// <summary>
        /// IT3006 for every compared member of <paramref name="schema"/>'s field table: <paramref name="defined"/> against
        /// <paramref name="deployed"/>, the service's default (<see cref="FieldSpec.DefaultIn"/>) standing in for a member
        /// either side leaves out. Maps of maps (HTTP API response parameters) are compared per status code.
        /// </summary>
        public static List<Finding> Compare(DefinitionSchema schema, object defined, object deployed, string target, FieldContext context)
        {
            var d = new DriftCollector(target);
            foreach (var field in schema.IntegrationFields)
            {
                if (!field.ComparedIn(context)) continue;
                var a = FieldValues.Get(defined, field);
                var b = FieldValues.Get(deployed, field);
                var fallback = field.DefaultIn(context);
                switch (field.Kind)
                {
                    case FieldKind.Integer:
                        d.Number(field.Name, (int?)a, (int?)b, (int?)fallback);
                        break;
                    case FieldKind.Boolean:
                        d.Text(field.Name, Flag(a, fallback), Flag(b, fallback), fallback: Flag(fallback, null));
                        break;
                    case FieldKind.StringMap:
                        d.Map(field.Name, (IReadOnlyDictionary<string, string>?)a, (IReadOnlyDictionary<string, string>?)b);
                        break;
                    case FieldKind.StringList:
                        d.Set(field.Name, (IReadOnlyCollection<string>?)a, (IReadOnlyCollection<string>?)b);
                        break;
                    case FieldKind.MapOfStringMaps:
                        var definedMaps = (Dictionary<string, Dictionary<string, string>>?)a ?? new Dictionary<string, Dictionary<string, string>>();
                        var deployedMaps = (Dictionary<string, Dictionary<string, string>>?)b ?? new Dictionary<string, Dictionary<string, string>>();
                        foreach (var key in definedMaps.Keys.Union(deployedMaps.Keys).OrderBy(k => k, StringComparer.Ordinal))
                        {
                            definedMaps.TryGetValue(key, out var x);
                            deployedMaps.TryGetValue(key, out var y);
                            d.Map($"{field.Name}[{key}]", x, y);
                        }
                        break;
                    default:
                        d.Text(field.Name, (string?)a, (string?)b, ignoreCase: field.Enumerated, fallback: (string?)fallback);
                        break;
                }
            }
            return d.Findings;
        }

        private static string Flag(object? value, object? fallback) => ((bool?)value ?? (bool?)fallback ?? false) ? "True" : "False";

        public List<Finding> Findings { get; } = new List<Finding>();

        /// <summary>Compares text; <paramref name="fallback"/> is the service's default for a value not given.</summary>
        public void Text(string field, string? defined, string? deployed, bool ignoreCase = false, string? fallback = null)
        {
            var a = string.IsNullOrWhiteSpace(defined) ? null : defined!.Trim();
            var b = string.IsNullOrWhiteSpace(deployed) ? null : deployed!.Trim();
            if (string.Equals(a ?? fallback, b ?? fallback, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return;
            Add(field, $"{field} is {Show(b, fallback)} as deployed but {Show(a, fallback)} in the definition.");
        }

        public void Number(string field, int? defined, int? deployed, int? fallback)
        {
            if ((defined ?? fallback) == (deployed ?? fallback)) return;
            Add(field, $"{field} is {N(deployed, fallback)} as deployed but {N(defined, fallback)} in the definition.");
        }

        private static string N(int? value, int? fallback) =>
            value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture)
                : fallback.HasValue ? $"not set (the default, {fallback.Value.ToString(CultureInfo.InvariantCulture)})" : "not set";

        public void Map(string field, IReadOnlyDictionary<string, string>? defined, IReadOnlyDictionary<string, string>? deployed)
        {
            var a = defined ?? Empty;
            var b = deployed ?? Empty;
            var parts = new List<string>();
            foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                var inA = a.TryGetValue(key, out var va);
                var inB = b.TryGetValue(key, out var vb);
                if (inA && inB && string.Equals(va, vb, StringComparison.Ordinal)) continue;
                if (!inA) parts.Add($"'{key}' is deployed ({Show(vb)}) but not defined");
                else if (!inB) parts.Add($"'{key}' is defined ({Show(va)}) but not deployed");
                else parts.Add($"'{key}' is {Show(vb)} as deployed but {Show(va)} in the definition");
            }
            if (parts.Count > 0) Add(field, $"{field} differ: {string.Join("; ", parts)}.");
        }

        public void Set(string field, IReadOnlyCollection<string>? defined, IReadOnlyCollection<string>? deployed)
        {
            var a = new HashSet<string>(defined ?? new string[0], StringComparer.Ordinal);
            var b = new HashSet<string>(deployed ?? new string[0], StringComparer.Ordinal);
            if (a.SetEquals(b)) return;
            Add(field, $"{field} is {List(b)} as deployed but {List(a)} in the definition.");
        }

        private static string List(HashSet<string> items) => items.Count == 0 ? "empty" : "(" + string.Join(", ", items.OrderBy(i => i, StringComparer.Ordinal)) + ")";

        private void Add(string field, string message) =>
            Findings.Add(LiveRules.MatchesDeployed.Finding(_target, field, message,
                "Apply the definition to bring the integration back in line (Set-RestIntegration / Set-ApiIntegration), or update the definition to what is deployed (Get-RestIntegration / Get-ApiIntegration shows it)."));

        private static string Show(string? value, string? fallback = null) =>
            value == null ? (fallback == null ? "not set" : $"not set (the default, '{fallback}')") : "'" + (value.Length > 80 ? value.Substring(0, 80) + "…" : value) + "'";

        private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
    }
}
