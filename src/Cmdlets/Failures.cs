using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntegrationTools.Rules;
using IntegrationTools.Session;
using IntegrationTools.Wire;
using IntegrationTools.Models;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// The one mapping from engine failures to ErrorRecords: a stable ErrorId per failure site, the category
    /// that matches the service error, a PowerShell exception type with the engine's exception inside, the
    /// resource as target, and a recommended action. Messages come from the engine, which never puts secrets in them.
    /// </summary>
    internal static class Failures
    {
        public static ErrorRecord ForSession(SessionException ex)
        {
            ErrorCategory category;
            Exception exception;
            switch (ex.Problem)
            {
                case SessionProblem.ProfileNotFound:
                    category = ErrorCategory.ObjectNotFound;
                    exception = new ItemNotFoundException(ex.Message, ex);
                    break;
                case SessionProblem.InsecureEndpoint:
                    category = ErrorCategory.SecurityError;
                    exception = new System.Security.SecurityException(ex.Message, ex);
                    break;
                case SessionProblem.NoCredentials:
                    category = ErrorCategory.AuthenticationError;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
                default:
                    category = ErrorCategory.InvalidArgument;
                    exception = new PSArgumentException(ex.Message, ex);
                    break;
            }
            var record = new ErrorRecord(exception, "Session" + ex.Problem, category, null);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = ex.RecommendedAction };
            return record;
        }

        public static ErrorRecord ForService(ApiGatewayException ex, string operation, object target, Func<ApiGatewayException, string?>? recommendedAction)
        {
            ErrorCategory category;
            Exception exception;
            switch (ex.Kind)
            {
                case FailureKind.NotFound:
                    category = ErrorCategory.ObjectNotFound;
                    exception = new ItemNotFoundException(ex.Message, ex);
                    break;
                case FailureKind.BadRequest:
                    category = ErrorCategory.InvalidArgument;
                    exception = new PSArgumentException(ex.Message, ex);
                    break;
                case FailureKind.Conflict:
                    category = ErrorCategory.ResourceExists;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
                case FailureKind.LimitExceeded:
                    category = ErrorCategory.QuotaExceeded;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
                case FailureKind.Throttled:
                    category = ErrorCategory.LimitsExceeded;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
                case FailureKind.AccessDenied:
                    category = ErrorCategory.PermissionDenied;
                    exception = new UnauthorizedAccessException(ex.Message, ex);
                    break;
                case FailureKind.ConnectionFailed:
                    category = ErrorCategory.ConnectionError;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
                case FailureKind.Timeout:
                    category = ErrorCategory.OperationTimeout;
                    exception = new TimeoutException(ex.Message, ex);
                    break;
                default:
                    category = ErrorCategory.InvalidResult;
                    exception = new PSInvalidOperationException(ex.Message, ex);
                    break;
            }
            if (ex is Operations.LambdaFunctionNotResolvedException unresolved)
            {
                // The function's account could not be looked up: one error naming the function, the STS failure and the fix.
                var notResolved = new ErrorRecord(exception, operation + "FunctionNotResolved", category, target);
                notResolved.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = unresolved.RecommendedAction };
                return notResolved;
            }
            var record = new ErrorRecord(exception, operation + ex.Kind, category, target);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = recommendedAction?.Invoke(ex) ?? DefaultAction(ex) };
            return record;
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
            var record = new ErrorRecord(new PSArgumentException(message), operation + "InvalidDefinition", ErrorCategory.InvalidArgument, target);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = string.Join(" ", errors.Take(shown).Select(f => f.Fix).Distinct()),
            };
            return record;
        }

        /// <summary>
        /// A method target that cannot be resolved (IT1001/IT1002 for Get-, Remove-, Update- cmdlets): {operation}InvalidTarget,
        /// InvalidArgument, nothing was sent.
        /// </summary>
        public static ErrorRecord ForTarget(IReadOnlyList<Finding> errors, string operation, string target)
        {
            var message = $"{Text.DisplayText.Clip(target)}: nothing was sent: " + string.Join(" ", errors.Select(Line));
            var record = new ErrorRecord(new PSArgumentException(message), operation + "InvalidTarget", ErrorCategory.InvalidArgument, target);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = string.Join(" ", errors.Select(f => f.Fix).Distinct()) };
            return record;
        }

        private static string Line(Finding f) => $"{f.RuleId}{(f.Field == null ? "" : " " + f.Field)}: {f.Message}";

        /// <summary>An operation the endpoint does not implement (such as TestInvokeMethod on a local emulator): NotImplemented.</summary>
        public static ErrorRecord ForNotSupported(ApiGatewayException ex, string errorId, object target, string recommendedAction)
        {
            var record = new ErrorRecord(new PSNotSupportedException(ex.Message, ex), errorId, ErrorCategory.NotImplemented, target);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = recommendedAction };
            return record;
        }

        /// <summary>An input item the cmdlet cannot do what was asked with (nothing was sent for it): InvalidArgument.</summary>
        public static ErrorRecord ForInput(string message, string errorId, object target, string recommendedAction)
        {
            var record = new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            return record;
        }

        private static string DefaultAction(ApiGatewayException ex)
        {
            switch (ex.Kind)
            {
                case FailureKind.AccessDenied:
                    return "Check that the credentials are valid for this account and region and allow the apigateway:* action named in the message.";
                case FailureKind.Throttled:
                    return "The account's API Gateway management quota was exceeded; wait and run the command again, or apply fewer items at once.";
                case FailureKind.ConnectionFailed:
                case FailureKind.Timeout:
                    return "Check -EndpointUrl / AWS_ENDPOINT_URL and -Region, the network path and any proxy, then run the command again.";
                case FailureKind.ServiceError:
                    return "API Gateway had an internal error; run the command again later.";
                default:
                    return "Check the ids and values named in the message.";
            }
        }
    }
}
