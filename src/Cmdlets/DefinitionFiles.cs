using System;
using System.IO;
using System.Management.Automation;
using IntegrationTools.Definitions;

namespace IntegrationTools.Commands
{
    /// <summary>The errors of reading definitions files and text (Import-IntegrationDefinition, ConvertFrom-IntegrationDefinition).</summary>
    internal static class DefinitionFiles
    {
        public static ErrorRecord NotFound(string path, Exception ex)
        {
            var message = ex is FileNotFoundException ? ex.Message : $"The definitions file '{path}' cannot be found: {ex.Message}";
            var record = new ErrorRecord(new ItemNotFoundException(message, ex), "DefinitionFileNotFound", ErrorCategory.ObjectNotFound, path);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the path; relative paths are resolved from the current location (Get-Location)." };
            return record;
        }

        public static ErrorRecord Unreadable(string path, Exception ex)
        {
            var record = new ErrorRecord(new PSInvalidOperationException($"The definitions file '{path}' cannot be read: {ex.Message}", ex),
                "DefinitionFileUnreadable", ErrorCategory.ReadError, path);
            record.ErrorDetails = new ErrorDetails(record.Exception.Message) { RecommendedAction = "Check that the file is not locked and that you may read it." };
            return record;
        }

        /// <summary>A document that is not valid JSON or YAML, or not a list of definitions; <paramref name="hint"/> is added to the fix.</summary>
        public static ErrorRecord SyntaxError(DefinitionSyntaxException ex, string target, string? hint = null)
        {
            var record = new ErrorRecord(new PSArgumentException(ex.Message, ex), "DefinitionSyntaxError", ErrorCategory.ParserError, target);
            var where = ex.Line.HasValue ? $"line {ex.Line}, column {ex.Column ?? 1} of {ex.Source}" : ex.Source;
            record.ErrorDetails = new ErrorDetails(ex.Message)
            {
                RecommendedAction = $"Fix {where}. The document must be a list of definitions, one definition, or an object with a 'Definitions' list; nothing from it was returned." + hint,
            };
            return record;
        }
    }
}
