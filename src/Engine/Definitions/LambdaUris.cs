using System.Text.RegularExpressions;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Integration URIs for Lambda functions. HTTP APIs take the function ARN itself; WebSocket APIs (like REST APIs)
    /// take the API Gateway invocation URI arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations.
    /// A function is given as its ARN (with or without a version or alias) or as the partial ARN
    /// {account}:function:{name}, which is completed with the API's region. A bare function name needs the account of the
    /// credentials (<see cref="CompleteFunctionArn"/>); without it, it is returned as given, for the rules to refuse with the fix.
    /// </summary>
    internal static class LambdaUris
    {
        private static readonly Regex FunctionArnPattern = Pattern(
            @"^arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>\d{12}):function:(?<name>[A-Za-z0-9_-]{1,140})(:(?<qualifier>[A-Za-z0-9$_-]{1,128}))?$");

        private static readonly Regex PartialArnPattern = Pattern(
            @"^(?<account>\d{12}):function:(?<name>[A-Za-z0-9_-]{1,140})(:(?<qualifier>[A-Za-z0-9$_-]{1,128}))?$");

        /// <summary>A bare function name, optionally with a version or alias (my-function, my-function:live, my-function:$LATEST).</summary>
        private static readonly Regex NamePattern = Pattern(
            @"^(?<name>[A-Za-z0-9_-]{1,64})(:(?<qualifier>[A-Za-z0-9$_-]{1,128}))?$");

        private static readonly Regex InvocationUriPattern = Pattern(
            @"^arn:(?<partition>aws[a-z-]*):apigateway:(?<region>[a-z0-9-]+):lambda:path/2015-03-31/functions/(?<function>.+)/invocations$");

        private static Regex Pattern(string expression) => new Regex(expression, RegexOptions.CultureInvariant);

        /// <summary>Whether the text is a full Lambda function ARN (optionally with a version or alias).</summary>
        public static bool IsFunctionArn(string? text) => text != null && FunctionArnPattern.IsMatch(text);

        /// <summary>The function ARN inside an API Gateway invocation URI, or null when the text is not one.</summary>
        public static string? FunctionArnOfInvocationUri(string? uri)
        {
            if (uri == null) return null;
            var match = InvocationUriPattern.Match(uri);
            return match.Success ? match.Groups["function"].Value : null;
        }

        /// <summary>Whether the text is an API Gateway invocation URI of a Lambda function ARN.</summary>
        public static bool IsInvocationUri(string? uri) => IsFunctionArn(FunctionArnOfInvocationUri(uri));

        /// <summary>
        /// The function ARN for a function given as ARN, partial ARN or invocation URI; null when it cannot be
        /// completed (a bare name, or something that is no function at all).
        /// </summary>
        public static string? ToFunctionArn(string? function, string? region)
        {
            if (string.IsNullOrWhiteSpace(function)) return null;
            var text = function!.Trim();
            if (IsFunctionArn(text)) return text;
            var inner = FunctionArnOfInvocationUri(text);
            if (IsFunctionArn(inner)) return inner;
            var partial = PartialArnPattern.Match(text);
            if (partial.Success && !string.IsNullOrEmpty(region))
                return $"arn:{Partition(region!)}:lambda:{region}:{text}";
            return null;
        }

        /// <summary>
        /// Whether the text is a bare function name (name, name:alias or name:version), which only the account of the
        /// credentials completes to an ARN, as Lambda itself reads a name.
        /// </summary>
        public static bool IsFunctionName(string? text) => text != null && NamePattern.IsMatch(text.Trim());

        /// <summary>Whether the text is the partial ARN {account}:function:{name}[:{qualifier}].</summary>
        public static bool IsPartialArn(string? text) => text != null && PartialArnPattern.IsMatch(text.Trim());

        /// <summary>
        /// The full function ARN of a function given by name (name[:qualifier]) in <paramref name="region"/> and
        /// <paramref name="account"/>; any other text is completed as <see cref="ToFunctionArn"/> does, or returned as given.
        /// </summary>
        public static string CompleteFunctionArn(string function, string region, string account)
        {
            var text = (function ?? "").Trim();
            if (IsFunctionName(text)) return $"arn:{Partition(region)}:lambda:{region}:{account}:function:{text}";
            return ToFunctionArn(text, region) ?? text;
        }

        /// <summary>The integration URI of an HTTP API Lambda proxy integration: the function ARN (or the input unchanged).</summary>
        public static string ForHttpApi(string function, string? region) => ToFunctionArn(function, region) ?? function;

        /// <summary>
        /// The integration URI of a WebSocket API Lambda integration: the invocation URI in the API's region (or the
        /// input unchanged when it is no function the module can complete).
        /// </summary>
        public static string ForWebSocketApi(string function, string? region)
        {
            var arn = ToFunctionArn(function, region);
            if (arn == null) return function;
            var apiRegion = string.IsNullOrEmpty(region) ? FunctionArnPattern.Match(arn).Groups["region"].Value : region!;
            return InvocationUri(arn, apiRegion);
        }

        /// <summary>arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations.</summary>
        public static string InvocationUri(string functionArn, string region) =>
            $"arn:{Partition(region)}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

        /// <summary>The ARN partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws otherwise.</summary>
        public static string Partition(string region)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return "aws-cn";
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return "aws-us-gov";
            if (region.StartsWith("us-iso-", StringComparison.Ordinal)) return "aws-iso";
            if (region.StartsWith("us-isob-", StringComparison.Ordinal)) return "aws-iso-b";
            return "aws";
        }
    }
}
