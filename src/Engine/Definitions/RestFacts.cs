using System.Text.RegularExpressions;
using IntegrationTools.Text;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// What the REST API (v1) service model and the API Gateway documentation say about integrations: the enumerations,
    /// the forms of URIs, ARNs and mapping expressions. The rules in this folder read these; nothing else decides them.
    /// </summary>
    internal static class RestFacts
    {
        public static readonly string[] IntegrationTypes = { "HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY" };
        public static readonly string[] HttpMethods = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY" };
        public static readonly string[] ConnectionTypes = { "INTERNET", "VPC_LINK" };
        public static readonly string[] PassthroughBehaviors = { "WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER" };
        public static readonly string[] ContentHandlings = { "CONVERT_TO_BINARY", "CONVERT_TO_TEXT" };
        public static readonly string[] ResponseTransferModes = { "BUFFERED", "STREAM" };

        public const int MinTimeout = 50;
        public const int DefaultTimeout = 29_000;
        public const int MaxRaisedTimeout = 300_000;
        public const int MaxStreamingTimeout = 900_000;

        /// <summary>The caller's own credentials instead of a role ("invoke with caller credentials").</summary>
        public const string CallerCredentials = "arn:aws:iam::*:user/*";

        public static bool IsHttp(string? type) => type == "HTTP" || type == "HTTP_PROXY";

        public static bool IsAws(string? type) => type == "AWS" || type == "AWS_PROXY";

        public static bool IsProxy(string? type) => type == "HTTP_PROXY" || type == "AWS_PROXY";

        /// <summary>The types that call a backend and so need its URI and HTTP method.</summary>
        public static bool HasBackend(string? type) => IsHttp(type) || IsAws(type);

        public static bool IsKnownType(string? type) => type != null && IntegrationTypes.Contains(type);

        /// <summary>arn:{partition}:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}</summary>
        public static readonly Regex AwsUri = new Regex(
            @"^arn:(?<partition>aws[a-z-]*):apigateway:(?<region>[a-z0-9-]+):(?<service>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*):(?<kind>path|action)/(?<api>.+)$",
            RegexOptions.CultureInvariant);

        /// <summary>The path of a Lambda invocation: 2015-03-31/functions/{function ARN}/invocations (one extra leading slash is tolerated).</summary>
        public static readonly Regex LambdaInvocationPath = new Regex(
            @"^/?2015-03-31/functions/(?<function>.+)/invocations$", RegexOptions.CultureInvariant);

        /// <summary>arn:{partition}:lambda:{region}:{account}:function:{name}[:{alias or version}]; stage variables may stand in the name.</summary>
        public static readonly Regex FunctionArn = new Regex(
            @"^arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>\d{12}):function:(?<name>(?:[A-Za-z0-9_-]|\$\{stageVariables\.[A-Za-z0-9_]+\})+)(?::(?<qualifier>(?:[A-Za-z0-9_$-]|\$\{stageVariables\.[A-Za-z0-9_]+\})+))?$",
            RegexOptions.CultureInvariant);

        public static readonly Regex RoleArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant);

        public static readonly Regex CallerCredentialsArn = new Regex(@"^arn:aws[a-z-]*:iam::\*:user/\*$", RegexOptions.CultureInvariant);

        public static readonly Regex ListenerArn = new Regex(
            @"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener/(?:app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+$", RegexOptions.CultureInvariant);

        /// <summary>integration.request.{querystring|path|header}.{name}</summary>
        public static readonly Regex IntegrationRequestParameter = new Regex(@"^integration\.request\.(?<location>querystring|path|header)\.(?<name>\S+)$", RegexOptions.CultureInvariant);

        /// <summary>method.request.{location}.{name}: what a method declares and what mappings and cache keys read.</summary>
        public static readonly Regex MethodRequestParameter = new Regex(
            @"^method\.request\.(?<location>querystring|path|header|multivalueheader|multivaluequerystring)\.(?<name>\S+)$", RegexOptions.CultureInvariant);

        private static readonly Regex MethodRequestBody = new Regex(@"^method\.request\.body(?:\.\S+)?$", RegexOptions.CultureInvariant);
        private static readonly Regex Static = new Regex(@"^'.*'$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex ContextVariable = new Regex(@"^context\.[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant);
        private static readonly Regex StageVariable = new Regex(@"^stageVariables\.[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

        /// <summary>method.response.header.{name}</summary>
        public static readonly Regex MethodResponseHeader = new Regex(@"^method\.response\.header\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant);

        private static readonly Regex IntegrationResponseSource = new Regex(
            @"^integration\.response\.(?:(?:header|multivalueheader)\.\S+|body(?:\.\S+)?)$", RegexOptions.CultureInvariant);

        /// <summary>A content type such as application/json (the key of a mapping template).</summary>
        public static readonly Regex MediaType = new Regex(@"^[A-Za-z0-9!#$&^_.+*-]+/[A-Za-z0-9!#$&^_.+*-]+(?:\s*;.*)?$", RegexOptions.CultureInvariant);

        public static readonly Regex StatusCode = new Regex(@"^[1-5]\d\d$", RegexOptions.CultureInvariant);

        /// <summary>What an integration request parameter may map from.</summary>
        public static bool IsRequestMappingSource(string value) =>
            MethodRequestParameter.IsMatch(value) || MethodRequestBody.IsMatch(value) || Static.IsMatch(value)
            || ContextVariable.IsMatch(value) || StageVariable.IsMatch(value);

        /// <summary>What a method response header may map from.</summary>
        public static bool IsResponseMappingSource(string value) =>
            IntegrationResponseSource.IsMatch(value) || Static.IsMatch(value) || ContextVariable.IsMatch(value) || StageVariable.IsMatch(value);

        public const string RequestMappingForms =
            "method.request.{querystring|path|header|multivalueheader|multivaluequerystring}.{name}, method.request.body, " +
            "method.request.body.{JSONPath}, a static value in single quotes such as 'value', context.{variable} or stageVariables.{name}";

        public const string ResponseMappingForms =
            "integration.response.header.{name}, integration.response.multivalueheader.{name}, integration.response.body, " +
            "integration.response.body.{JSONPath}, a static value in single quotes such as 'value', context.{variable} or stageVariables.{name}";

        /// <summary>"an" before AWS and HTTP types (read as letters), "a" before MOCK.</summary>
        public static string Article(string? type, bool capital = false)
        {
            var article = type != null && (type.StartsWith("AWS", StringComparison.Ordinal) || type.StartsWith("HTTP", StringComparison.Ordinal)) ? "an" : "a";
            return capital ? char.ToUpperInvariant(article[0]) + article.Substring(1) : article;
        }

        /// <summary>"A, B or C".</summary>
        public static string OneOf(IReadOnlyList<string> values) =>
            values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[values.Count - 1];

        /// <summary>"FIELD 'value' is not WHAT. Did you mean 'X'?": a value that is not one of <paramref name="values"/>.</summary>
        public static string NotOneOf(string field, string value, IReadOnlyList<string> values, string what) =>
            $"{field} '{value}' is not {what}.{DidYouMean(value, values)}";

        /// <summary>" Did you mean 'X'?" when a value is close to one of <paramref name="values"/>, else "".</summary>
        public static string DidYouMean(string value, IEnumerable<string> values)
        {
            var closest = Closest.To(value, values, 1);
            if (closest.Count == 0) return "";
            return Closest.Distance(value, closest[0]) <= Math.Max(2, value.Length / 2) ? $" Did you mean '{closest[0]}'?" : "";
        }

        /// <summary>The partition of a region name: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f.</summary>
        public static string Partition(string region)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return "aws-cn";
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return "aws-us-gov";
            if (region.StartsWith("us-isob-", StringComparison.Ordinal)) return "aws-iso-b";
            if (region.StartsWith("us-iso-", StringComparison.Ordinal)) return "aws-iso";
            if (region.StartsWith("eu-isoe-", StringComparison.Ordinal)) return "aws-iso-e";
            if (region.StartsWith("us-isof-", StringComparison.Ordinal)) return "aws-iso-f";
            return "aws";
        }
    }
}
