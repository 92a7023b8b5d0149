using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2022: credentials are an IAM role ARN, or arn:aws:iam::*:user/* to call the backend as the caller.</summary>
    internal sealed class ApiCredentialsArnRule : Rule<ApiIntegrationDefinition>
    {
        private static readonly Regex RoleArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant);
        private static readonly Regex CallerIdentity = new Regex(@"^arn:aws[a-z-]*:iam::\*?:user/\*?$", RegexOptions.CultureInvariant);

        public ApiCredentialsArnRule() : base(new RuleInfo("IT2022", Severity.Error,
            "The credentials are not an IAM role ARN",
            "API Gateway assumes the role named in CredentialsArn to call the backend (or passes the caller's identity with arn:aws:iam::*:user/*); a user, policy or malformed ARN cannot be assumed and the integration fails."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, RuleContext context)
        {
            var arn = definition.CredentialsArn;
            if (string.IsNullOrEmpty(arn) || RoleArn.IsMatch(arn!) || CallerIdentity.IsMatch(arn!)) yield break;
            yield return Finding(definition.Target, nameof(definition.CredentialsArn),
                $"'{arn}' is not an IAM role ARN.",
                "Give the role's ARN, e.g. arn:aws:iam::123456789012:role/apigw-invoke ('aws iam get-role --role-name NAME' prints it).");
        }

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationUri"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            ["PayloadFormatVersion"] = "2.0",
            ["CredentialsArn"] = "apigw-invoke",
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationUri"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            ["PayloadFormatVersion"] = "2.0",
            ["CredentialsArn"] = "arn:aws:iam::123456789012:role/apigw-invoke",
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
