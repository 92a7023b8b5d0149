namespace IntegrationTools.Commands
{
    /// <summary>Removes an integration response of a REST API method's integration (DeleteIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-RestIntegrationResponse.md")]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class RemoveRestIntegrationResponseCommand : RestRemoveCmdlet
    {
        #region Parameters

        /// <summary>The status code of the integration response.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string StatusCode { get; set; } = "";

        #endregion

        #region Overrides

        protected override void ProcessRecord() =>
            Remove(MethodTarget() + " " + StatusCode, StatusCodeFindings(StatusCode),
                planner => planner.PlanDeleteResponseAsync(RestApiId, ResourceId, ResourcePath, Method, StatusCode, CancellationToken),
                plan => $"{plan.Target} {StatusCode}");

        #endregion
    }
}
