using System.Management.Automation;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Commands
{
    /// <summary>Gets one integration response of a WebSocket API integration, or all of them.</summary>
    [Cmdlet(VerbsCommon.Get, "ApiIntegrationResponse")]
    [OutputType(typeof(ApiIntegrationResponse))]
    public sealed class GetApiIntegrationResponseCommand : ApiIntegrationCmdlet
    {
        private const string Operation = "GetApiIntegrationResponse";

        #region Parameters

        /// <summary>The id of the WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string IntegrationId { get; set; } = "";

        /// <summary>The id of the integration response; without it every integration response of the integration is listed.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationResponseIdCompleter))]
        public string? IntegrationResponseId { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var apiId = ApiId;
            var integrationId = IntegrationId;
            var responseId = IntegrationResponseId;
            var target = $"api/{apiId} integration/{integrationId}" + (responseId == null ? "" : $" response/{responseId}");
            RunForItem(Operation, target, Advice, () =>
            {
                var service = new HttpApiService(Client);
                var api = ReadApi(service, apiId);
                if (responseId != null)
                {
                    WriteObject(WaitFor(service.GetIntegrationResponseAsync(api, integrationId, responseId, CancellationToken)));
                    return;
                }
                string? token = null;
                do
                {
                    var page = WaitFor(service.GetIntegrationResponsesPageAsync(api, integrationId, token, CancellationToken));
                    WriteObject(page.Items, enumerateCollection: true);
                    token = page.NextToken;
                }
                while (token != null);
            });
        }

        #endregion

        private string? Advice(ApiGatewayException ex) =>
            ex.Kind != FailureKind.NotFound ? null
            : IntegrationResponseId == null
                ? $"Check the API and integration ids: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations."
                : $"Check the integration response id: Get-ApiIntegrationResponse -ApiId {ApiId} -IntegrationId {IntegrationId} lists them.";
    }
}
