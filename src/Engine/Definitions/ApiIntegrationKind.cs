using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// The kinds of integration New-ApiIntegration makes from parameters (one parameter set each): what protocol each
    /// is for, how its parameters become a definition (with the service's defaults), and the check that the kind fits
    /// the API. The definition then goes through the rule catalog like any other.
    /// </summary>
    /// <param name="Name">The parameter set name, e.g. HttpLambdaProxy.</param>
    /// <param name="Protocol">HTTP or WEBSOCKET.</param>
    /// <param name="Description">What the kind makes, for messages: "an HTTP API Lambda proxy integration".</param>
    /// <param name="Alternative">What to use on the other protocol instead.</param>
    internal sealed record ApiIntegrationKind(string Name, string Protocol, string Description, string Alternative)
    {
        public static readonly ApiIntegrationKind HttpLambdaProxy = new ApiIntegrationKind(nameof(HttpLambdaProxy), ApiIntegrationValues.Http,
            "an HTTP API Lambda proxy integration", "WebSocketLambda: -FunctionArn with -IntegrationType AWS_PROXY (or AWS)");

        public static readonly ApiIntegrationKind HttpProxy = new ApiIntegrationKind(nameof(HttpProxy), ApiIntegrationValues.Http,
            "an HTTP API HTTP proxy integration", "WebSocketHttp: -Url with -Proxy (HTTP_PROXY) or -IntegrationType HTTP");

        public static readonly ApiIntegrationKind HttpPrivate = new ApiIntegrationKind(nameof(HttpPrivate), ApiIntegrationValues.Http,
            "an HTTP API private integration (VPC link)", "a definition with ConnectionType VPC_LINK, the id of a REST API VPC link and the NLB's URL (WebSocket APIs use REST API VPC links)");

        public static readonly ApiIntegrationKind HttpAwsService = new ApiIntegrationKind(nameof(HttpAwsService), ApiIntegrationValues.Http,
            "an HTTP API AWS service integration (integration subtype)", "a definition with IntegrationType AWS and an arn:aws:apigateway:{region}:{service}:path|action/... IntegrationUri");

        public static readonly ApiIntegrationKind WebSocketMock = new ApiIntegrationKind(nameof(WebSocketMock), ApiIntegrationValues.WebSocket,
            "a WebSocket API MOCK integration", "no mock: HTTP APIs have no MOCK integrations; point the route at a Lambda function (-FunctionArn) or an HTTP endpoint (-Url)");

        public static readonly ApiIntegrationKind WebSocketHttp = new ApiIntegrationKind(nameof(WebSocketHttp), ApiIntegrationValues.WebSocket,
            "a WebSocket API HTTP integration", "HttpProxy: -Url without -Proxy and -IntegrationType (HTTP APIs take only HTTP_PROXY)");

        public static readonly ApiIntegrationKind WebSocketLambda = new ApiIntegrationKind(nameof(WebSocketLambda), ApiIntegrationValues.WebSocket,
            "a WebSocket API Lambda integration", "HttpLambdaProxy: -FunctionArn without -IntegrationType");

        public static readonly IReadOnlyList<ApiIntegrationKind> All = new[]
        {
            HttpLambdaProxy, HttpProxy, HttpPrivate, HttpAwsService, WebSocketMock, WebSocketHttp, WebSocketLambda,
        };

        public static ApiIntegrationKind? Find(string? name) =>
            All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The definition this kind makes from the parameters, with the service's defaults filled in: payload format
        /// 2.0 for HTTP API Lambda proxies and 1.0 for the other HTTP API kinds, integration method ANY for HTTP API
        /// HTTP backends and POST for WebSocket HTTP backends and for Lambda, HTTP (or HTTP_PROXY with Proxy) on
        /// WebSocket HTTP integrations. <paramref name="region"/> completes partial function ARNs and the WebSocket
        /// invocation URI. Maps that cannot be read and parameters that contradict each other become findings.
        /// </summary>
        public ApiIntegrationDefinition Build(ApiIntegrationKindInput input, string? region, ICollection<Finding> findings)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            // The maps arrive as the user wrote them (hashtables, JSON text): the definition reader converts them and
            // reports what it cannot read.
            var maps = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
            if (input.RequestParameters != null) maps[nameof(input.RequestParameters)] = input.RequestParameters;
            if (input.ResponseParameters != null) maps[nameof(input.ResponseParameters)] = input.ResponseParameters;
            if (input.RequestTemplates != null) maps[nameof(input.RequestTemplates)] = input.RequestTemplates;
            var read = ApiIntegrationDefinition.Read(maps, findings, $"api/{input.ApiId ?? "?"}");
            var d = new ApiIntegrationDefinition
            {
                ApiId = input.ApiId,
                Description = input.Description,
                CredentialsArn = input.CredentialsArn,
                RequestParameters = read.RequestParameters,
                ResponseParameters = read.ResponseParameters,
                TimeoutInMillis = input.TimeoutInMillis,
                RequestTemplates = read.RequestTemplates,
                TemplateSelectionExpression = input.TemplateSelectionExpression,
                ContentHandlingStrategy = input.ContentHandlingStrategy,
                PassthroughBehavior = input.PassthroughBehavior,
            };
            switch (Name)
            {
                case nameof(HttpLambdaProxy):
                    d.IntegrationType = ApiIntegrationValues.AwsProxy;
                    d.IntegrationUri = input.FunctionArn == null ? null : LambdaUris.ForHttpApi(input.FunctionArn, region);
                    d.IntegrationMethod = "POST";
                    d.PayloadFormatVersion = input.PayloadFormatVersion ?? "2.0";
                    break;
                case nameof(HttpProxy):
                    d.IntegrationType = ApiIntegrationValues.HttpProxy;
                    d.IntegrationUri = input.Url;
                    d.IntegrationMethod = input.IntegrationMethod ?? "ANY";
                    d.PayloadFormatVersion = "1.0";
                    break;
                case nameof(HttpPrivate):
                    d.IntegrationType = ApiIntegrationValues.HttpProxy;
                    d.ConnectionType = ApiIntegrationValues.VpcLink;
                    d.ConnectionId = input.ConnectionId;
                    d.IntegrationUri = input.IntegrationUri;
                    d.IntegrationMethod = input.IntegrationMethod ?? "ANY";
                    d.ServerNameToVerify = input.ServerNameToVerify;
                    d.PayloadFormatVersion = "1.0";
                    break;
                case nameof(HttpAwsService):
                    d.IntegrationType = ApiIntegrationValues.AwsProxy;
                    d.IntegrationSubtype = input.IntegrationSubtype;
                    d.PayloadFormatVersion = "1.0";
                    break;
                case nameof(WebSocketMock):
                    d.IntegrationType = ApiIntegrationValues.Mock;
                    break;
                case nameof(WebSocketHttp):
                    if (input.Proxy && input.IntegrationType != null && !string.Equals(input.IntegrationType, ApiIntegrationValues.HttpProxy, StringComparison.OrdinalIgnoreCase))
                        findings.Add(ReadingRules.DuplicateField.Finding(d.Target, nameof(d.IntegrationType),
                            $"-Proxy asks for an HTTP_PROXY integration but -IntegrationType says {input.IntegrationType}.",
                            "Give -Proxy (HTTP_PROXY) or -IntegrationType, not both."));
                    d.IntegrationType = input.IntegrationType?.ToUpperInvariant() ?? (input.Proxy ? ApiIntegrationValues.HttpProxy : ApiIntegrationValues.HttpType);
                    d.IntegrationUri = input.Url;
                    d.IntegrationMethod = input.IntegrationMethod ?? "POST";
                    break;
                case nameof(WebSocketLambda):
                    d.IntegrationType = input.IntegrationType?.ToUpperInvariant() ?? ApiIntegrationValues.AwsProxy;
                    d.IntegrationUri = input.FunctionArn == null ? null : LambdaUris.ForWebSocketApi(input.FunctionArn, region);
                    d.IntegrationMethod = "POST";
                    break;
            }
            return d.InServiceCase();
        }

        public override string ToString() => Name;
    }

    /// <summary>The parameters of New-ApiIntegration that describe an integration, as given (null: not given).</summary>
    internal sealed class ApiIntegrationKindInput
    {
        public string? ApiId { get; set; }
        public string? FunctionArn { get; set; }
        public string? PayloadFormatVersion { get; set; }
        public string? Url { get; set; }
        public string? IntegrationMethod { get; set; }
        public string? ConnectionId { get; set; }
        public string? IntegrationUri { get; set; }
        public string? ServerNameToVerify { get; set; }
        public string? IntegrationSubtype { get; set; }
        public string? IntegrationType { get; set; }
        public bool Proxy { get; set; }
        public string? Description { get; set; }
        public string? CredentialsArn { get; set; }
        /// <summary>A hashtable (or JSON object text) of text keys and values.</summary>
        public object? RequestParameters { get; set; }
        /// <summary>A hashtable of status codes to hashtables of text keys and values.</summary>
        public object? ResponseParameters { get; set; }
        public int? TimeoutInMillis { get; set; }
        /// <summary>A hashtable of content types (or selection keys) to templates.</summary>
        public object? RequestTemplates { get; set; }
        public string? TemplateSelectionExpression { get; set; }
        public string? ContentHandlingStrategy { get; set; }
        public string? PassthroughBehavior { get; set; }
    }
}
