namespace IntegrationTools.Rules
{
    /// <summary>Rules about whether a definition can be read at all (before any rule about its content).</summary>
    internal static class ReadingRules
    {
        public static readonly RuleInfo NotADefinition = new RuleInfo("IT0001", Severity.Error,
            "The input is not a definition",
            "A definition is a hashtable or an object with named properties; anything else cannot be applied or checked.");

        public static readonly RuleInfo UnknownField = new RuleInfo("IT0002", Severity.Error,
            "Unknown field",
            "A misspelt key would otherwise be dropped silently and the integration created without it.");

        public static readonly RuleInfo WrongType = new RuleInfo("IT0003", Severity.Error,
            "A field has the wrong kind of value",
            "The service expects text, numbers, booleans, maps and lists in specific places; a wrong kind is refused or misread.");

        public static readonly RuleInfo DuplicateField = new RuleInfo("IT0004", Severity.Error,
            "A field is given twice with different values",
            "Two spellings of the same field (e.g. uri and Uri in JSON, or ResourcePath and its alias Path) with different values leave it unclear which value is meant; the same value twice is read once.");

        public static readonly RuleInfo[] All = { NotADefinition, UnknownField, WrongType, DuplicateField };
    }
}
