using System.Text.RegularExpressions;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT2010: the integration URI has the form the type needs: an http(s) URL for HTTP and HTTP_PROXY, the function
    /// ARN (HTTP APIs) or the API Gateway invocation URI (WebSocket APIs) for Lambda, an arn:aws:apigateway URI for
    /// AWS, and none for MOCK.
    /// </summary>
    internal sealed class ApiIntegrationUriRule : ApiRule
    {
        private static readonly Regex HttpUrl = new Regex(@"^https?://[^\s/?#]+([/?#]\S*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ServiceUri = new Regex(@"^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[a-z0-9.-]+:(path|action)/\S+$", RegexOptions.CultureInvariant);

        public ApiIntegrationUriRule() : base(new RuleInfo("IT2010", Severity.Error,
            "The integration URI does not fit the integration type",
            "Each type reaches its backend through a URI of its own form: a URL for HTTP backends, a function ARN (HTTP APIs) or an API Gateway invocation URI (WebSocket APIs) for Lambda, an API Gateway service URI for AWS integrations; a URI of the wrong form is refused or calls nothing."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition definition, string? protocol, RuleContext context)
        {
            var type = ApiRuleText.Type(definition);
            var uri = definition.IntegrationUri;
            var region = context.Region ?? "us-east-1";
            const string field = nameof(ApiIntegrationDefinition.IntegrationUri);
            switch (type)
            {
                case ApiIntegrationValues.Mock:
                    if (ApiRuleText.Has(uri))
                        yield return Finding(definition.Target, field, "A MOCK integration has no backend, but IntegrationUri is set.", "Remove IntegrationUri.");
                    break;

                case ApiIntegrationValues.HttpType:
                case ApiIntegrationValues.HttpProxy:
                    if (definition.ConnectionType == ApiIntegrationValues.VpcLink) break; // private integrations: IT2013
                    if (!ApiRuleText.Has(uri))
                        yield return Finding(definition.Target, field, $"An {type} integration needs the URL of its HTTP endpoint.", "Add IntegrationUri, e.g. 'https://orders.example.com/{proxy}'.");
                    else if (!HttpUrl.IsMatch(uri!))
                        yield return Finding(definition.Target, field, $"'{uri}' is not an http:// or https:// URL.", "Give the full URL of the backend, e.g. 'https://orders.example.com/orders'.");
                    break;

                case ApiIntegrationValues.AwsProxy:
                    if (ApiRuleText.Has(definition.IntegrationSubtype)) break; // AWS service integrations have no URI to check
                    if (!ApiRuleText.Has(uri))
                    {
                        yield return Finding(definition.Target, field, "A Lambda proxy integration (AWS_PROXY) needs the function in IntegrationUri.",
                            ApiRuleText.IsWebSocket(protocol)
                                ? $"Add IntegrationUri = '{LambdaUris.InvocationUri($"arn:aws:lambda:{region}:123456789012:function:my-function", region)}' with your function's ARN."
                                : $"Add IntegrationUri = 'arn:aws:lambda:{region}:123456789012:function:my-function' with your function's ARN, or an IntegrationSubtype for another AWS service.");
                        break;
                    }
                    foreach (var finding in CheckLambda(definition, uri!, protocol, region)) yield return finding;
                    break;

                case ApiIntegrationValues.Aws:
                    if (!ApiRuleText.Has(uri))
                        yield return Finding(definition.Target, field, "An AWS integration needs the service action in IntegrationUri.",
                            $"Add IntegrationUri = '{LambdaUris.InvocationUri($"arn:aws:lambda:{region}:123456789012:function:my-function", region)}' for a Lambda function, or arn:aws:apigateway:{region}:{{service}}:path|action/... for another service.");
                    else if (LambdaUris.IsFunctionArn(uri))
                        yield return Finding(definition.Target, field, $"'{uri}' is a function ARN; AWS integrations invoke Lambda through the API Gateway invocation URI.",
                            $"Use IntegrationUri = '{LambdaUris.InvocationUri(uri!, region)}'.");
                    else if (!ServiceUri.IsMatch(uri!))
                        yield return Finding(definition.Target, field, $"'{uri}' is not an API Gateway service URI (arn:aws:apigateway:{{region}}:{{service}}:path|action/...).",
                            $"Use e.g. '{LambdaUris.InvocationUri($"arn:aws:lambda:{region}:123456789012:function:my-function", region)}'.");
                    break;
            }
        }

        private IEnumerable<Finding> CheckLambda(ApiIntegrationDefinition definition, string uri, string? protocol, string region)
        {
            const string field = nameof(ApiIntegrationDefinition.IntegrationUri);
            var isArn = LambdaUris.IsFunctionArn(uri);
            var isInvocation = LambdaUris.IsInvocationUri(uri);
            if (ApiRuleText.IsWebSocket(protocol))
            {
                if (isInvocation) yield break;
                if (isArn)
                    yield return Finding(definition.Target, field, $"'{uri}' is a function ARN; WebSocket APIs invoke Lambda through the API Gateway invocation URI.",
                        $"Use IntegrationUri = '{LambdaUris.InvocationUri(uri, region)}' (New-ApiIntegration -FunctionArn builds it).");
                else
                    yield return Finding(definition.Target, field, $"'{uri}' is not a Lambda function ARN or invocation URI.",
                        $"Give the function's ARN (arn:aws:lambda:{region}:123456789012:function:my-function) to -FunctionArn, or the URI {LambdaUris.InvocationUri($"arn:aws:lambda:{region}:123456789012:function:my-function", region)}.");
                yield break;
            }
            if (isArn || isInvocation) yield break;
            var hint = Regex.IsMatch(uri, "^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$")
                ? $"'{uri}' is a function name; the integration needs the function's ARN."
                : $"'{uri}' is not a Lambda function ARN.";
            yield return Finding(definition.Target, field, hint,
                $"Use the full ARN, e.g. 'arn:aws:lambda:{region}:123456789012:function:{(uri.Contains(":") || uri.Contains("/") ? "my-function" : uri)}' ('aws lambda get-function --function-name NAME' prints it), or the partial ARN 123456789012:function:NAME.");
        }

        public override IDictionary FailingExample => ApiExamples.WebSocketLambda(("IntegrationUri", "arn:aws:lambda:us-east-1:123456789012:function:chat"));

        public override IDictionary PassingExample => ApiExamples.WebSocketLambda();

        public override RuleContext ExampleContext => RuleContext.WebSocketApiExample;
    }
}
