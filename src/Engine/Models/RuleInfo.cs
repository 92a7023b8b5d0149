namespace IntegrationTools.Models
{
    /// <summary>
    /// What a rule is: a stable id, its severity, a one-line title and the rationale. The rule catalog and the help
    /// topic about_IntegrationTools_Rules are generated from these, so the two never drift.
    /// </summary>
    internal sealed record RuleInfo(string Id, Severity Severity, string Title, string Rationale)
    {
        public Finding Finding(string target, string? field, string message, string fix) =>
            new Finding(Id, Severity, target, field, message, fix);

        /// <summary>The same rule reporting at a lower severity (e.g. a limit that only some accounts have raised).</summary>
        public Finding Finding(Severity severity, string target, string? field, string message, string fix) =>
            new Finding(Id, severity, target, field, message, fix);

        public override string ToString() => $"{Id} {Title}";
    }
}
