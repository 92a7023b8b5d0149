namespace IntegrationTools.Commands
{
    /// <summary>Removes an integration response of a WebSocket API integration (DeleteIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Remove, "ApiIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-ApiIntegrationResponse.md")]
    [OutputType(typeof(ApiIntegrationResponse))]
    public sealed class RemoveApiIntegrationResponseCommand : ApiIntegrationTargetCmdlet
    {
        private const string Operation = "RemoveApiIntegrationResponse";

        #region Parameters

        /// <summary>The id of the integration response to remove.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationResponseIdCompleter))]
        public string IntegrationResponseId { get; set; } = "";

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the removed integration response to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var apiId = ApiId;
            var integrationId = IntegrationId;
            var responseId = IntegrationResponseId;
            var target = $"{IntegrationTarget} response/{responseId}";
            ShowProgress(target);
            RunForItem(Operation, target, Advice, () =>
            {
                var service = new ApiV2Service(Client);
                var api = ReadApi(service, apiId);
                // Read it first: an unknown id is a NotFound error, not a silent success.
                var existing = WaitFor(service.GetIntegrationResponseAsync(api, integrationId, responseId, CancellationToken));
                var request = ApiV2Service.DeleteIntegrationResponseRequest(apiId, integrationId, responseId);
                if (!ShouldSend(target, request, force: Force)) return;
                WaitFor(service.SendAsync(request, CancellationToken));
                if (PassThru) WriteObject(existing);
            });
        }

        #endregion

        private string? Advice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the ids: Get-ApiIntegrationResponse -ApiId {ApiId} -IntegrationId {IntegrationId} lists the integration's responses."
                : null;
    }
}
