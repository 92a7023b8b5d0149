using System.Diagnostics;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Sets up the integration of a REST API method (PutIntegration): one parameter set per kind of integration, or a
    /// definition (hashtable, object, AWS CLI skeleton JSON, Get-RestIntegration output) from the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RestIntegration", DefaultParameterSetName = DefinitionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Page + "Set-RestIntegration.md")]
    [OutputType(typeof(RestIntegration))]
    public sealed class SetRestIntegrationCommand : RestIntegrationCmdlet
    {
        private const string MockSet = "Mock";
        private const string HttpSet = "Http";
        private const string HttpProxySet = "HttpProxy";
        private const string LambdaProxySet = "LambdaProxy";
        private const string LambdaCustomSet = "LambdaCustom";
        private const string AwsServiceActionSet = "AwsServiceAction";
        private const string AwsServicePathSet = "AwsServicePath";
        private const string DefinitionSet = "Definition";

        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MockSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpProxySet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaProxySet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaCustomSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServicePathSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RestApiId { get; set; }

        /// <summary>The id of the resource; wins over -ResourcePath when both are given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MockSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HttpSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HttpProxySet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaProxySet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaCustomSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServicePathSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = MockSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HttpSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HttpProxySet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaProxySet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaCustomSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServicePathSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourcePath { get; set; }

        /// <summary>The method being integrated (the {http_method} of the request path).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MockSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HttpProxySet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaProxySet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LambdaCustomSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AwsServicePathSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? HttpMethod { get; set; }

        /// <summary>A MOCK integration: API Gateway answers from the request templates without a backend.</summary>
        [Parameter(Mandatory = true, ParameterSetName = MockSet)]
        public SwitchParameter Mock { get; set; }

        /// <summary>An HTTP (custom) integration: the request and response go through mapping templates.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpSet)]
        public SwitchParameter Http { get; set; }

        /// <summary>An HTTP proxy integration: the request is passed to the URL as it is.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpProxySet)]
        public SwitchParameter HttpProxy { get; set; }

        /// <summary>A Lambda proxy integration (AWS_PROXY).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LambdaProxySet)]
        public SwitchParameter LambdaProxy { get; set; }

        /// <summary>A Lambda custom integration (AWS with the Lambda invocation URI).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LambdaCustomSet)]
        public SwitchParameter Lambda { get; set; }

        /// <summary>An AWS service integration (AWS): an action or path of an AWS service API.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServicePathSet)]
        public SwitchParameter AwsService { get; set; }

        /// <summary>The backend's http(s) URL.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpSet)]
        [Parameter(Mandatory = true, ParameterSetName = HttpProxySet)]
        [ValidateNotNullOrEmpty]
        public string? Uri { get; set; }

        /// <summary>The method API Gateway calls the backend with (the wire member httpMethod).</summary>
        [Parameter(Mandatory = true, ParameterSetName = HttpSet)]
        [Parameter(Mandatory = true, ParameterSetName = HttpProxySet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServicePathSet)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? IntegrationHttpMethod { get; set; }

        /// <summary>
        /// The id of the VPC link of a private integration (connection type VPC_LINK). Without it the integration reaches its
        /// backend over the internet, and rule IT1024 refuses an -IntegrationTarget.
        /// </summary>
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestVpcLinkCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The ALB or NLB listener ARN a private integration over a VPC link (v2) sends requests to; goes with -ConnectionId.</summary>
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [ValidateNotNullOrEmpty]
        public string? IntegrationTarget { get; set; }

        /// <summary>
        /// The Lambda function: its ARN, partial ARN (account:function:name) or name (name, name:alias, name:version), which
        /// is completed with the session's region and account (STS GetCallerIdentity).
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = LambdaProxySet)]
        [Parameter(Mandatory = true, ParameterSetName = LambdaCustomSet)]
        [Alias("FunctionArn")]
        [ValidateNotNullOrEmpty]
        public string? FunctionName { get; set; }

        /// <summary>The AWS service, such as sqs, s3 or dynamodb (or subdomain.service).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServicePathSet)]
        [ValidateNotNullOrEmpty]
        public string? Service { get; set; }

        /// <summary>The action of an action-based service API, such as SendMessage (with any &amp;Name=Value parameters).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AwsServiceActionSet)]
        [ValidateNotNullOrEmpty]
        public string? Action { get; set; }

        /// <summary>The path of a path-based service API, such as {bucket}/{key}.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AwsServicePathSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The IAM role API Gateway assumes to call the service, or arn:aws:iam::*:user/* for the caller's credentials.</summary>
        [Parameter(ParameterSetName = LambdaProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServiceActionSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsServicePathSet)]
        [ArgumentCompleter(typeof(Completers.CredentialsCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Credentials { get; set; }

        /// <summary>Integration request parameters: @{ 'integration.request.header.x-id' = 'method.request.path.id' }.</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        public Hashtable? RequestParameters { get; set; }

        /// <summary>Mapping templates by content type: @{ 'application/json' = '{"statusCode": 200}' }.</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        public Hashtable? RequestTemplates { get; set; }

        /// <summary>What happens to a request whose content type has no template.</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        [ValidateSet("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER", IgnoreCase = true)]
        public string? PassthroughBehavior { get; set; }

        /// <summary>The group of cached parameters (default: the resource id).</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        [ValidateNotNullOrEmpty]
        public string? CacheNamespace { get; set; }

        /// <summary>The method request parameters whose values key the cache.</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        public string[]? CacheKeyParameters { get; set; }

        /// <summary>Converts the request payload: CONVERT_TO_BINARY or CONVERT_TO_TEXT.</summary>
        [Parameter(ParameterSetName = MockSet)]
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT", IgnoreCase = true)]
        public string? ContentHandling { get; set; }

        /// <summary>The integration timeout: 50 to 29,000 ms (default 29,000), more for Regional and private APIs with a raised quota.</summary>
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaProxySet)]
        [Parameter(ParameterSetName = LambdaCustomSet)]
        [Parameter(ParameterSetName = AwsServiceActionSet)]
        [Parameter(ParameterSetName = AwsServicePathSet)]
        public int TimeoutInMillis { get; set; }

        /// <summary>Accept a backend certificate from a private or self-signed authority (tlsConfig.insecureSkipVerification).</summary>
        [Parameter(ParameterSetName = HttpSet)]
        [Parameter(ParameterSetName = HttpProxySet)]
        public SwitchParameter InsecureSkipVerification { get; set; }

        /// <summary>BUFFERED (default) or STREAM the backend's response to the client.</summary>
        [Parameter(ParameterSetName = HttpProxySet)]
        [Parameter(ParameterSetName = LambdaProxySet)]
        [ValidateSet("BUFFERED", "STREAM", IgnoreCase = true)]
        public string? ResponseTransferMode { get; set; }

        /// <summary>
        /// A definition: a hashtable or object with the fields of an integration (the AWS CLI's put-integration skeleton
        /// names work too), or an integration from Get-RestIntegration.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DefinitionSet)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>How many definitions may have their PutIntegration in flight at once (1 to 64, default 8); all are paced by the same limiter.</summary>
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
            RestIntegrationDefinition definition;
            // A Lambda function given by name or partial ARN becomes its full ARN before the rules see it; when its
            // account cannot be looked up, that is the item's one error.
            var functions = new Operations.LambdaFunctionResolver(Client);
            if (ParameterSetName == DefinitionSet)
            {
                var plain = DefinitionInput.ToPlain(InputObject);
                if (plain is IDictionary fields)
                    RestIntegrationKinds.OverrideTarget(fields, RestApiId, ResourceId, ResourcePath, HttpMethod);
                definition = RestIntegrationDefinition.Read(plain, findings);
                if (!findings.Exists(f => f.Severity == Severity.Error)
                    && !LookedUp(definition.Target, () => WaitFor(functions.ResolveAsync(definition, CancellationToken)))) return;
            }
            else
            {
                var function = FunctionName;
                if (function != null
                    && !LookedUp(MethodTarget(RestApiId, ResourceId, ResourcePath, HttpMethod), () => function = WaitFor(functions.FunctionArnAsync(function!, CancellationToken)))) return;
                var fields = KindFields(findings, function);
                foreach (DictionaryEntry option in BoundValues(nameof(RestApiId), nameof(ResourceId), nameof(ResourcePath), nameof(HttpMethod),
                             nameof(RequestParameters), nameof(RequestTemplates), nameof(PassthroughBehavior), nameof(CacheNamespace),
                             nameof(CacheKeyParameters), nameof(ContentHandling), nameof(TimeoutInMillis), nameof(InsecureSkipVerification),
                             nameof(ResponseTransferMode)))
                    fields[option.Key] = option.Value;
                definition = RestIntegrationDefinition.Read(DefinitionInput.ToPlain(fields), findings);
            }

            var target = definition.Target;
            LabelInput(target);
            ShowProgress(target);
            var planner = Planner;
            if (!CheckBeforeSending(planner.Check(definition, findings), target)) return;
            RunForItem(target, ex => Advice(ex, definition.RestApiId ?? ""), () =>
            {
                var listing = ReadListing(definition.RestApiId ?? "");
                var scope = $"{Client.Session.Endpoint}|{Client.Session.Region}";
                string[] Method(Operations.RestPlan<RestIntegration> p) => new[] { $"{scope}|{p.Target.RestApiId}|{p.Target.ResourceId}|{p.Target.HttpMethod}" };
                // Planned from the listing; a method with a write in flight is planned once that write is done.
                var plan = PlanWhenFree(() => WaitFor(planner.PlanPutAsync(definition, listing, CancellationToken)), Method);
                var resolved = plan.Target.ToString();
                if (!CheckBeforeSending(plan.Findings, resolved)) return;
                if (plan.NothingToSend)
                {
                    ReportNothingToSend(resolved, "the integration already is as defined (Unchanged)");
                    if (!WhatIfRequested) WriteObject(WaitFor(planner.ApplyAsync(plan, CancellationToken)));
                    return;
                }
                if (!ShouldSend(resolved, plan.Call.Request)) return;
                StartWrite(Method(plan), ct => planner.ApplyAsync(plan, ct, listing),
                    applied => { WriteVerbose($"{resolved}: {plan.Describe()}."); WriteObject(applied); }, resolved, ex => Advice(ex, definition.RestApiId ?? ""));
            });
        }

        #endregion

        /// <summary>Runs a function lookup for one item; false (after the item's error) when it failed.</summary>
        private bool LookedUp(string target, System.Action lookup)
        {
            var done = false;
            RunForItem(target, null, () =>
            {
                lookup();
                done = true;
            });
            return done;
        }

        /// <summary>The fields the parameter set's kind implies (type, backend method, URI, connection).</summary>
        private Hashtable KindFields(List<Finding> findings, string? function)
        {
            var target = MethodTarget(RestApiId, ResourceId, ResourcePath, HttpMethod);
            switch (ParameterSetName)
            {
                case MockSet:
                    return RestIntegrationKinds.Mock();
                case HttpSet:
                case HttpProxySet:
                    return RestIntegrationKinds.Http(ParameterSetName == HttpProxySet, Uri!, IntegrationHttpMethod!, ConnectionId, IntegrationTarget);
                case LambdaProxySet:
                case LambdaCustomSet:
                    return RestIntegrationKinds.Lambda(ParameterSetName == LambdaProxySet, function!, SessionRegion, Credentials, target, findings);
                case AwsServiceActionSet:
                case AwsServicePathSet:
                    return RestIntegrationKinds.AwsService(Service!, Action, Path, IntegrationHttpMethod!, Credentials!, SessionRegion);
                default:
                    Debug.Assert(false, "Unknown parameter set " + ParameterSetName);
                    return new Hashtable();
            }
        }
    }
}
