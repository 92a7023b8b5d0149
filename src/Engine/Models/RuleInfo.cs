namespace IntegrationTools.Models
{
    /// <summary>
    /// What a rule is: a stable id, its severity, a one-line title and the rationale. The rule catalog and the help
    /// topic about_IntegrationTools_Rules are generated from these, so the two never drift.
    /// </summary>
    internal sealed class RuleInfo
    {
        public RuleInfo(string id, Severity severity, string title, string rationale)
        {
            Id = id;
            Severity = severity;
            Title = title;
            Rationale = rationale;
        }

        public string Id { get; }

        public Severity Severity { get; }

        public string Title { get; }

        public string Rationale { get; }

        public Finding Finding(string target, string? field, string message, string fix) =>
            new Finding(Id, Severity, target, field, message, fix);

        /// <summary>The same rule reporting at a lower severity (e.g. a limit that only some accounts have raised).</summary>
        public Finding Finding(Severity severity, string target, string? field, string message, string fix) =>
            new Finding(Id, severity, target, field, message, fix);

        public override string ToString() => $"{Id} {Title}";
    }
}
