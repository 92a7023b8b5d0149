using System.Management.Automation.Language;

namespace IntegrationTools.Completers
{
    /// <summary>Completes -IntegrationSubtype with the AWS service actions HTTP APIs know; never throws.</summary>
    public sealed class IntegrationSubtypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = (wordToComplete ?? "").Trim('\'', '"');
                return ApiIntegrationValues.Subtypes
                    .Where(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(s => new CompletionResult(s.Name, s.Name, CompletionResultType.ParameterValue,
                        $"{s.Description} Needs: {string.Join(", ", s.Required)}."))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
