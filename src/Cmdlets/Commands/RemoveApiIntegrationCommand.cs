using System.Management.Automation;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Removes an integration of an HTTP or WebSocket API (DeleteIntegration). Refuses, as the service does, while a
    /// route still targets the integration, and names those routes.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ApiIntegration))]
    public sealed class RemoveApiIntegrationCommand : ApiIntegrationCmdlet
    {
        private const string Operation = "RemoveApiIntegration";

        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration to remove.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string IntegrationId { get; set; } = "";

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
            var apiId = ApiId;
            var integrationId = IntegrationId;
            var target = $"api/{apiId} integration/{integrationId}";
            ShowProgress(target);
            RunForItem(Operation, target, Advice, () =>
            {
                var service = new HttpApiService(Client);
                var api = ReadApi(service, apiId);
                var removal = WaitFor(new ApiIntegrationPlanner(service).PlanRemoveAsync(api, integrationId, CancellationToken));
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

        private string? Advice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the API and integration ids: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations."
                : null;
    }
}
