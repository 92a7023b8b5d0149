using System;
using System.Collections.Generic;
using System.Linq;

namespace IntegrationTools.Text
{
    /// <summary>Finds the candidates nearest to a mistyped value (edit distance), for "did you mean" messages.</summary>
    public static class Closest
    {
        public static IReadOnlyList<string> To(string value, IEnumerable<string> candidates, int count = 3)
        {
            return candidates
                .Distinct(StringComparer.Ordinal)
                .Select(c => new { Candidate = c, Distance = Distance(value, c) })
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Candidate, StringComparer.Ordinal)
                .Take(count)
                .Select(c => c.Candidate)
                .ToList();
        }

        public static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
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
