using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IntegrationTools.Completers
{
    /// <summary>Completes -Credentials with the caller pass-through form and the role ARN shape; never throws.</summary>
    public sealed class CredentialsCompleter : IArgumentCompleter
    {
        private static readonly (string Value, string Tip)[] Forms =
        {
            ("arn:aws:iam::*:user/*", "Call the AWS service with the caller's own credentials (pass-through)."),
            ("arn:aws:iam::", "The ARN of an IAM role API Gateway assumes: arn:aws:iam::{account}:role/{name}."),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = (wordToComplete ?? "").Trim('\'', '"');
                return Forms.Where(f => f.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(f => new CompletionResult("'" + f.Value + "'", f.Value, CompletionResultType.ParameterValue, f.Tip))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
