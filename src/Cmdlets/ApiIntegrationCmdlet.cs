namespace IntegrationTools.Commands
{
    /// <summary>
    /// Base of the HTTP and WebSocket API (v2) cmdlets: reads each API (its protocol) once per session and API id, keeps
    /// what the pipeline's creates and changes are planned against, and confirms the requests of a plan together.
    /// </summary>
    public abstract class ApiIntegrationCmdlet : IntegrationToolsCmdlet
    {
        private readonly Dictionary<string, ApiInfo> _apis = new Dictionary<string, ApiInfo>();
        private IntegrationLedger? _ledger;
        private ApiIntegrationInventory? _inventory;

        /// <summary>The integration ids each API had before this pipeline's first create, plus those it created.</summary>
        private protected IntegrationLedger Ledger => _ledger ??= new IntegrationLedger();

        /// <summary>The integrations and routes of each API, listed once per pipeline: what a definition is matched against.</summary>
        private protected ApiIntegrationInventory Inventory => _inventory ??= new ApiIntegrationInventory();

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

        /// <summary>
        /// True when the current input's definition names its API (<paramref name="apiId"/>, its ApiId or -ApiId). Else the
        /// input's one error, and nothing is sent: its definition's errors when it has any, otherwise {Operation}NoApiId.
        /// </summary>
        protected bool NamesApi(string? apiId, IReadOnlyCollection<Finding> findings)
        {
            if (!string.IsNullOrEmpty(apiId)) return true;
            if (CheckBeforeSending(findings, InputName))
                WriteRefusal("NoApiId", ErrorCategory.InvalidArgument, InputName,
                    $"Definition {InputNumber} names no API: it has no ApiId and -ApiId was not given.", "Add ApiId to the definition, or give -ApiId.");
            return false;
        }

        /// <summary>The recommended action when the API is not there.</summary>
        protected static string? ApiAdvice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? "Check the API id; 'aws apigatewayv2 get-apis' lists the HTTP and WebSocket APIs of the region."
                : null;

        /// <summary>The recommended action when the API or the integration is not there.</summary>
        protected static string? IntegrationAdvice(ApiGatewayException ex, string apiId) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the API and integration ids: Get-ApiIntegration -ApiId {apiId} lists the API's integrations."
                : null;
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
        protected string? IntegrationAdvice(ApiGatewayException ex) => IntegrationAdvice(ex, ApiId);
    }

    /// <summary>
    /// Base of Remove-ApiIntegration and Remove-ApiIntegrationResponse: -Force and -PassThru beside the integration, and
    /// the steps of a removal.
    /// </summary>
    public abstract class ApiRemoveCmdlet : ApiIntegrationTargetCmdlet
    {
        #region Parameters

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes what was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        /// <summary>
        /// Removes <paramref name="target"/>: reads the API, plans the delete with <paramref name="plan"/> (which reads what is
        /// removed, and returns null after the item's error when it must not be sent), confirms the exact request, sends it, and
        /// under -PassThru writes what was removed.
        /// </summary>
        private protected void Remove(string target, Func<ApiGatewayException, string?> advice,
            Func<ApiV2Service, ApiInfo, (WireRequest Request, object Removed)?> plan)
        {
            ShowProgress(target);
            RunForItem(target, advice, () =>
            {
                var service = new ApiV2Service(Client);
                var removal = plan(service, ReadApi(service, ApiId));
                if (removal == null || !ShouldSend(target, removal.Value.Request, force: Force)) return;
                WaitFor(service.SendAsync(removal.Value.Request, CancellationToken));
                if (PassThru) WriteObject(removal.Value.Removed);
            });
        }
    }
}
