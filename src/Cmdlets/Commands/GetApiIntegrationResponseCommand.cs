namespace IntegrationTools.Commands
{
    /// <summary>Gets one integration response of a WebSocket API integration, or all of them.</summary>
    [Cmdlet(VerbsCommon.Get, "ApiIntegrationResponse", HelpUri = HelpLinks.Page + "Get-ApiIntegrationResponse.md")]
    [OutputType(typeof(ApiIntegrationResponse))]
    public sealed class GetApiIntegrationResponseCommand : ApiIntegrationTargetCmdlet
    {
        #region Parameters

        /// <summary>The id of the integration response; without it every integration response of the integration is listed.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationResponseIdCompleter))]
        public string? IntegrationResponseId { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = IntegrationTarget + (IntegrationResponseId == null ? "" : $" response/{IntegrationResponseId}");
            RunForItem(target, Advice, () =>
            {
                var service = new ApiV2Service(Client);
                var api = ReadApi(service, ApiId);
                if (IntegrationResponseId != null)
                {
                    WriteObject(WaitFor(service.GetIntegrationResponseAsync(api, IntegrationId, IntegrationResponseId, CancellationToken)));
                    return;
                }
                foreach (var response in Paging.All(token => WaitFor(service.GetIntegrationResponsesPageAsync(api, IntegrationId, token, CancellationToken))))
                    WriteObject(response);
            });
        }

        #endregion

        private string? Advice(ApiGatewayException ex) =>
            IntegrationResponseId == null || ex.Kind != FailureKind.NotFound
                ? IntegrationAdvice(ex)
                : $"Check the integration response id: Get-ApiIntegrationResponse -ApiId {ApiId} -IntegrationId {IntegrationId} lists them.";
    }
}
