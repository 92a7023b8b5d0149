using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Turns the fields a user named (as a partial <see cref="RestIntegrationDefinition"/>) into UpdateIntegration patch
    /// operations against the current integration, and applies patch operations to a definition so the result can be
    /// checked by the rule catalog before anything is sent. Map keys are JSON-pointer escaped ('~' as ~0, '/' as ~1).
    /// </summary>
    internal static class RestIntegrationPatch
    {
        private static DefinitionSchema Table => RestIntegrationDefinition.Schema;

        /// <summary>The scalar members of an integration that a patch can replace, as JSON pointers (from the field table).</summary>
        public static readonly string[] ScalarPaths = Table.IntegrationFields.Where(IsScalar).Select(f => f.PatchPath!).ToArray();

        /// <summary>The map and list members, whose keys or items a patch addresses one by one ("/requestParameters/{key}").</summary>
        private static readonly FieldSpec[] Keyed = Table.IntegrationFields.Where(f => f.PatchPath != null && !IsScalar(f)).ToArray();

        private static bool IsScalar(FieldSpec field) =>
            field.PatchPath != null && field.Kind != FieldKind.StringMap && field.Kind != FieldKind.StringList && field.Kind != FieldKind.MapOfStringMaps;

        private static string Prefix(FieldSpec field) => field.PatchPath + "/";

        /// <summary>Escapes a map key for a JSON pointer: '~' becomes ~0 and '/' becomes ~1 (application/json is application~1json).</summary>
        public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

        /// <summary>The reverse of <see cref="Escape"/>.</summary>
        public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

        public static bool IsKnownPath(string path) =>
            ScalarPaths.Contains(path, StringComparer.Ordinal)
            || Keyed.Any(f => path.StartsWith(Prefix(f), StringComparison.Ordinal) && path.Length > Prefix(f).Length);

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
            foreach (var field in Table.IntegrationFields.Where(IsScalar))
            {
                var value = FieldValues.PatchText(FieldValues.Get(changes, field));
                if (value != null) ops.Add(new PatchOperation("replace", field.PatchPath!, value));
            }
            foreach (var field in Keyed)
            {
                var wanted = FieldValues.Get(changes, field);
                if (wanted == null) continue;
                var live = FieldValues.Get(current, field);
                if (field.Kind == FieldKind.StringMap)
                {
                    MapOps(ops, Prefix(field), (Dictionary<string, string>)live!, (Dictionary<string, string>)wanted);
                    continue;
                }
                var have = (List<string>)live!;
                var want = ((List<string>)wanted).Distinct(StringComparer.Ordinal).ToList();
                foreach (var key in want.Where(k => !have.Contains(k, StringComparer.Ordinal)))
                    ops.Add(new PatchOperation("add", Prefix(field) + Escape(key)));
                foreach (var key in have.Where(k => !want.Contains(k, StringComparer.Ordinal)))
                    ops.Add(new PatchOperation("remove", Prefix(field) + Escape(key)));
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
                var keyed = Keyed.FirstOrDefault(f => path.StartsWith(Prefix(f), StringComparison.Ordinal));
                if (keyed != null)
                {
                    var key = Unescape(path.Substring(Prefix(keyed).Length));
                    var current = FieldValues.Get(result, keyed);
                    if (keyed.Kind == FieldKind.StringMap)
                    {
                        FieldValues.Set(result, keyed, SetKey((Dictionary<string, string>?)current, key, value));
                        continue;
                    }
                    var list = (List<string>?)current ?? new List<string>();
                    list.RemoveAll(k => k == key);
                    if (op != "remove") list.Add(key);
                    FieldValues.Set(result, keyed, list.Count == 0 ? null : list);
                    continue;
                }
                var scalar = Table.IntegrationFields.FirstOrDefault(f => IsScalar(f) && f.PatchPath == path);
                if (scalar == null) continue;
                var read = FieldValues.FromPatchText(scalar, value);
                if (!ReferenceEquals(read, FieldValues.Keep)) FieldValues.Set(result, scalar, read);
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
    }
}
