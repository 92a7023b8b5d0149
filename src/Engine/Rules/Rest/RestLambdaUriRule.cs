using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1010: an AWS_PROXY integration invokes a Lambda function: .../lambda:path/2015-03-31/functions/{function ARN}/invocations
    /// with a full function ARN; an AWS integration whose URI invokes a function is held to the same form.
    /// </summary>
    internal sealed class RestLambdaUriRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1010", Severity.Error,
            "Lambda integration URIs invoke a full function ARN",
            "A Lambda proxy integration (AWS_PROXY) can only call Lambda's Invoke API, whose URI is arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations; the function must be named by its full ARN, and Lambda must be called in the function's own region.");

        private const string Form = "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}/invocations";

        public RestLambdaUriRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            var uri = definition.Uri;
            if (uri == null || !RestFacts.IsAws(definition.Type)) yield break;
            var match = RestFacts.AwsUri.Match(uri);
            if (!match.Success) yield break; // IT1009 says what is wrong with it.
            var service = match.Groups["service"].Value;
            var api = match.Groups["api"].Value;
            var invocation = match.Groups["kind"].Value == "path" ? RestFacts.LambdaInvocationPath.Match(api) : System.Text.RegularExpressions.Match.Empty;

            if (definition.Type == "AWS_PROXY" && service != "lambda")
            {
                yield return Finding(definition.Target, "Uri",
                    $"A Lambda proxy integration (AWS_PROXY) calls Lambda, but Uri '{uri}' calls the service '{service}'.",
                    $"Use Type AWS for an AWS service integration, or give a Lambda URI: {Form}.");
                yield break;
            }
            if (service != "lambda") yield break;
            if (!invocation.Success)
            {
                if (definition.Type == "AWS_PROXY")
                    yield return Finding(definition.Target, "Uri",
                        $"Uri '{uri}' does not invoke a function: a Lambda proxy integration's URI ends in /2015-03-31/functions/{{function ARN}}/invocations.",
                        $"Write it as {Form}.");
                yield break;
            }
            var function = invocation.Groups["function"].Value;
            var arn = RestFacts.FunctionArn.Match(function);
            if (!arn.Success)
            {
                yield return Finding(definition.Target, "Uri",
                    $"The function in Uri '{uri}' is '{function}', which is not a full Lambda function ARN (arn:aws:lambda:{{region}}:{{12-digit account}}:function:{{name}}[:{{alias}}]).",
                    "Name the function by its full ARN (aws lambda get-function --function-name NAME shows it), or let Set-RestIntegration -LambdaProxy -FunctionName build the URI.");
                yield break;
            }
            var uriRegion = match.Groups["region"].Value;
            var functionRegion = arn.Groups["region"].Value;
            if (uriRegion != functionRegion)
            {
                yield return Info.Finding(Severity.Warning, definition.Target, "Uri",
                    $"Uri calls Lambda in {uriRegion}, but the function lives in {functionRegion}; every call will fail to find it.",
                    $"Use arn:aws:apigateway:{functionRegion}:lambda:path/2015-03-31/functions/{function}/invocations.");
            }
        }

        public override IDictionary FailingExample => RestExamples.LambdaProxy(("Uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/list-pets/invocations"));

        public override IDictionary PassingExample => RestExamples.LambdaProxy();
    }
}
