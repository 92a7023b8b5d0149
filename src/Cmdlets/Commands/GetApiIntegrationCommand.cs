namespace IntegrationTools.Commands
{
    /// <summary>Gets one integration of an HTTP or WebSocket API, or all of them, each with the keys of the routes that target it.</summary>
    [Cmdlet(VerbsCommon.Get, "ApiIntegration", HelpUri = HelpLinks.Page + "Get-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class GetApiIntegrationCommand : IntegrationToolsCmdlet
    {
        private const string Operation = "GetApiIntegration";
        private readonly Dictionary<string, ApiInfo> _apis = new Dictionary<string, ApiInfo>();
        private readonly Dictionary<string, List<ApiRoute>> _routes = new Dictionary<string, List<ApiRoute>>();

        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration; without it every integration of the API is listed.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        public string? IntegrationId { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var apiId = ApiId;
            var integrationId = IntegrationId;
            var target = integrationId == null ? $"api/{apiId}" : $"api/{apiId} integration/{integrationId}";
            RunForItem(Operation, target, Advice, () =>
            {
                var service = new ApiV2Service(Client);
                // The API's protocol (HTTP or WEBSOCKET) goes on every output object; read it once per API.
                if (!_apis.TryGetValue(apiId, out var api))
                {
                    api = WaitFor(service.GetApiAsync(apiId, CancellationToken));
                    _apis[apiId] = api;
                }
                if (integrationId != null)
                {
                    var integration = WaitFor(service.GetIntegrationAsync(api, integrationId, CancellationToken));
                    RouteGuard.FillRouteKeys(integration, Routes(service, apiId));
                    WriteObject(integration);
                    return;
                }
                foreach (var integration in Paging.All(token => WaitFor(service.GetIntegrationsPageAsync(api, token, CancellationToken))))
                {
                    // The route keys that target each integration, from one GetRoutes listing per API.
                    RouteGuard.FillRouteKeys(integration, Routes(service, apiId));
                    WriteObject(integration);
                }
            });
        }

        #endregion

        private List<ApiRoute> Routes(ApiV2Service service, string apiId)
        {
            if (!_routes.TryGetValue(apiId, out var routes))
            {
                routes = WaitFor(service.GetRoutesAsync(apiId, CancellationToken));
                _routes[apiId] = routes;
            }
            return routes;
        }

        private string? Advice(ApiGatewayException ex)
        {
            if (ex.Kind != FailureKind.NotFound) return null;
            return IntegrationId == null
                ? "Check the API id; 'aws apigatewayv2 get-apis' lists the HTTP and WebSocket APIs of the region."
                : $"Check the integration id: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations.";
        }
    }
}
