namespace IntegrationTools.Rules
{
    /// <summary>
    /// How the rules of both families walk the maps of a definition (parameter mappings, templates): in key order, so
    /// findings come out in the same order every time, and without sorting or allocating when there is nothing to report.
    /// </summary>
    internal static class MapEntries
    {
        /// <summary>A map's entries in key order; nothing (and no allocation) for a missing or empty map.</summary>
        public static IEnumerable<KeyValuePair<string, T>> Sorted<T>(Dictionary<string, T>? map) =>
            map == null || map.Count == 0 ? Array.Empty<KeyValuePair<string, T>>() : map.OrderBy(p => p.Key, StringComparer.Ordinal);

        /// <summary>The entries of a map that <paramref name="valid"/> refuses, in key order; nothing, and no sorting, when it takes them all.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Refused(Dictionary<string, string>? map, Func<KeyValuePair<string, string>, bool> valid)
        {
            if (map != null)
                foreach (var pair in map)
                    if (!valid(pair))
                        return map.Where(p => !valid(p)).OrderBy(p => p.Key, StringComparer.Ordinal);
            return Array.Empty<KeyValuePair<string, string>>();
        }
    }
}
