namespace IntegrationTools.Commands
{
    /// <summary>
    /// Makes integrations of HTTP or WebSocket APIs as defined. With -IntegrationId, changes that integration
    /// (UpdateIntegration): only the fields named change. With whole definitions from the pipeline, converges: each
    /// definition's integration (by IntegrationId, else matched by its route keys or its backend) is created, updated
    /// with only the members that differ, or left alone, and its route keys are pointed at it. The integration as it will
    /// be is checked against the rules before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefinitionSet, HelpUri = HelpLinks.Page + "Set-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class SetApiIntegrationCommand : ApiIntegrationCmdlet
    {
        private const string ByIdSet = "ById";
        private const string DefinitionSet = "Definition";

        /// <summary>The parameters that name a field to change (the definition field of the same name).</summary>
        private static readonly string[] ChangeParameters =
        {
            nameof(IntegrationType), nameof(IntegrationSubtype), nameof(IntegrationUri), nameof(IntegrationMethod),
            nameof(ConnectionType), nameof(ConnectionId), nameof(CredentialsArn), nameof(Description),
            nameof(PayloadFormatVersion), nameof(PassthroughBehavior), nameof(ContentHandlingStrategy),
            nameof(TemplateSelectionExpression), nameof(TimeoutInMillis), nameof(ServerNameToVerify),
            nameof(RequestParameters), nameof(RequestTemplates), nameof(ResponseParameters),
        };

        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API; with definitions, the API they go to (instead of their own ApiId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration to change.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string IntegrationId { get; set; } = "";

        /// <summary>The new integration type.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK")]
        public string? IntegrationType { get; set; }

        /// <summary>The new AWS service action of an HTTP API AWS_PROXY integration.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ArgumentCompleter(typeof(Completers.IntegrationSubtypeCompleter))]
        public string? IntegrationSubtype { get; set; }

        /// <summary>The new backend URI (URL, function ARN, listener or Cloud Map service ARN, API Gateway service URI).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public string? IntegrationUri { get; set; }

        /// <summary>The new HTTP method of the backend call.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? IntegrationMethod { get; set; }

        /// <summary>INTERNET or VPC_LINK.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("INTERNET", "VPC_LINK")]
        public string? ConnectionType { get; set; }

        /// <summary>The id of the VPC link of a private integration.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [Alias("VpcLinkId")]
        [ArgumentCompleter(typeof(Completers.ApiVpcLinkCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The IAM role API Gateway calls the backend as.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public string? CredentialsArn { get; set; }

        /// <summary>The new description ('' clears it).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public string? Description { get; set; }

        /// <summary>1.0 or 2.0 (2.0 only for Lambda proxy integrations of HTTP APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("1.0", "2.0")]
        public string? PayloadFormatVersion { get; set; }

        /// <summary>WHEN_NO_MATCH, NEVER or WHEN_NO_TEMPLATES (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES")]
        public string? PassthroughBehavior { get; set; }

        /// <summary>CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT")]
        public string? ContentHandlingStrategy { get; set; }

        /// <summary>The new template selection expression (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public string? TemplateSelectionExpression { get; set; }

        /// <summary>The new timeout in milliseconds.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public int TimeoutInMillis { get; set; }

        /// <summary>The new TLS server name of a private integration (HTTP APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public string? ServerNameToVerify { get; set; }

        /// <summary>Request parameters to add or change; a key with an empty value removes that mapping.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public Hashtable? RequestParameters { get; set; }

        /// <summary>Request templates to add or change (WebSocket APIs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public Hashtable? RequestTemplates { get; set; }

        /// <summary>Response parameters to add or change by status code (HTTP APIs); a status code with an empty hashtable removes its mappings.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public Hashtable? ResponseParameters { get; set; }

        /// <summary>Writes the changed integration to the pipeline (definitions from the pipeline always write theirs).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The keys of the routes to point at the integration ('GET /orders', '$default', 'sendMessage'): a route with the key
        /// is created when the API has none, re-targeted when it targets another integration. With definitions, replaces their RouteKeys.
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [Alias("RouteKeys")]
        [ValidateNotNullOrEmpty]
        public string[]? RouteKey { get; set; }

        /// <summary>
        /// A whole definition: a hashtable, an object (ConvertFrom-Json, Import-Csv, YAML through ConvertFrom-IntegrationDefinition),
        /// or an integration from Get-ApiIntegration, edited or not.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DefinitionSet)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>How many items may have their writes in flight at once (1 to 64, default 8); all are paced by the same limiter.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        #endregion

        protected override int InFlightLimit => ThrottleLimit;

        #region Overrides

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == ByIdSet && !ChangeParameters.Append(nameof(RouteKey)).Any(p => MyInvocation.BoundParameters.ContainsKey(p)))
            {
                ThrowTerminatingError(Failures.ForInput("Set-ApiIntegration was given nothing to change.", Operation + "NothingToChange", null,
                    "Name at least one field to change, e.g. -Description 'orders backend', -TimeoutInMillis 10000 or -RouteKey 'GET /orders'; or pipe whole definitions in."));
            }
        }

        protected override void ProcessRecord()
        {
            NextInput();
            var findings = new List<Finding>();
            ApiIntegrationDefinition definition;
            if (ParameterSetName == ByIdSet)
            {
                definition = ApiIntegrationDefinition.Read(Changes(), findings, $"api/{ApiId} integration/{IntegrationId}", keepEmpty: true).InServiceCase();
                definition.ApiId = ApiId;
                definition.IntegrationId = IntegrationId;
                if (RouteKey != null) definition.RouteKeys = new List<string>(RouteKey);
            }
            else
            {
                var plain = DefinitionInput.ToPlain(InputObject);
                if (plain is IDictionary fields)
                    ApiIntegrationDefinition.OverrideTarget(fields, MyInvocation.BoundParameters.ContainsKey(nameof(ApiId)) ? ApiId : null, RouteKey);
                definition = ApiIntegrationDefinition.Read(plain, findings, InputName);
            }
            if (!NamesApi(definition.ApiId, findings)) return;
            var apiId = definition.ApiId!;
            var target = definition.Target;
            LabelInput(target);
            ShowProgress(target);
            RunForItem(target, ex => IntegrationAdvice(ex, apiId), () =>
            {
                var service = new ApiV2Service(Client);
                var api = ReadApi(service, apiId);
                var planner = new ApiIntegrationPlanner(service, new LambdaFunctionResolver(Client));
                var apiKey = service.ApiKey(api);
                // Planned from the pipeline's listing; an item whose integration, routes or backend a write in flight may
                // change is planned once that write is done.
                var plan = PlanWhenFree(() => WaitFor(planner.PlanApplyAsync(api, SessionRegion, definition, Inventory, findings, CancellationToken)),
                    p => ApiIntegrationKeys.Waits(apiKey, definition, p));
                if (!CheckBeforeSending(plan.Findings, target)) return;
                if (plan.Match != null && plan.Match.Ambiguous)
                {
                    WriteRefusal("Ambiguous", ErrorCategory.InvalidArgument, target,
                        $"Input {InputNumber} matches {plan.Match.Candidates.Count} integrations of api/{apiId} by {plan.Match.By}: {plan.Match.Ids}. Nothing was sent.",
                        "Add IntegrationId to the definition to say which one, or RouteKeys that tell them apart.");
                    return;
                }
                var done = plan.Current == null ? target : $"api/{apiId} integration/{plan.Current.IntegrationId}";
                var output = ParameterSetName == DefinitionSet || PassThru;
                if (plan.NothingToSend)
                {
                    ReportNothingToSend(done, "the integration already is as asked (Unchanged)");
                    if (output && !WhatIfRequested) WriteObject(WaitFor(planner.ApplyAsync(api, plan, Inventory, Ledger, CancellationToken)));
                    return;
                }
                if (!ShouldSend(done, plan.Requests())) return;
                StartWrite(ApiIntegrationKeys.Holds(apiKey, definition, plan),
                    ct => planner.ApplyAsync(api, plan, Inventory, Ledger, ct),
                    applied =>
                    {
                        WriteVerbose($"api/{apiId} integration/{applied.IntegrationId}: {plan.Describe()}.");
                        if (output) WriteObject(applied);
                    },
                    done, ex => IntegrationAdvice(ex, apiId));
            });
        }

        #endregion

        /// <summary>The fields the user named, as plain data for the definition reader.</summary>
        private Hashtable Changes()
        {
            var changes = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (var name in ChangeParameters)
            {
                if (!MyInvocation.BoundParameters.TryGetValue(name, out var value)) continue;
                // $null clears: an empty value, or an empty map for the map fields.
                changes[name] = DefinitionInput.ToPlain(value) ?? (ApiIntegrationDefinition.Schema.Find(name)?.Kind == FieldKind.String ? "" : (object)new Hashtable());
            }
            return changes;
        }
    }
}
