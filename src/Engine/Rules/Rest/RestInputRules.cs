using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// Checks of what the REST cmdlets take besides definitions: the Lambda function behind -FunctionName (IT1201) and raw
    /// patch operations of Update-RestIntegration (IT1301, IT1302). They report findings like the definition rules, so they
    /// end up in the same pre-flight error.
    /// </summary>
    internal static class RestInputRules
    {
        public static readonly RuleInfo FunctionNotLocated = ReadingRules.FunctionNotLocated;

        public static readonly RuleInfo PatchOperationMalformed = new RuleInfo("IT1301", Severity.Error,
            "Patch operations have a valid op, a path, and a value or source where needed",
            "UpdateIntegration takes JSON-patch-like operations: op is add, remove, replace, move, copy or test; path is a JSON pointer starting with '/' (with '/' in map keys written as ~1); add and replace carry a value, move and copy a from.");

        public static readonly RuleInfo PatchPathUnknown = new RuleInfo("IT1302", Severity.Warning,
            "Patch operations name a path an integration has",
            "A path that is not a member of an integration is refused by the service; a misspelt path (such as /timeout instead of /timeoutInMillis) is the usual cause.");

        public static readonly RuleInfo[] All = { FunctionNotLocated, PatchOperationMalformed, PatchPathUnknown };

        private static readonly string[] Ops = { "add", "remove", "replace", "move", "copy", "test" };

        private static string SuggestPath(string path)
        {
            var prefixed = RestIntegrationPatch.ScalarPaths.FirstOrDefault(p => p.StartsWith(path, System.StringComparison.OrdinalIgnoreCase));
            return prefixed != null ? $" Did you mean '{prefixed}'?" : RestFacts.DidYouMean(path, RestIntegrationPatch.ScalarPaths);
        }

        /// <summary>IT1301 and IT1302 for the raw patch operations of one update.</summary>
        public static IEnumerable<Finding> CheckPatch(IEnumerable<PatchOperation> operations, string target)
        {
            var index = 0;
            foreach (var operation in operations)
            {
                var field = $"PatchOperation[{index++}]";
                var op = operation.Op;
                if (op == null || !Ops.Contains(op))
                {
                    yield return PatchOperationMalformed.Finding(target, field,
                        op == null ? "The patch operation has no op." : $"'{op}' is not a patch op.{RestFacts.DidYouMean(op, Ops)}",
                        "Use op add, remove, replace, move, copy or test (in lower case).");
                    continue;
                }
                if (string.IsNullOrEmpty(operation.Path) || !operation.Path!.StartsWith("/", System.StringComparison.Ordinal))
                {
                    yield return PatchOperationMalformed.Finding(target, field,
                        $"The {op} operation's path '{operation.Path}' is not a JSON pointer starting with '/'.",
                        "Write the path as /timeoutInMillis or /requestParameters/integration.request.header.x-id; write '/' inside a key as ~1 (/requestTemplates/application~1json).");
                    continue;
                }
                if ((op == "add" || op == "replace") && operation.Value == null)
                    yield return PatchOperationMalformed.Finding(target, field, $"The {op} operation on {operation.Path} has no value.",
                        "Give the new value as text, such as value = '5000'.");
                if ((op == "move" || op == "copy") && string.IsNullOrEmpty(operation.From))
                    yield return PatchOperationMalformed.Finding(target, field, $"The {op} operation on {operation.Path} has no from.",
                        "Give from, the JSON pointer of the value to move or copy.");
                if (!RestIntegrationPatch.IsKnownPath(operation.Path!))
                    yield return PatchPathUnknown.Finding(target, field,
                        $"'{operation.Path}' is not a path of an integration this module knows; the service decides whether it takes it.{SuggestPath(operation.Path!)}",
                        "Use one of " + string.Join(", ", RestIntegrationPatch.ScalarPaths) + ", /requestParameters/{key}, /requestTemplates/{content type} or /cacheKeyParameters/{parameter}.");
            }
        }
    }
}
