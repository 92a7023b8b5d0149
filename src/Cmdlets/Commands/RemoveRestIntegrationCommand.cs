namespace IntegrationTools.Commands
{
    /// <summary>Removes the integration of a REST API method (DeleteIntegration).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-RestIntegration.md")]
    [OutputType(typeof(RestIntegration))]
    public sealed class RemoveRestIntegrationCommand : RestMethodTargetCmdlet
    {
        private const string Operation = "RemoveRestIntegration";

        #region Parameters

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the integration that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = MethodTarget();
            if (!CheckTarget(Operation, target)) return;
            ShowProgress(target);
            var planner = Planner;
            RunForItem(Operation, target, Advice, () =>
            {
                var plan = WaitFor(planner.PlanDeleteAsync(RestApiId, ResourceId, ResourcePath, Method, CancellationToken));
                var what = $"{plan.Target} ({plan.Current?.Type}{(plan.Current?.Uri == null ? "" : " " + plan.Current.Uri)})";
                if (!ShouldSend(what, plan.Call.Request, force: Force)) return;
                var removed = WaitFor(RestService.SendAsync(plan.Call, CancellationToken));
                if (PassThru) WriteObject(removed);
            });
        }

        #endregion
    }
}
