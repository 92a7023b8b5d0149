namespace IntegrationTools.Commands
{
    /// <summary>Gets the integration responses of a REST API method's integration, or one of them by status code.</summary>
    [Cmdlet(VerbsCommon.Get, "RestIntegrationResponse", HelpUri = HelpLinks.Page + "Get-RestIntegrationResponse.md")]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class GetRestIntegrationResponseCommand : RestMethodTargetCmdlet
    {
        #region Parameters

        /// <summary>The status code of one integration response; without it every response of the integration is returned.</summary>
        [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string? StatusCode { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = MethodTarget() + (StatusCode == null ? "" : " " + StatusCode);
            if (!CheckTarget(target, StatusCodeFindings(StatusCode))) return;
            RunForItem(target, Advice, () =>
            {
                var service = RestService;
                var resolved = WaitFor(service.ResolveMethodAsync(RestApiId, ResourceId, ResourcePath, Method, CancellationToken));
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
