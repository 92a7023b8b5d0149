using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2022: credentials are an IAM role ARN, or arn:aws:iam::*:user/* to call the backend as the caller.</summary>
    internal sealed class ApiCredentialsArnRule : ApiRule
    {
        private static readonly Regex RoleArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant);
        private static readonly Regex CallerIdentity = new Regex(@"^arn:aws[a-z-]*:iam::\*?:user/\*?$", RegexOptions.CultureInvariant);

        public ApiCredentialsArnRule() : base(new RuleInfo("IT2022", Severity.Error,
            "The credentials are not an IAM role ARN",
            "API Gateway assumes the role named in CredentialsArn to call the backend (or passes the caller's identity with arn:aws:iam::*:user/*); a user, policy or malformed ARN cannot be assumed and the integration fails."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var arn = definition.CredentialsArn;
            if (string.IsNullOrEmpty(arn) || RoleArn.IsMatch(arn!) || CallerIdentity.IsMatch(arn!)) yield break;
            yield return Finding(definition.Target, nameof(definition.CredentialsArn),
                $"'{arn}' is not an IAM role ARN.",
                "Give the role's ARN, e.g. arn:aws:iam::123456789012:role/apigw-invoke ('aws iam get-role --role-name NAME' prints it).");
        }

        public override IDictionary FailingExample => ApiExamples.LambdaProxy(("CredentialsArn", "apigw-invoke"));

        public override IDictionary PassingExample => ApiExamples.LambdaProxy(("CredentialsArn", "arn:aws:iam::123456789012:role/apigw-invoke"));
    }
}
