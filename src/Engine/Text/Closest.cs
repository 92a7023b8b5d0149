namespace IntegrationTools.Text
{
    /// <summary>Finds the candidates nearest to a mistyped value (edit distance), for "did you mean" messages.</summary>
    internal static class Closest
    {
        /// <summary>
        /// The <paramref name="count"/> distinct candidates nearest to <paramref name="value"/>, nearest first (ties in ordinal
        /// order). One pass, keeping only the best few: "did you mean" runs on every misspelt key of a batch.
        /// </summary>
        public static IReadOnlyList<string> To(string value, IEnumerable<string> candidates, int count = 3)
        {
            var best = new List<KeyValuePair<int, string>>(count > 0 ? count + 1 : 0);
            if (count <= 0) return new List<string>();
            foreach (var candidate in candidates)
            {
                var duplicate = false;
                for (var i = 0; i < best.Count && !duplicate; i++) duplicate = string.Equals(best[i].Value, candidate, StringComparison.Ordinal);
                if (duplicate) continue;
                var distance = Distance(value, candidate);
                var at = best.Count;
                while (at > 0 && Before(distance, candidate, best[at - 1])) at--;
                if (at >= count) continue;
                best.Insert(at, new KeyValuePair<int, string>(distance, candidate));
                if (best.Count > count) best.RemoveAt(count);
            }
            var result = new List<string>(best.Count);
            foreach (var pair in best) result.Add(pair.Value);
            return result;
        }

        private static bool Before(int distance, string candidate, KeyValuePair<int, string> other) =>
            distance < other.Key || (distance == other.Key && string.CompareOrdinal(candidate, other.Value) < 0);

        [ThreadStatic] private static int[]? _previous;
        [ThreadStatic] private static int[]? _current;
        [ThreadStatic] private static char[]? _lower;

        public static int Distance(string a, string b)
        {
            // Two rows of the edit-distance table and b in lower case, reused across calls on this thread.
            var previous = _previous != null && _previous.Length > b.Length ? _previous : _previous = new int[Math.Max(b.Length + 1, 64)];
            var current = _current != null && _current.Length > b.Length ? _current : _current = new int[Math.Max(b.Length + 1, 64)];
            var lower = _lower != null && _lower.Length >= b.Length ? _lower : _lower = new char[Math.Max(b.Length, 64)];
            for (var j = 0; j < b.Length; j++) lower[j] = char.ToLowerInvariant(b[j]);
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var ca = char.ToLowerInvariant(a[i - 1]);
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = ca == lower[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
