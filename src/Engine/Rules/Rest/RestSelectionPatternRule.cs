using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1107 (warning): the selection pattern is a regular expression. API Gateway matches it with Java's regex engine; this
    /// check compiles it with .NET's, which agrees on everything but a few Java-only constructs, so it warns rather than refuses.
    /// </summary>
    internal sealed class RestSelectionPatternRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1107", Severity.Warning,
            "The selection pattern is a regular expression",
            "API Gateway picks an integration response by matching its selection pattern against the backend's status code (or a Lambda error message); a pattern that does not compile never matches.");

        public RestSelectionPatternRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context)
        {
            var pattern = definition.SelectionPattern;
            if (string.IsNullOrEmpty(pattern)) yield break;
            string? problem = null;
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                problem = ex.Message;
            }
            if (problem != null)
                yield return Finding(definition.Target, "SelectionPattern", $"SelectionPattern '{pattern}' is not a regular expression: {problem}",
                    "Fix the pattern, such as '4\\d{2}' for any 4xx status or '.*Error.*' for a Lambda error message; leave it empty for the default response.");
        }

        public override IDictionary FailingExample => RestExamples.Response(("StatusCode", "400"), ("SelectionPattern", "(4\\d{2}"));

        public override IDictionary PassingExample => RestExamples.Response(("StatusCode", "400"), ("SelectionPattern", "4\\d{2}"));
    }
}
