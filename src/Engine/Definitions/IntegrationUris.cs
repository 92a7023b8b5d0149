using System.Text.RegularExpressions;
using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Builds the URIs of AWS integrations from what users know: a Lambda function (ARN, partial ARN or name) becomes
    /// arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations, and an AWS service with an
    /// action or a path becomes arn:aws:apigateway:{region}:{service}:action/{Action} or :path/{path}.
    /// </summary>
    internal static class IntegrationUris
    {
        private static readonly Regex FullArn = new Regex(@"^arn:(?<partition>[^:]+):lambda:(?<region>[a-z0-9-]+):", RegexOptions.CultureInvariant);
        private static readonly Regex PartialArn = new Regex(@"^(?<account>\d{12}):function:(?<name>.+)$", RegexOptions.CultureInvariant);
        private static readonly Regex RoleAccount = new Regex(@"^arn:[^:]+:iam::(?<account>\d{12}):role/", RegexOptions.CultureInvariant);

        /// <summary>
        /// The Lambda invocation URI for <paramref name="function"/>. A full ARN is used as given (and Lambda is called in the
        /// function's region); a partial ARN (123456789012:function:name) or a name (name[:alias]) is completed with
        /// <paramref name="region"/> and the account, which for a name comes from the role ARN in <paramref name="credentials"/>.
        /// When the account is not known, a finding (IT1201) says to give the full ARN and null is returned.
        /// </summary>
        public static string? Lambda(string function, string region, string? credentials, string target, ICollection<Finding> findings)
        {
            var text = (function ?? "").Trim();
            string functionArn;
            var uriRegion = region;
            var partition = RestFacts.Partition(region);
            var full = FullArn.Match(text);
            var partial = PartialArn.Match(text);
            if (full.Success)
            {
                functionArn = text;
                uriRegion = full.Groups["region"].Value;
                partition = full.Groups["partition"].Value;
            }
            else if (partial.Success)
            {
                functionArn = $"arn:{partition}:lambda:{region}:{partial.Groups["account"].Value}:function:{partial.Groups["name"].Value}";
            }
            else
            {
                var account = AccountOf(credentials);
                if (account == null)
                {
                    findings.Add(ReadingRules.FunctionNotLocated.Finding(target, "FunctionName",
                        $"The Lambda function '{text}' is given by name, and the account it belongs to is not known.",
                        $"Give the function's full ARN, such as arn:{partition}:lambda:{region}:123456789012:function:{text} (aws lambda get-function --function-name {text} shows it)."));
                    return null;
                }
                functionArn = $"arn:{partition}:lambda:{region}:{account}:function:{text}";
            }
            return $"arn:{partition}:apigateway:{uriRegion}:lambda:path/2015-03-31/functions/{functionArn}/invocations";
        }

        /// <summary>arn:{partition}:apigateway:{region}:{service}:action/{action}, or :path/{path} (one leading '/' dropped).</summary>
        public static string AwsService(string service, string? action, string? path, string region)
        {
            var partition = RestFacts.Partition(region);
            var prefix = $"arn:{partition}:apigateway:{region}:{(service ?? "").Trim()}:";
            if (action != null) return prefix + "action/" + action.Trim();
            var trimmed = (path ?? "").Trim();
            if (trimmed.StartsWith("/", System.StringComparison.Ordinal)) trimmed = trimmed.Substring(1);
            return prefix + "path/" + trimmed;
        }

        /// <summary>The account of an IAM role ARN, or null.</summary>
        public static string? AccountOf(string? roleArn)
        {
            if (roleArn == null) return null;
            var match = RoleAccount.Match(roleArn.Trim());
            return match.Success ? match.Groups["account"].Value : null;
        }
    }
}
