using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Base of the cmdlets that change HTTP and WebSocket API (v2) integrations: reads each API (its protocol) once
    /// per session and API id, and turns the engine's refusals into ErrorRecords.
    /// </summary>
    public abstract class ApiIntegrationCmdlet : IntegrationToolsCmdlet
    {
        private readonly Dictionary<string, ApiInfo> _apis = new Dictionary<string, ApiInfo>();

        /// <summary>The API (GetApi), read once per region, endpoint and API id for the whole pipeline.</summary>
        private protected ApiInfo ReadApi(ApiV2Service service, string apiId)
        {
            var key = $"{Client.Session.Region}|{Client.Session.Endpoint}|{apiId}";
            if (!_apis.TryGetValue(key, out var api))
            {
                api = Await(service.GetApiAsync(apiId, CancellationToken));
                _apis[key] = api;
                WriteVerbose($"api/{apiId} is {(api.ProtocolType == "WEBSOCKET" ? "a WebSocket" : "an " + api.ProtocolType)} API.");
            }
            return api;
        }

        /// <summary>The session's region: the rules check against it, and it completes ARNs and URIs.</summary>
        protected string SessionRegion => Client.Session.Region;

        /// <summary>
        /// ShouldProcess with the request, unless <paramref name="force"/> (and no -WhatIf) skips the confirmation;
        /// -Force never overrides -WhatIf.
        /// </summary>
        private protected bool Confirmed(string target, WireRequest request, bool force) =>
            force && !WhatIfRequested ? true : ShouldSend(target, request);

        /// <summary>ShouldProcess with every request a plan sends (the integration's, then its routes'), one per line.</summary>
        private protected bool ShouldSend(string target, IReadOnlyList<WireRequest> requests) =>
            requests.Count == 1 ? ShouldSend(target, requests[0]) : ShouldProcess(target, string.Join(System.Environment.NewLine, requests.Select(r => r.Preview())));

        /// <summary>A refusal the engine worked out (not a definition problem): one non-terminating error.</summary>
        protected void WriteRefusal(string errorId, ErrorCategory category, object target, string message, string fix)
        {
            message = Text.DisplayText.Safe(message)!;
            var record = new ErrorRecord(new PSInvalidOperationException(message), errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = fix },
            };
            WriteError(record);
        }
    }
}
