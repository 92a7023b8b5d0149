using System.IO;
using IntegrationTools.Session;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// The one mapping from engine failures to ErrorRecords: a stable ErrorId per failure site, the category
    /// that matches the service error, a PowerShell exception type with the engine's exception inside, the
    /// resource as target, and a recommended action. Messages come from the engine, which never puts secrets in them.
    /// </summary>
    internal static class Failures
    {
        /// <summary>
        /// The one constructor of the module's ErrorRecords: <paramref name="exception"/> (the most specific PowerShell type,
        /// the engine's exception inside), a stable <paramref name="errorId"/>, the category, the resource as target, and the
        /// message and recommended action a person reads (ErrorDetails).
        /// </summary>
        public static ErrorRecord Record(Exception exception, string errorId, ErrorCategory category, object? target, string message, string? recommendedAction) =>
            new ErrorRecord(exception, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };

        /// <summary>
        /// The start of the ErrorIds a cmdlet writes: its verb and noun without the dash (RemoveApiIntegration), as its
        /// [Cmdlet] attribute names them.
        /// </summary>
        public static string OperationOf(Type cmdletType)
        {
            var cmdlet = (CmdletAttribute)Attribute.GetCustomAttribute(cmdletType, typeof(CmdletAttribute));
            return cmdlet.VerbName + cmdlet.NounName;
        }

        public static ErrorRecord ForSession(SessionException ex)
        {
            var (category, exception) = ex.Problem switch
            {
                SessionProblem.ProfileNotFound => (ErrorCategory.ObjectNotFound, (Exception)new ItemNotFoundException(ex.Message, ex)),
                SessionProblem.InsecureEndpoint => (ErrorCategory.SecurityError, new System.Security.SecurityException(ex.Message, ex)),
                SessionProblem.NoCredentials => (ErrorCategory.AuthenticationError, new PSInvalidOperationException(ex.Message, ex)),
                _ => (ErrorCategory.InvalidArgument, new PSArgumentException(ex.Message, ex)),
            };
            return Record(exception, "Session" + ex.Problem, category, null, ex.Message, ex.RecommendedAction);
        }

        public static ErrorRecord ForService(ApiGatewayException ex, string operation, object target, Func<ApiGatewayException, string?>? recommendedAction)
        {
            var (category, exception) = ex.Kind switch
            {
                FailureKind.NotFound => (ErrorCategory.ObjectNotFound, (Exception)new ItemNotFoundException(ex.Message, ex)),
                FailureKind.BadRequest => (ErrorCategory.InvalidArgument, new PSArgumentException(ex.Message, ex)),
                FailureKind.Conflict => (ErrorCategory.ResourceExists, new PSInvalidOperationException(ex.Message, ex)),
                FailureKind.LimitExceeded => (ErrorCategory.QuotaExceeded, new PSInvalidOperationException(ex.Message, ex)),
                FailureKind.Throttled => (ErrorCategory.LimitsExceeded, new PSInvalidOperationException(ex.Message, ex)),
                FailureKind.AccessDenied => (ErrorCategory.PermissionDenied, new UnauthorizedAccessException(ex.Message, ex)),
                FailureKind.ConnectionFailed => (ErrorCategory.ConnectionError, new PSInvalidOperationException(ex.Message, ex)),
                FailureKind.Timeout => (ErrorCategory.OperationTimeout, new TimeoutException(ex.Message, ex)),
                _ => (ErrorCategory.InvalidResult, new PSInvalidOperationException(ex.Message, ex)),
            };
            // A function whose account could not be looked up: one error naming the function, the STS failure and the fix.
            return ex is LambdaFunctionNotResolvedException unresolved
                ? Record(exception, operation + "FunctionNotResolved", category, target, ex.Message, unresolved.RecommendedAction)
                : Record(exception, operation + ex.Kind, category, target, ex.Message, recommendedAction?.Invoke(ex) ?? DefaultAction(ex));
        }

        /// <summary>A definition the rule catalog refused: every Error finding with its fix, nothing sent.</summary>
        public static ErrorRecord ForDefinition(IReadOnlyList<Finding> errors, string operation, object target)
        {
            // A definition that is wrong everywhere gets an error a person can read: the first problems, and a pointer
            // to Test-ApiIntegration, which lists every finding as an object.
            const int shown = 8;
            var lines = errors.Take(shown).Select(Line);
            var more = errors.Count > shown ? $" … and {errors.Count - shown} more (pipe the definition to Test-ApiIntegration to see them all)." : "";
            var message = $"{Text.DisplayText.Clip(target?.ToString())}: the definition was not sent because it has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}: " + string.Join(" ", lines) + more;
            return ForInput(message, operation + "InvalidDefinition", target, string.Join(" ", errors.Take(shown).Select(f => f.Fix).Distinct()));
        }

        /// <summary>
        /// A method target that cannot be resolved (IT1001/IT1002 for Get-, Remove-, Update- cmdlets): {operation}InvalidTarget,
        /// InvalidArgument, nothing was sent.
        /// </summary>
        public static ErrorRecord ForTarget(IReadOnlyList<Finding> errors, string operation, string target)
        {
            var message = $"{Text.DisplayText.Clip(target)}: nothing was sent: " + string.Join(" ", errors.Select(Line));
            return ForInput(message, operation + "InvalidTarget", target, string.Join(" ", errors.Select(f => f.Fix).Distinct()));
        }

        private static string Line(Finding f) => $"{f.RuleId}{(f.Field == null ? "" : " " + f.Field)}: {f.Message}";

        /// <summary>An operation the endpoint does not implement (such as TestInvokeMethod on a local emulator): NotImplemented.</summary>
        public static ErrorRecord ForNotSupported(ApiGatewayException ex, string errorId, object target, string recommendedAction) =>
            Record(new PSNotSupportedException(ex.Message, ex), errorId, ErrorCategory.NotImplemented, target, ex.Message, recommendedAction);

        /// <summary>An input item the cmdlet cannot do what was asked with (nothing was sent for it): InvalidArgument.</summary>
        public static ErrorRecord ForInput(string message, string errorId, object? target, string recommendedAction) =>
            Record(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, target, message, recommendedAction);

        /// <summary>A refusal the engine worked out for one item (not a definition problem, such as an integration a route still uses).</summary>
        public static ErrorRecord ForRefusal(string errorId, ErrorCategory category, object target, string message, string fix)
        {
            message = Text.DisplayText.Safe(message)!;
            return Record(new PSInvalidOperationException(message), errorId, category, target, message, fix);
        }

        /// <summary>A command stopped (Ctrl+C) before it was done with some items: {Cmdlet}Stopped, OperationStopped.</summary>
        public static ErrorRecord ForStopped(string commandName, string message, string[] notDone) =>
            Record(new OperationCanceledException(message), commandName.Replace("-", "") + "Stopped", ErrorCategory.OperationStopped, notDone, message,
                "A write in flight when the command stopped may or may not have been made. Run the command again for these items: applying a definition again changes only what differs.");

        /// <summary>A definitions file that cannot be written (Export-IntegrationDefinition); the file is the target.</summary>
        public static ErrorRecord ForFileWrite(Exception ex, string errorId, ErrorCategory category, string file, string recommendedAction)
        {
            var message = ex.Message.StartsWith("The file '", StringComparison.Ordinal) ? ex.Message : $"The definitions file '{file}' cannot be written: {ex.Message}";
            return Record(ex, errorId, category, file, message, recommendedAction);
        }

        /// <summary>A definitions file that cannot be found (Import-IntegrationDefinition).</summary>
        public static ErrorRecord ForFileNotFound(string path, Exception ex)
        {
            var message = ex is FileNotFoundException ? ex.Message : $"The definitions file '{path}' cannot be found: {ex.Message}";
            return Record(new ItemNotFoundException(message, ex), "DefinitionFileNotFound", ErrorCategory.ObjectNotFound, path, message,
                "Check the path; relative paths are resolved from the current location (Get-Location).");
        }

        /// <summary>A definitions file that exists but cannot be read (Import-IntegrationDefinition).</summary>
        public static ErrorRecord ForFileUnreadable(string path, Exception ex)
        {
            var message = $"The definitions file '{path}' cannot be read: {ex.Message}";
            return Record(new PSInvalidOperationException(message, ex), "DefinitionFileUnreadable", ErrorCategory.ReadError, path, message,
                "Check that the file is not locked and that you may read it.");
        }

        /// <summary>A document that is not valid JSON or YAML, or not a list of definitions; <paramref name="hint"/> is added to the fix.</summary>
        public static ErrorRecord ForSyntax(DefinitionSyntaxException ex, string target, string? hint = null)
        {
            var where = ex.Line.HasValue ? $"line {ex.Line}, column {ex.Column ?? 1} of {ex.Source}" : ex.Source;
            return Record(new PSArgumentException(ex.Message, ex), "DefinitionSyntaxError", ErrorCategory.ParserError, target, ex.Message,
                $"Fix {where}. The document must be a list of definitions, one definition, or an object with a 'Definitions' list; nothing from it was returned." + hint);
        }

        private static string DefaultAction(ApiGatewayException ex) => ex.Kind switch
        {
            FailureKind.AccessDenied => "Check that the credentials are valid for this account and region and allow the apigateway:* action named in the message.",
            FailureKind.Throttled => "The account's API Gateway management quota was exceeded; wait and run the command again, or apply fewer items at once.",
            FailureKind.ConnectionFailed or FailureKind.Timeout => "Check -EndpointUrl / AWS_ENDPOINT_URL and -Region, the network path and any proxy, then run the command again.",
            FailureKind.ServiceError => "API Gateway had an internal error; run the command again later.",
            _ => "Check the ids and values named in the message.",
        };
    }
}
