using System.Collections.Concurrent;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// What the process knows of the accounts behind credentials: the account of each credential identity (an access
    /// key id at an STS endpoint), learnt once from STS GetCallerIdentity and kept for the life of the process (an
    /// access key never changes account), so every command, pipeline and runspace of the process asks at most once per
    /// identity, and several clients asking at the same moment share the one request. A lookup that failed is not
    /// asked again for <see cref="FailureMemory"/>, so a process without access to STS does not pay for it per command.
    /// </summary>
    internal sealed class CallerAccounts
    {
        /// <summary>The one the clients of the process share (tests give clients their own).</summary>
        public static CallerAccounts Shared { get; } = new CallerAccounts();

        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _lookups = new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (DateTime Until, string Reason)> _failures = new ConcurrentDictionary<string, (DateTime, string)>(StringComparer.Ordinal);
        private readonly Func<DateTime> _clock;

        public CallerAccounts(Func<DateTime>? clock = null)
        {
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        /// <summary>How long a failed lookup is remembered before the next command may ask again.</summary>
        public TimeSpan FailureMemory { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The account of <paramref name="identity"/> when it is known already (no request).</summary>
        public bool TryGet(string identity, out string account)
        {
            account = "";
            if (!_lookups.TryGetValue(identity, out var lookup) || !lookup.IsValueCreated) return false;
            var task = lookup.Value;
            if (task.Status != TaskStatus.RanToCompletion) return false;
            account = task.Result;
            return true;
        }

        /// <summary>Why the last lookup of <paramref name="identity"/> failed, while that is remembered; else null.</summary>
        public string? RecentFailure(string identity) =>
            _failures.TryGetValue(identity, out var failure) && failure.Until > _clock() ? failure.Reason : null;

        /// <summary>
        /// The account of <paramref name="identity"/>: known, or looked up by <paramref name="lookup"/> (once, however many
        /// callers ask at the same time). A failed lookup is forgotten, so a later caller may ask again, and remembered
        /// as failed for <see cref="FailureMemory"/> (see <see cref="RecentFailure"/>). <paramref name="cancellationToken"/>
        /// stops this caller's wait, not the shared lookup.
        /// </summary>
        public async Task<string> GetAsync(string identity, Func<Task<string>> lookup, CancellationToken cancellationToken)
        {
            var entry = _lookups.GetOrAdd(identity, _ => new Lazy<Task<string>>(lookup, LazyThreadSafetyMode.ExecutionAndPublication));
            var task = entry.Value;
            try
            {
                if (!task.IsCompleted && cancellationToken.CanBeCanceled)
                {
                    var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
                    if (await Task.WhenAny(task, cancelled).ConfigureAwait(false) != task) cancellationToken.ThrowIfCancellationRequested();
                }
                var account = await task.ConfigureAwait(false);
                _failures.TryRemove(identity, out _);
                return account;
            }
            catch (Exception ex) when (task.IsFaulted || task.IsCanceled)
            {
                _ = ex;
                ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<string, Lazy<Task<string>>>>)_lookups)
                    .Remove(new System.Collections.Generic.KeyValuePair<string, Lazy<Task<string>>>(identity, entry));
                var reason = task.Exception?.GetBaseException().Message ?? "the lookup was cancelled";
                _failures[identity] = (_clock() + FailureMemory, reason);
                throw;
            }
        }
    }
}
