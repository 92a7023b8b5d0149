namespace IntegrationTools.Commands
{
    /// <summary>Gets the integration responses of a REST API method's integration, or one of them by status code.</summary>
    [Cmdlet(VerbsCommon.Get, "RestIntegrationResponse", HelpUri = HelpLinks.Page + "Get-RestIntegrationResponse.md")]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class GetRestIntegrationResponseCommand : RestIntegrationCmdlet
    {
        private const string Operation = "GetRestIntegrationResponse";

        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string RestApiId { get; set; } = "";

        /// <summary>The id of the resource; wins over -ResourcePath when both are given.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourcePath { get; set; }

        /// <summary>The method whose integration responses to get.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string HttpMethod { get; set; } = "";

        /// <summary>The status code of one integration response; without it every response of the integration is returned.</summary>
        [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string? StatusCode { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var method = HttpMethod.ToUpperInvariant();
            var target = MethodTarget(RestApiId, ResourceId, ResourcePath, method) + (StatusCode == null ? "" : " " + StatusCode);
            if (!CheckTarget(Operation, RestApiId, ResourceId, ResourcePath, method, target, StatusCodeFindings(StatusCode))) return;
            RunForItem(Operation, target, ex => Advice(ex, RestApiId), () =>
            {
                var service = RestService;
                var resolved = WaitFor(service.ResolveMethodAsync(RestApiId, ResourceId, ResourcePath, method, CancellationToken));
                if (StatusCode != null)
                {
                    WriteObject(WaitFor(service.GetIntegrationResponseAsync(resolved, StatusCode, CancellationToken)));
                    return;
                }
                var integration = WaitFor(service.GetIntegrationAsync(resolved.RestApiId, resolved.ResourceId, resolved.HttpMethod, resolved.ResourcePath, CancellationToken));
                WriteObject(integration.IntegrationResponses, true);
            });
        }

        #endregion
    }
}
