using IntegrationTools.Models;
namespace IntegrationTools.Definitions
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

        /// <summary>IT0005, listed with the validator that reports it for a whole definition.</summary>
        public static readonly RuleInfo UnknownKind = new RuleInfo("IT0005", Severity.Error,
            "The kind of integration cannot be told",
            "REST API (v1) and HTTP/WebSocket API (v2) integrations have different fields and rules; a definition must say which it is.");

        /// <summary>IT1201, listed with the REST input rules; reported while a function name is read into a URI.</summary>
        public static readonly RuleInfo FunctionNotLocated = new RuleInfo("IT1201", Severity.Error,
            "A Lambda function given by name needs its account",
            "A Lambda integration URI names the function by its full ARN, which holds the account; a bare function name can only be completed when the account is known, never guessed: Set-RestIntegration asks STS GetCallerIdentity for the account of the credentials; offline, it comes from the ARN of -Credentials.");

        public static readonly RuleInfo[] All = { NotADefinition, UnknownField, WrongType, DuplicateField };
    }
}
