namespace IntegrationTools.Commands
{
    /// <summary>
    /// Creates an integration response of a WebSocket API integration (CreateIntegrationResponse): how the backend's
    /// answer becomes the route response for the status codes its key matches.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ApiIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Page + "New-ApiIntegrationResponse.md")]
    [OutputType(typeof(ApiIntegrationResponse))]
    public sealed class NewApiIntegrationResponseCommand : ApiIntegrationTargetCmdlet
    {
        #region Parameters

        /// <summary>'$default', or a regular expression between slashes matched against the integration's status code, such as '/2\d\d/'.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationResponseKeyCompleter))]
        public string IntegrationResponseKey { get; set; } = "";

        /// <summary>Response templates by template selection key (such as $default).</summary>
        [Parameter]
        public Hashtable? ResponseTemplates { get; set; }

        /// <summary>The expression that picks the response template.</summary>
        [Parameter]
        public string? TemplateSelectionExpression { get; set; }

        /// <summary>CONVERT_TO_BINARY or CONVERT_TO_TEXT.</summary>
        [Parameter]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT")]
        public string? ContentHandlingStrategy { get; set; }

        /// <summary>Response header mappings: method.response.header.NAME = integration.response.header.NAME, or a 'quoted' static value.</summary>
        [Parameter]
        public Hashtable? ResponseParameters { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = $"{IntegrationTarget} response/{IntegrationResponseKey}";
            var fields = new Hashtable(System.StringComparer.OrdinalIgnoreCase)
            {
                [nameof(ApiId)] = ApiId,
                [nameof(IntegrationId)] = IntegrationId,
                [nameof(IntegrationResponseKey)] = IntegrationResponseKey,
                [nameof(TemplateSelectionExpression)] = TemplateSelectionExpression,
                [nameof(ContentHandlingStrategy)] = ContentHandlingStrategy,
                [nameof(ResponseTemplates)] = DefinitionInput.ToPlain(ResponseTemplates),
                [nameof(ResponseParameters)] = DefinitionInput.ToPlain(ResponseParameters),
            };
            RunForItem(target, IntegrationAdvice, () =>
            {
                var service = new ApiV2Service(Client);
                var api = ReadApi(service, ApiId);
                var findings = new List<Finding>();
                var definition = ApiIntegrationResponseDefinition.Read(fields, findings, target).InServiceCase();
                var plan = new ApiIntegrationPlanner(service).PlanCreateResponse(api, SessionRegion, definition, findings);
                if (!CheckBeforeSending(plan.Findings, target)) return;
                if (!ShouldSend(target, plan.Request)) return;
                WriteObject(WaitFor(service.SendIntegrationResponseAsync(api, IntegrationId, plan.Request, CancellationToken)));
            });
        }

        #endregion
    }
}
