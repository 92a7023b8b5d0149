namespace IntegrationTools.Models
{
    public enum Severity
    {
        Error,
        Warning,
        Information,
    }

    /// <summary>
    /// One thing a rule found about a definition: which rule, how bad, where (the target: API, resource path and
    /// method, or integration id), which field, what is wrong and how to fix it.
    /// </summary>
    public sealed class Finding
    {
        public Finding(string ruleId, Severity severity, string target, string? field, string message, string fix)
        {
            RuleId = ruleId;
            Severity = severity;
            // Findings quote what the user gave: keep a huge or control-character-laden value from flooding the screen.
            Target = Text.DisplayText.Safe(target)!;
            Field = Text.DisplayText.Safe(field);
            Message = Text.DisplayText.Safe(message)!;
            Fix = Text.DisplayText.Safe(fix)!;
        }

        public string RuleId { get; }

        public Severity Severity { get; }

        public string Target { get; }

        public string? Field { get; }

        public string Message { get; }

        public string Fix { get; }

        public override string ToString() => $"{RuleId} {Severity} {Target}{(Field == null ? "" : " " + Field)}: {Message}";
    }
}
