namespace IntegrationTools.Commands
{
    /// <summary>Removes an integration response of a WebSocket API integration (DeleteIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Remove, "ApiIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-ApiIntegrationResponse.md")]
    [OutputType(typeof(ApiIntegrationResponse))]
    public sealed class RemoveApiIntegrationResponseCommand : ApiRemoveCmdlet
    {
        #region Parameters

        /// <summary>The id of the integration response to remove.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationResponseIdCompleter))]
        public string IntegrationResponseId { get; set; } = "";

        #endregion

        #region Overrides

        protected override void ProcessRecord() => Remove($"{IntegrationTarget} response/{IntegrationResponseId}", Advice, (service, api) =>
        {
            // Read it first: an unknown id is a NotFound error, not a silent success.
            var existing = WaitFor(service.GetIntegrationResponseAsync(api, IntegrationId, IntegrationResponseId, CancellationToken));
            return (ApiV2Service.DeleteIntegrationResponseRequest(ApiId, IntegrationId, IntegrationResponseId), existing);
        });

        #endregion

        private string? Advice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the ids: Get-ApiIntegrationResponse -ApiId {ApiId} -IntegrationId {IntegrationId} lists the integration's responses."
                : null;
    }
}
