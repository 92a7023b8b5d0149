namespace IntegrationTools.Commands
{
    /// <summary>
    /// Base of the cmdlets that change HTTP and WebSocket API (v2) integrations: reads each API (its protocol) once
    /// per session and API id, and confirms the requests of a plan together.
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
                api = WaitFor(service.GetApiAsync(apiId, CancellationToken));
                _apis[key] = api;
                WriteVerbose($"api/{apiId} is {(api.ProtocolType == "WEBSOCKET" ? "a WebSocket" : "an " + api.ProtocolType)} API.");
            }
            return api;
        }

        /// <summary>ShouldProcess with every request a plan sends (the integration's, then its routes'), one per line.</summary>
        private protected bool ShouldSend(string target, IReadOnlyList<WireRequest> requests) =>
            requests.Count == 1 ? ShouldSend(target, requests[0]) : ShouldProcess(target, string.Join(System.Environment.NewLine, requests.Select(r => r.Preview())));
    }

    /// <summary>
    /// Base of the cmdlets that name one integration of an HTTP or WebSocket API (Remove-ApiIntegration and the
    /// integration response cmdlets): -ApiId and -IntegrationId, positions 0 and 1, bound from the pipeline by property name.
    /// </summary>
    public abstract class ApiIntegrationTargetCmdlet : ApiIntegrationCmdlet
    {
        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string IntegrationId { get; set; } = "";

        #endregion

        /// <summary>"api/abc integration/def".</summary>
        protected string IntegrationTarget => $"api/{ApiId} integration/{IntegrationId}";

        /// <summary>The recommended action when the API or the integration is not there.</summary>
        protected string? IntegrationAdvice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the API and integration ids: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations."
                : null;
    }
}
