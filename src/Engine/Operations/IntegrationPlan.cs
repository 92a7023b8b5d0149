using IntegrationTools.Models;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What a changing cmdlet is about to do, for both API families: the problems found, the exact request, and for
    /// applying a definition the <see cref="Outcome"/> the engine worked out from the field table's comparison (Created,
    /// Updated, or Unchanged: nothing to send) with the fields that differ. The cmdlets only turn findings into errors,
    /// ask ShouldProcess with <see cref="Request"/>, and let the planner carry the plan out.
    /// </summary>
    internal abstract class IntegrationPlan
    {
        protected IntegrationPlan(IReadOnlyList<Finding> findings)
        {
            Findings = findings;
        }

        /// <summary>The findings of the checks made for this plan.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>The exact request (for -WhatIf and for sending).</summary>
        public abstract WireRequest Request { get; }

        /// <summary>
        /// Created (there was no integration), Updated (the live one differs in <see cref="Differences"/>) or Unchanged (it
        /// already is as asked: send nothing). Null for operations that apply no definition (removals, responses).
        /// </summary>
        public ApplyOutcome? Outcome { get; internal set; }

        /// <summary>For an Updated plan, the members (field names) in which the live integration differs.</summary>
        public IReadOnlyList<string> Differences { get; internal set; } = new List<string>();

        /// <summary>True when the request need not be sent (the live integration already is as asked).</summary>
        public bool NothingToSend => Outcome == ApplyOutcome.Unchanged;

        /// <summary>True when no finding is an error.</summary>
        public bool MaySend => Findings.All(f => f.Severity != Severity.Error);

        /// <summary>
        /// The findings of the integration as a change leaves it (<paramref name="after"/>) that it did not have before
        /// (same rule, severity, field and message): only problems a change brings in are reported, so what is already so
        /// on the service does not block a change elsewhere. Both API families' updates check this way.
        /// </summary>
        internal static IEnumerable<Finding> BroughtIn(IEnumerable<Finding> before, IEnumerable<Finding> after)
        {
            var existing = new HashSet<string>(before.Select(Key));
            return after.Where(f => !existing.Contains(Key(f)));
        }

        private static string Key(Finding f) => f.RuleId + "\\u0001" + f.Severity + "\\u0001" + f.Field + "\\u0001" + f.Message;

        /// <summary>"Updated (it differed in Uri, TimeoutInMillis)", "Created", "Unchanged": for verbose messages.</summary>
        public string Describe() =>
            Outcome == ApplyOutcome.Updated && Differences.Count > 0 ? $"Updated (it differed in {string.Join(", ", Differences)})" : Outcome?.ToString() ?? "";
    }
}
