using System.Management.Automation;
using IntegrationTools.Models;

namespace IntegrationTools.Commands
{
    /// <summary>Removes the integration of a REST API method (DeleteIntegration).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RestIntegration))]
    public sealed class RemoveRestIntegrationCommand : RestIntegrationCmdlet
    {
        private const string Operation = "RemoveRestIntegration";

        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string RestApiId { get; set; } = "";

        /// <summary>The id of the resource; wins over -ResourcePath when both are given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourcePath { get; set; }

        /// <summary>The method whose integration to remove.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", IgnoreCase = true)]
        public string HttpMethod { get; set; } = "";

        /// <summary>Writes the integration that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var method = HttpMethod.ToUpperInvariant();
            var target = MethodTarget(RestApiId, ResourceId, ResourcePath, method);
            if (!CheckTarget(Operation, RestApiId, ResourceId, ResourcePath, method, target)) return;
            ShowProgress(target);
            var planner = Planner;
            RunForItem(Operation, target, ex => Advice(ex, RestApiId), () =>
            {
                var plan = WaitFor(planner.PlanDeleteAsync(RestApiId, ResourceId, ResourcePath, method, CancellationToken));
                var what = $"{plan.Target} ({plan.Current?.Type}{(plan.Current?.Uri == null ? "" : " " + plan.Current.Uri)})";
                if (!ShouldSend(what, plan.Call.Request)) return;
                var removed = WaitFor(RestService.SendAsync(plan.Call, CancellationToken));
                if (PassThru) WriteObject(removed);
            });
        }

        #endregion
    }
}
