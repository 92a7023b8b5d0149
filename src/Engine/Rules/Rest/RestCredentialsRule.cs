using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1021: Credentials is the ARN of the IAM role API Gateway assumes, or arn:aws:iam::*:user/* to call with the caller's
    /// own credentials; HTTP and MOCK integrations do not use it (warning).
    /// </summary>
    internal sealed class RestCredentialsRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1021", Severity.Error,
            "Credentials are an IAM role ARN or the caller pass-through arn:aws:iam::*:user/*",
            "To call an AWS service, API Gateway assumes the role named by its ARN (arn:aws:iam::{account}:role/{name}), or passes the caller's credentials through when Credentials is arn:aws:iam::*:user/*; users, policies and bare names are refused.");

        private static readonly Regex UserArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:user/", RegexOptions.CultureInvariant);

        public RestCredentialsRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var value = definition.Credentials;
            if (value == null) yield break;
            if (RestFacts.RoleArn.IsMatch(value) || RestFacts.CallerCredentialsArn.IsMatch(value))
            {
                if (definition.Type != null && RestFacts.IsKnownType(definition.Type) && !RestFacts.IsAws(definition.Type))
                    yield return Info.Finding(Severity.Warning, definition.Target, "Credentials",
                        $"Credentials are only used to call AWS services; {RestFacts.Article(definition.Type)} {definition.Type} integration ignores '{value}'.",
                        "Remove Credentials, or use Type AWS or AWS_PROXY.");
                yield break;
            }
            string fix;
            if (UserArn.IsMatch(value))
                fix = $"API Gateway assumes a role, not a user: give a role ARN, or {RestFacts.CallerCredentials} to pass the caller's own credentials through.";
            else if (!value.StartsWith("arn:", System.StringComparison.Ordinal))
                fix = $"Give the role's full ARN, such as arn:aws:iam::123456789012:role/{value} (aws iam get-role --role-name NAME shows it), or {RestFacts.CallerCredentials}.";
            else
                fix = $"Give an IAM role ARN (arn:aws:iam::{{12-digit account}}:role/{{name}}), or {RestFacts.CallerCredentials} to pass the caller's credentials through.";
            yield return Finding(definition.Target, "Credentials", $"Credentials '{value}' is not an IAM role ARN nor the caller pass-through {RestFacts.CallerCredentials}.", fix);
        }

        public override IDictionary FailingExample => RestExamples.AwsService(("Credentials", "apigw-sqs-send"));

        public override IDictionary PassingExample => RestExamples.AwsService(("Credentials", "arn:aws:iam::123456789012:role/apigw-sqs-send"));
    }
}
