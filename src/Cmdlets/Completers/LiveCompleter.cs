using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Threading;
using IntegrationTools.Commands;
using IntegrationTools.Session;

namespace IntegrationTools.Completers
{
    /// <summary>
    /// Base of the completers that look live ids up in the account: they use the session parameters already typed on
    /// the command line (and the shell defaults), ask with a short time limit, keep answers for a minute, and never
    /// throw or prompt into the console — any failure simply completes nothing. When nothing cached matches
    /// what was typed (an API created a moment ago), they look again once.
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan RefreshMissAfter = TimeSpan.FromSeconds(2);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<Candidate> Items)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<Candidate>)>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var word = (wordToComplete ?? "").Trim('\'', '"');
                var options = SessionParameters.ToOptions(fakeBoundParameters, null);
                // Completion runs inside the console's pipeline: read the shell defaults through a script block.
                options.ShellCredential = GlobalVariable("StoredAWSCredentials");
                options.ShellRegion = GlobalVariable("StoredAWSRegion") as string;
                var scope = Scope(fakeBoundParameters);
                if (scope == null) return Array.Empty<CompletionResult>();
                var key = GetType().Name + "\u001f" + options.CacheKey() + "\u001f" + scope;
                var fresh = false;
                if (!Cache.TryGetValue(key, out var cached) || DateTime.UtcNow - cached.At > CacheFor)
                {
                    cached = Refresh(key, options, scope);
                    fresh = true;
                }
                var matches = Matching(cached.Items, word);
                // Nothing matches what was typed: the id may be new since the answer was cached, so ask once more.
                if (matches.Count == 0 && !fresh && DateTime.UtcNow - cached.At > RefreshMissAfter)
                    matches = Matching(Refresh(key, options, scope).Items, word);
                return matches;
            }
            catch (Exception)
            {
                // Completion must never disturb the console: no credentials, no network, no API — no suggestions.
                return Array.Empty<CompletionResult>();
            }
        }

        private (DateTime At, IReadOnlyList<Candidate> Items) Refresh(string key, SessionOptions options, string scope)
        {
            var session = new SessionResolver().Resolve(options);
            using var client = new ApiGatewayClient(session) { Timeout = LookupTimeout };
            using var cancel = new CancellationTokenSource(LookupTimeout);
            var answer = (DateTime.UtcNow, Lookup(client, scope, cancel.Token));
            Cache[key] = answer;
            return answer;
        }

        /// <summary>Candidates whose id, or whose name, starts with the word: typing a name completes to the id.</summary>
        private static List<CompletionResult> Matching(IReadOnlyList<Candidate> items, string word) =>
            items
                .Where(c => c.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                            || (c.Name != null && c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .Select(c => new CompletionResult(Quote(c.Value), c.Name == null ? c.Value : $"{c.Value} ({c.Name})", CompletionResultType.ParameterValue, c.Tooltip ?? c.Value))
                .ToList();

        /// <summary>What the lookup depends on besides the session (e.g. the REST API id for its resources); null to complete nothing.</summary>
        protected virtual string? Scope(IDictionary fakeBoundParameters) => "";

        private protected abstract IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken cancellationToken);

        protected static string? Bound(IDictionary parameters, string name) =>
            parameters.Contains(name) ? Unwrap(parameters[name]) as string : null;

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        private static object? GlobalVariable(string name)
        {
            var values = ScriptBlock.Create("$global:" + name).Invoke();
            return values.Count == 0 ? null : Unwrap(values[0]);
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '{', '}', '$', '\'', '"', '(', ')', ';', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;

        protected internal sealed class Candidate
        {
            public Candidate(string value, string? name, string? tooltip = null)
            {
                Value = value;
                Name = name;
                Tooltip = tooltip;
            }

            public string Value { get; }

            public string? Name { get; }

            public string? Tooltip { get; }
        }
    }
}
