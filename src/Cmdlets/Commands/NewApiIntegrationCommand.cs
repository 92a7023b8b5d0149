using System.Diagnostics;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Creates an integration of an HTTP or WebSocket API (CreateIntegration): one parameter set per kind of
    /// integration, or definitions from the pipeline. The API's protocol is read first, and nothing is sent for a
    /// definition the service would refuse.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = HttpProxy, HelpUri = HelpLinks.Page + "New-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class NewApiIntegrationCommand : ApiIntegrationCmdlet
    {
        private const string HttpLambdaProxy = "HttpLambdaProxy";
        private const string HttpProxy = "HttpProxy";
        private const string HttpPrivate = "HttpPrivate";
        private const string HttpAwsService = "HttpAwsService";
        private const string WebSocketMock = "WebSocketMock";
        private const string WebSocketHttp = "WebSocketHttp";
        private const string WebSocketLambda = "WebSocketLambda";
        private const string Definition = "Definition";

        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpLambdaProxy)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpProxy)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpPrivate)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpAwsService)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = WebSocketMock)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = WebSocketHttp)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = WebSocketLambda)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = Definition)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ApiId { get; set; }

        /// <summary>
        /// The Lambda function: its ARN (with or without a version or alias), the partial ARN ACCOUNT:function:NAME, or its
        /// name (NAME, NAME:ALIAS, NAME:VERSION), completed with the session's region and account (STS GetCallerIdentity).
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpLambdaProxy)]
        [Parameter(Mandatory = true, ParameterSetName = WebSocketLambda)]
        [Alias("FunctionName")]
        [ValidateNotNullOrEmpty]
        public string? FunctionArn { get; set; }

        /// <summary>The Lambda event format: 2.0 (default) or 1.0.</summary>
        [Parameter(ParameterSetName = HttpLambdaProxy)]
        [ValidateSet("1.0", "2.0")]
        public string? PayloadFormatVersion { get; set; }

        /// <summary>The URL of the HTTP backend.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpProxy)]
        [Parameter(Mandatory = true, ParameterSetName = WebSocketHttp)]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        /// <summary>The HTTP method of the backend call: ANY (default on HTTP APIs) forwards the client's method; POST is the default on WebSocket APIs.</summary>
        [Parameter(ParameterSetName = HttpProxy)]
        [Parameter(ParameterSetName = HttpPrivate)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? IntegrationMethod { get; set; }

        /// <summary>The id of the VPC link of a private integration.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpPrivate)]
        [Alias("VpcLinkId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ApiVpcLinkCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The ARN of the ALB or NLB listener, or of the AWS Cloud Map service, behind the VPC link.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpPrivate)]
        [ValidateNotNullOrEmpty]
        public string? IntegrationUri { get; set; }

        /// <summary>The host name to verify on the private backend's certificate (and send with SNI); makes API Gateway use HTTPS.</summary>
        [Parameter(ParameterSetName = HttpPrivate)]
        [ValidateNotNullOrEmpty]
        public string? ServerNameToVerify { get; set; }

        /// <summary>The AWS service action, such as SQS-SendMessage or StepFunctions-StartExecution.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpAwsService)]
        [ArgumentCompleter(typeof(Completers.IntegrationSubtypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? IntegrationSubtype { get; set; }

        /// <summary>Makes a MOCK integration (WebSocket APIs).</summary>
        [Parameter(Mandatory = true, ParameterSetName = WebSocketMock)]
        public SwitchParameter Mock { get; set; }

        /// <summary>Makes an HTTP_PROXY integration instead of an HTTP (custom) one (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = WebSocketHttp)]
        public SwitchParameter Proxy { get; set; }

        /// <summary>WebSocketHttp: HTTP or HTTP_PROXY. WebSocketLambda: AWS (custom) or AWS_PROXY.</summary>
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(Mandatory = true, ParameterSetName = WebSocketLambda)]
        [ValidateSet("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY")]
        public string? IntegrationType { get; set; }

        /// <summary>Mapping templates by content type or template selection key (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        public Hashtable? RequestTemplates { get; set; }

        /// <summary>The expression that picks the request template, such as \$default or ${request.body.action} (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        public string? TemplateSelectionExpression { get; set; }

        /// <summary>CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT")]
        public string? ContentHandlingStrategy { get; set; }

        /// <summary>WHEN_NO_MATCH, NEVER or WHEN_NO_TEMPLATES (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        [ValidateSet("WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES")]
        public string? PassthroughBehavior { get; set; }

        /// <summary>The IAM role API Gateway calls the backend as (required for AWS service integrations).</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpAwsService)]
        [Parameter(ParameterSetName = HttpLambdaProxy)]
        [Parameter(ParameterSetName = HttpProxy)]
        [Parameter(ParameterSetName = HttpPrivate)]
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        [Parameter(ParameterSetName = Definition)]
        [ValidateNotNullOrEmpty]
        public string? CredentialsArn { get; set; }

        /// <summary>
        /// Request parameters: on HTTP APIs parameter mappings (overwrite:header.NAME = $request...), or the parameters of
        /// the AWS service action (required for AWS service integrations); on WebSocket APIs integration.request.* mappings.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpAwsService)]
        [Parameter(ParameterSetName = HttpLambdaProxy)]
        [Parameter(ParameterSetName = HttpProxy)]
        [Parameter(ParameterSetName = HttpPrivate)]
        [Parameter(ParameterSetName = WebSocketMock)]
        [Parameter(ParameterSetName = WebSocketHttp)]
        [Parameter(ParameterSetName = WebSocketLambda)]
        [Parameter(ParameterSetName = Definition)]
        public Hashtable? RequestParameters { get; set; }

        /// <summary>HTTP API response parameter mappings, keyed by the backend's status code (200-599).</summary>
        [Parameter]
        public Hashtable? ResponseParameters { get; set; }

        /// <summary>The description of the integration.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The timeout in milliseconds: 50-30,000 on HTTP APIs (default 30,000), 50-29,000 on WebSocket APIs (default 29,000).</summary>
        [Parameter]
        public int TimeoutInMillis { get; set; }

        /// <summary>
        /// An integration definition: a hashtable, an object (ConvertFrom-Json of the AWS CLI create-integration skeleton,
        /// Import-Csv, YAML), or an integration from Get-ApiIntegration to copy.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = Definition)]
        public PSObject? InputObject { get; set; }

        /// <summary>
        /// The keys of the routes to point at the new integration ('GET /orders', '$default', 'sendMessage'): a route with the
        /// key is created when the API has none, else re-targeted. With a definition, replaces its RouteKeys.
        /// </summary>
        [Parameter]
        [Alias("RouteKeys")]
        [ValidateNotNullOrEmpty]
        public string[]? RouteKey { get; set; }

        /// <summary>Creates the integration even when the API already has one like it (same route keys, or same backend).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many items may have their writes in flight at once (1 to 64, default 8); all are paced by the same limiter.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        #endregion

        protected override int InFlightLimit => ThrottleLimit;

        #region Overrides

        protected override void ProcessRecord()
        {
            NextInput();
            var findings = new List<Finding>();
            ApiIntegrationKind? kind = null;
            ApiIntegrationDefinition? definition = null;
            string? apiId = ApiId;
            if (ParameterSetName == Definition)
            {
                definition = ReadDefinition(findings);
                apiId = Bound(nameof(ApiId)) ? ApiId : definition.ApiId;
                if (!NamesApi(apiId, findings)) return;
            }
            else
            {
                kind = ApiIntegrationKind.Find(ParameterSetName);
                Debug.Assert(kind != null, "every parameter set but Definition is a kind");
            }
            var api = apiId!;
            var itemTarget = $"api/{api}";
            LabelInput(itemTarget);
            ShowProgress($"{itemTarget} ({InputName})");
            RunForItem(itemTarget, ApiAdvice, () =>
            {
                var service = new ApiV2Service(Client);
                var info = ReadApi(service, api);
                var region = SessionRegion;
                // A Lambda function given by name or partial ARN becomes its full ARN before the rules see it.
                var functions = new LambdaFunctionResolver(Client);
                if (definition == null)
                {
                    var input = KindInput(api);
                    if (input.FunctionArn != null) input.FunctionArn = WaitFor(functions.FunctionArnAsync(input.FunctionArn, CancellationToken));
                    definition = kind!.Build(input, region, findings);
                    if (RouteKey != null) definition.RouteKeys = new List<string>(RouteKey);
                }
                else if (!findings.Any(f => f.Severity == Severity.Error))
                {
                    definition = WaitFor(functions.ResolveAsync(definition, info.ProtocolType, CancellationToken));
                }
                var planner = new ApiIntegrationPlanner(service);
                var apiKey = service.ApiKey(info);
                var checkedDefinition = definition;
                // An item like one whose create is in flight is planned once that create is done (and then found there).
                var plan = PlanWhenFree(() => WaitFor(planner.PlanNewAsync(info, region, checkedDefinition, kind, Inventory, findings, CancellationToken)),
                    p => ApiIntegrationKeys.Waits(apiKey, checkedDefinition, p));
                if (!CheckBeforeSending(plan.Findings, itemTarget)) return;
                if (plan.Match != null && plan.Match.Candidates.Count > 0 && !Force)
                {
                    var existing = plan.Match.Candidates.Select(c => "integration/" + c.IntegrationId);
                    WriteRefusal("AlreadyExists", ErrorCategory.ResourceExists, itemTarget,
                        $"{itemTarget} already has an integration like {InputName} ({plan.Match.By}): {string.Join(", ", existing)}. Nothing was created.",
                        $"Apply the definition with Set-ApiIntegration, which changes only what differs, or add -Force to create another integration anyway.");
                    return;
                }
                if (!ShouldSend(itemTarget, plan.Requests())) return;
                StartWrite(ApiIntegrationKeys.Holds(apiKey, checkedDefinition, plan),
                    ct => planner.ApplyAsync(info, plan, Inventory, Ledger, ct), created => WriteObject(created),
                    itemTarget, ApiAdvice);
            });
        }

        #endregion

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <summary>The piped definition as plain data, with the parameters given beside it taking precedence.</summary>
        private ApiIntegrationDefinition ReadDefinition(List<Finding> findings)
        {
            var plain = DefinitionInput.ToPlain(InputObject);
            if (plain is Hashtable fields)
            {
                ApiIntegrationDefinition.OverrideTarget(fields, Bound(nameof(ApiId)) ? ApiId : null, RouteKey);
                if (Bound(nameof(Description))) fields[nameof(Description)] = Description;
                if (Bound(nameof(CredentialsArn))) fields[nameof(CredentialsArn)] = CredentialsArn;
                if (Bound(nameof(TimeoutInMillis))) fields[nameof(TimeoutInMillis)] = TimeoutInMillis;
                if (Bound(nameof(RequestParameters))) fields[nameof(RequestParameters)] = DefinitionInput.ToPlain(RequestParameters);
                if (Bound(nameof(ResponseParameters))) fields[nameof(ResponseParameters)] = DefinitionInput.ToPlain(ResponseParameters);
            }
            return ApiIntegrationDefinition.Read(plain, findings, InputName);
        }

        private ApiIntegrationKindInput KindInput(string apiId) => new ApiIntegrationKindInput
        {
            ApiId = apiId,
            FunctionArn = FunctionArn,
            PayloadFormatVersion = PayloadFormatVersion,
            Url = Url,
            IntegrationMethod = IntegrationMethod,
            ConnectionId = ConnectionId,
            IntegrationUri = IntegrationUri,
            ServerNameToVerify = ServerNameToVerify,
            IntegrationSubtype = IntegrationSubtype,
            IntegrationType = IntegrationType,
            Proxy = Proxy.IsPresent,
            Description = Description,
            CredentialsArn = CredentialsArn,
            RequestParameters = DefinitionInput.ToPlain(RequestParameters),
            ResponseParameters = DefinitionInput.ToPlain(ResponseParameters),
            TimeoutInMillis = Bound(nameof(TimeoutInMillis)) ? TimeoutInMillis : (int?)null,
            RequestTemplates = DefinitionInput.ToPlain(RequestTemplates),
            TemplateSelectionExpression = TemplateSelectionExpression,
            ContentHandlingStrategy = ContentHandlingStrategy,
            PassthroughBehavior = PassthroughBehavior,
        };
    }
}
