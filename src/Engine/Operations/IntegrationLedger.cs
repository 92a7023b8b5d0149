using System;
using System.Collections.Generic;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What one pipeline knows about the integrations of each API it creates on: the ids that were there before its
    /// first create (one listing per API), plus those it created. An integration outside this set that matches a
    /// definition whose create failed ambiguously is the one that create made. One pipeline uses it, on one thread.
    /// </summary>
    public sealed class IntegrationLedger
    {
        private readonly Dictionary<string, HashSet<string>> _known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        internal HashSet<string>? Find(string key) => _known.TryGetValue(key, out var ids) ? ids : null;

        internal HashSet<string> Add(string key, IEnumerable<string> ids)
        {
            var set = new HashSet<string>(ids, StringComparer.Ordinal);
            _known[key] = set;
            return set;
        }

        /// <summary>How many APIs the pipeline has listed.</summary>
        public int ApiCount => _known.Count;
    }
}
