namespace IntegrationTools.Operations
{
    /// <summary>
    /// What one pipeline knows about the integrations of each API it creates on: the ids that were there before its
    /// first create (the pipeline's listing of the API, or one listing when there is none), plus those it created. An
    /// integration outside this set that matches a definition whose create failed ambiguously is the one that create
    /// made. Creates of one pipeline may be in flight together, so it is read and changed under a lock; two creates whose
    /// definitions one integration could match are never in flight together (see <see cref="ApiIntegrationKeys"/>), so
    /// no create can take another's integration for its own.
    /// </summary>
    internal sealed class IntegrationLedger
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, HashSet<string>> _known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        /// <summary>Whether the API <paramref name="key"/> has its ids yet.</summary>
        internal bool Has(string key)
        {
            lock (_gate) return _known.ContainsKey(key);
        }

        /// <summary>The ids of the API before the pipeline's first create; kept when the API has them already.</summary>
        internal void Seed(string key, IEnumerable<string> ids)
        {
            lock (_gate)
            {
                if (!_known.ContainsKey(key)) _known[key] = new HashSet<string>(ids, StringComparer.Ordinal);
            }
        }

        /// <summary>Whether <paramref name="id"/> was there before the pipeline's first create, or the pipeline created it.</summary>
        internal bool Knows(string key, string id)
        {
            lock (_gate) return _known.TryGetValue(key, out var ids) && ids.Contains(id);
        }

        /// <summary>An integration the pipeline created.</summary>
        internal void Add(string key, string id)
        {
            lock (_gate)
            {
                if (!_known.TryGetValue(key, out var ids)) _known[key] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(id);
            }
        }

        /// <summary>How many APIs the pipeline has listed.</summary>
        public int ApiCount
        {
            get
            {
                lock (_gate) return _known.Count;
            }
        }
    }
}
