namespace IntegrationTools.Commands
{
    /// <summary>Sets up an integration response of a REST API method's integration (PutIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Set, "RestIntegrationResponse", DefaultParameterSetName = DefinitionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Page + "Set-RestIntegrationResponse.md")]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class SetRestIntegrationResponseCommand : RestIntegrationCmdlet
    {
        private const string ByIdSet = "ById";
        private const string DefinitionSet = "Definition";

        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RestApiId { get; set; }

        /// <summary>The id of the resource; wins over -ResourcePath when both are given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourcePath { get; set; }

        /// <summary>The method whose integration gets the response.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? HttpMethod { get; set; }

        /// <summary>The status code of the method response this response maps to, such as 200.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string? StatusCode { get; set; }

        /// <summary>The regular expression that selects this response by the backend's status (or Lambda error message).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [AllowEmptyString]
        public string? SelectionPattern { get; set; }

        /// <summary>Method response headers: @{ 'method.response.header.X-Trace' = 'integration.response.header.X-Trace' }.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public Hashtable? ResponseParameters { get; set; }

        /// <summary>Response mapping templates by content type.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public Hashtable? ResponseTemplates { get; set; }

        /// <summary>Converts the response payload: CONVERT_TO_BINARY or CONVERT_TO_TEXT.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT", IgnoreCase = true)]
        public string? ContentHandling { get; set; }

        /// <summary>A definition: a hashtable or object with the fields of an integration response, or Get-RestIntegrationResponse output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DefinitionSet)]
        [AllowNull]
        public object? InputObject { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var findings = new List<Finding>();
            object? plain;
            if (ParameterSetName == DefinitionSet)
            {
                plain = DefinitionInput.ToPlain(InputObject);
                if (plain is IDictionary fields)
                    RestIntegrationKinds.OverrideTarget(fields, RestApiId, ResourceId, ResourcePath, HttpMethod);
            }
            else
            {
                plain = DefinitionInput.ToPlain(BoundValues(nameof(RestApiId), nameof(ResourceId), nameof(ResourcePath), nameof(HttpMethod),
                    nameof(StatusCode), nameof(SelectionPattern), nameof(ResponseParameters), nameof(ResponseTemplates), nameof(ContentHandling)));
            }
            var definition = RestIntegrationResponseDefinition.Read(plain, findings);
            var target = definition.Target;
            var planner = Planner;
            if (!CheckBeforeSending(planner.Check(definition, findings), target)) return;
            RunForItem(target, ex => Advice(ex, definition.RestApiId ?? ""), () =>
            {
                var plan = WaitFor(planner.PlanPutResponseAsync(definition, CancellationToken));
                if (!ShouldSend($"{plan.Target} {definition.StatusCode}", plan.Call.Request)) return;
                WriteObject(WaitFor(RestService.SendAsync(plan.Call, CancellationToken)));
            });
        }

        #endregion
    }
}
