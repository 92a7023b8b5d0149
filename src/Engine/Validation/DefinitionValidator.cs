using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Validation
{
    /// <summary>What the rule catalog says about one definition.</summary>
    internal sealed class ValidationResult
    {
        public ValidationResult(DefinitionKind kind, string target, IReadOnlyList<Finding> findings, object? definition = null)
        {
            Kind = kind;
            Target = target;
            Findings = findings;
            Definition = definition;
        }

        /// <summary>The definition as read: a RestIntegrationDefinition or an ApiIntegrationDefinition (null when the kind is unknown).</summary>
        public object? Definition { get; }

        public DefinitionKind Kind { get; }

        public string Target { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>No Error finding (warnings and information do not fail a definition).</summary>
        public bool Passed
        {
            get
            {
                for (var i = 0; i < Findings.Count; i++)
                    if (Findings[i].Severity == Severity.Error) return false;
                return true;
            }
        }
    }

    /// <summary>
    /// Offline validation of one definition of either kind with the one rule catalog: tells the kind from the fields
    /// (or takes it from the caller), reads the definition (reading problems are findings), and runs every rule.
    /// Never throws for bad input: a definition that cannot be read is a finding.
    /// </summary>
    internal static class DefinitionValidator
    {
        public static readonly RuleInfo UnknownKind = ReadingRules.UnknownKind;

        /// <param name="input">Plain data: a dictionary of strings, numbers, booleans, dictionaries and lists.</param>
        /// <param name="kind">The kind, or Auto to tell it from the fields.</param>
        /// <param name="context">Region and protocol, as far as known.</param>
        /// <param name="label">What to call the input in findings when it names no target (e.g. "input 3").</param>
        public static ValidationResult Validate(object? input, DefinitionKind kind, RuleContext context, string label = "input")
        {
            var findings = new List<Finding>();
            if (kind == DefinitionKind.Auto) kind = DefinitionKinds.Detect(input);
            switch (kind)
            {
                case DefinitionKind.Rest:
                {
                    var definition = RestIntegrationDefinition.Read(input, findings, label);
                    var target = Named(definition.RestApiId, definition.ResourceId, definition.ResourcePath) ? definition.Target : label;
                    RuleCatalog.Run(RestRules.All, definition, context, findings);
                    return new ValidationResult(kind, target, Retarget(findings, target), definition);
                }
                case DefinitionKind.Api:
                {
                    var definition = ApiIntegrationDefinition.Read(input, findings, label);
                    var protocol = context.ProtocolType ?? definition.ProtocolType?.ToUpperInvariant();
                    var effective = protocol == context.ProtocolType ? context : new RuleContext(context.Region, protocol, context.MethodRequestParameters);
                    var target = definition.ApiId != null ? definition.Target : label;
                    RuleCatalog.Run(ApiRules.All, definition, effective, findings);
                    return new ValidationResult(kind, target, Retarget(findings, target), definition);
                }
                default:
                {
                    if (!(input is IDictionary))
                    {
                        // Not even a dictionary: the reading rule says so.
                        RestIntegrationDefinition.Read(input, findings, label);
                        return new ValidationResult(kind, label, findings);
                    }
                    findings.Add(UnknownKind.Finding(label, null,
                        "The definition has neither the fields of a REST API integration (RestApiId, ResourcePath, Type, Uri, …) nor those of an HTTP or WebSocket API integration (ApiId, IntegrationType, IntegrationUri, …).",
                        "Add RestApiId or ApiId, or say which kind it is with -ApiKind Rest or -ApiKind Api."));
                    return new ValidationResult(kind, label, findings);
                }
            }
        }

        private static bool Named(string? a, string? b, string? c) => !string.IsNullOrEmpty(a) || !string.IsNullOrEmpty(b) || !string.IsNullOrEmpty(c);

        /// <summary>Reading problems were reported against the input's label; show every finding at one target (in place).</summary>
        private static List<Finding> Retarget(List<Finding> findings, string target)
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                if (f.Target != target) findings[i] = new Finding(f.RuleId, f.Severity, target, f.Field, f.Message, f.Fix);
            }
            return findings;
        }
    }
}
