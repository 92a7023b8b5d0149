using System.Management.Automation.Language;
using IntegrationTools.Commands;

namespace IntegrationTools.Completers
{
    /// <summary>Base of the completers that offer a fixed list of values, each with a tooltip; never throws.</summary>
    public abstract class FixedValuesCompleter : IArgumentCompleter
    {
        /// <summary>The values and their tooltips, in the order they are offered.</summary>
        protected abstract IEnumerable<(string Value, string Tip)> Values { get; }

        /// <summary>True when the completed value is put in single quotes (it holds characters such as $, * or \).</summary>
        protected virtual bool Quoted => true;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = (wordToComplete ?? "").Trim('\'', '"');
                return Values.Where(v => v.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(v => new CompletionResult(Quoted ? "'" + v.Value + "'" : v.Value, v.Value, CompletionResultType.ParameterValue, v.Tip))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }

    /// <summary>Completes -Credentials with the caller pass-through form and the role ARN shape.</summary>
    public sealed class CredentialsCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<(string Value, string Tip)> Values => new[]
        {
            ("arn:aws:iam::*:user/*", "Call the AWS service with the caller's own credentials (pass-through)."),
            ("arn:aws:iam::", "The ARN of an IAM role API Gateway assumes: arn:aws:iam::{account}:role/{name}."),
        };
    }

    /// <summary>-IntegrationResponseKey of WebSocket integration responses: the default key and the usual status code patterns.</summary>
    public sealed class IntegrationResponseKeyCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<(string Value, string Tip)> Values => new[]
        {
            ("$default", "The response for every status code no other key matches."),
            (@"/2\d\d/", "Any 2xx status code of the backend."),
            (@"/4\d\d/", "Any 4xx status code of the backend."),
            (@"/5\d\d/", "Any 5xx status code of the backend."),
        };
    }

    /// <summary>The HTTP methods that <see cref="ValidateHttpMethodAttribute"/> accepts.</summary>
    public sealed class HttpMethodCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<(string Value, string Tip)> Values =>
            ValidateHttpMethodAttribute.Methods.Select(m => (m, m == "ANY" ? "ANY: every HTTP method." : m));

        protected override bool Quoted => false;
    }
}
