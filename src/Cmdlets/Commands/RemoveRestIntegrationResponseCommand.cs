namespace IntegrationTools.Commands
{
    /// <summary>Removes an integration response of a REST API method's integration (DeleteIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-RestIntegrationResponse.md")]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class RemoveRestIntegrationResponseCommand : RestMethodTargetCmdlet
    {
        private const string Operation = "RemoveRestIntegrationResponse";

        #region Parameters

        /// <summary>The status code of the integration response.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string StatusCode { get; set; } = "";

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the integration response that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = MethodTarget() + " " + StatusCode;
            if (!CheckTarget(Operation, target, StatusCodeFindings(StatusCode))) return;
            var planner = Planner;
            ShowProgress(target);
            RunForItem(Operation, target, Advice, () =>
            {
                var plan = WaitFor(planner.PlanDeleteResponseAsync(RestApiId, ResourceId, ResourcePath, Method, StatusCode, CancellationToken));
                if (!ShouldSend($"{plan.Target} {StatusCode}", plan.Call.Request, force: Force)) return;
                var removed = WaitFor(RestService.SendAsync(plan.Call, CancellationToken));
                if (PassThru) WriteObject(removed);
            });
        }

        #endregion
    }
}
