namespace IntegrationTools.Commands
{
    /// <summary>
    /// Removes an integration of an HTTP or WebSocket API (DeleteIntegration). Refuses, as the service does, while a
    /// route still targets the integration, and names those routes.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class RemoveApiIntegrationCommand : ApiIntegrationTargetCmdlet
    {
        private const string Operation = "RemoveApiIntegration";

        #region Parameters

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the removed integration to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = IntegrationTarget;
            ShowProgress(target);
            RunForItem(Operation, target, IntegrationAdvice, () =>
            {
                var service = new ApiV2Service(Client);
                var api = ReadApi(service, ApiId);
                var removal = WaitFor(new ApiIntegrationPlanner(service).PlanRemoveAsync(api, IntegrationId, CancellationToken));
                if (removal.Refusal != null)
                {
                    if (removal.RoutesTargeting.Count > 0)
                        WriteRefusal(Operation + "InUse", ErrorCategory.ResourceBusy, target, removal.Refusal, removal.Fix);
                    else
                        WriteRefusal(Operation + "Managed", ErrorCategory.InvalidOperation, target, removal.Refusal, removal.Fix);
                    return;
                }
                if (!ShouldSend(target, removal.Request, force: Force)) return;
                WaitFor(service.SendAsync(removal.Request, CancellationToken));
                if (PassThru) WriteObject(removal.Integration);
            });
        }

        #endregion
    }
}
