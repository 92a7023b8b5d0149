namespace IntegrationTools.Commands
{
    /// <summary>
    /// Removes an integration of an HTTP or WebSocket API (DeleteIntegration). Refuses, as the service does, while a
    /// route still targets the integration, and names those routes.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class RemoveApiIntegrationCommand : ApiRemoveCmdlet
    {
        #region Overrides

        protected override void ProcessRecord() => Remove(IntegrationTarget, IntegrationAdvice, Plan);

        #endregion

        private (WireRequest Request, object Removed)? Plan(ApiV2Service service, ApiInfo api)
        {
            var removal = WaitFor(new ApiIntegrationPlanner(service).PlanRemoveAsync(api, IntegrationId, CancellationToken));
            if (removal.Refusal == null) return (removal.Request, removal.Integration);
            if (removal.RoutesTargeting.Count > 0)
                WriteRefusal("InUse", ErrorCategory.ResourceBusy, IntegrationTarget, removal.Refusal, removal.Fix);
            else
                WriteRefusal("Managed", ErrorCategory.InvalidOperation, IntegrationTarget, removal.Refusal, removal.Fix);
            return null;
        }
    }
}
