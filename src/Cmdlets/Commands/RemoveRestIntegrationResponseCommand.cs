using System.Management.Automation;
using IntegrationTools.Models;

namespace IntegrationTools.Commands
{
    /// <summary>Removes an integration response of a REST API method's integration (DeleteIntegrationResponse).</summary>
    [Cmdlet(VerbsCommon.Remove, "RestIntegrationResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RestIntegrationResponse))]
    public sealed class RemoveRestIntegrationResponseCommand : RestIntegrationCmdlet
    {
        private const string Operation = "RemoveRestIntegrationResponse";

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

        /// <summary>The method whose integration response to remove.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", IgnoreCase = true)]
        public string HttpMethod { get; set; } = "";

        /// <summary>The status code of the integration response.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestStatusCodeCompleter))]
        public string StatusCode { get; set; } = "";

        /// <summary>Writes the integration response that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var method = HttpMethod.ToUpperInvariant();
            var target = MethodTarget(RestApiId, ResourceId, ResourcePath, method) + " " + StatusCode;
            var statusCode = new Rules.RestResponseStatusCodeRule().Check(new Definitions.RestIntegrationResponseDefinition { StatusCode = StatusCode }, Rules.RuleContext.Offline);
            if (!CheckTarget(Operation, RestApiId, ResourceId, ResourcePath, method, target, statusCode)) return;
            var planner = Planner;
            ShowProgress(target);
            RunForItem(Operation, target, ex => Advice(ex, RestApiId), () =>
            {
                var plan = WaitFor(planner.PlanDeleteResponseAsync(RestApiId, ResourceId, ResourcePath, method, StatusCode, CancellationToken));
                if (!ShouldSend($"{plan.Target} {StatusCode}", plan.Call.Request)) return;
                var removed = WaitFor(RestService.SendAsync(plan.Call, CancellationToken));
                if (PassThru) WriteObject(removed);
            });
        }

        #endregion
    }
}
