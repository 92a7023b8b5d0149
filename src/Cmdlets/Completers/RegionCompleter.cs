using System.Management.Automation.Language;

namespace IntegrationTools.Completers
{
    /// <summary>Completes -Region with the regions AWSSDK.Core knows; never throws.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Complete(wordToComplete);
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        private static List<CompletionResult> Complete(string word)
        {
            var prefix = (word ?? "").Trim('\'', '"');
            return Session.KnownRegions.All
                .Where(r => r.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r.Key, r.Key, CompletionResultType.ParameterValue, r.Value))
                .ToList();
        }
    }
}
