namespace IntegrationTools.Commands
{
    /// <summary>Removes the integration of a REST API method (DeleteIntegration).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Page + "Remove-RestIntegration.md")]
    [OutputType(typeof(RestIntegration))]
    public sealed class RemoveRestIntegrationCommand : RestRemoveCmdlet
    {
        #region Overrides

        // The confirmation names the integration's type and URI: "restapi/abc /pets GET (HTTP_PROXY https://...)".
        protected override void ProcessRecord() =>
            Remove(MethodTarget(), null,
                planner => planner.PlanDeleteAsync(RestApiId, ResourceId, ResourcePath, Method, CancellationToken),
                plan => $"{plan.Target} ({plan.Current?.Type}{(plan.Current?.Uri == null ? "" : " " + plan.Current.Uri)})");

        #endregion
    }
}
