namespace IntegrationTools.Commands
{
    /// <summary>Gets one integration of an HTTP or WebSocket API, or all of them, each with the keys of the routes that target it.</summary>
    [Cmdlet(VerbsCommon.Get, "ApiIntegration", HelpUri = HelpLinks.Page + "Get-ApiIntegration.md")]
    [OutputType(typeof(ApiIntegration))]
    public sealed class GetApiIntegrationCommand : ApiIntegrationCmdlet
    {
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
            var target = IntegrationId == null ? $"api/{ApiId}" : $"api/{ApiId} integration/{IntegrationId}";
            RunForItem(target, Advice, () =>
            {
                var service = new ApiV2Service(Client);
                // The API's protocol (HTTP or WEBSOCKET) goes on every output object.
                var api = ReadApi(service, ApiId);
                var integrations = IntegrationId != null
                    ? new[] { WaitFor(service.GetIntegrationAsync(api, IntegrationId, CancellationToken)) }
                    : Paging.All(token => WaitFor(service.GetIntegrationsPageAsync(api, token, CancellationToken)));
                foreach (var integration in integrations)
                {
                    // The route keys that target each integration, from one GetRoutes listing per API.
                    RouteGuard.FillRouteKeys(integration, Routes(service, ApiId));
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

        private string? Advice(ApiGatewayException ex) =>
            IntegrationId == null || ex.Kind != FailureKind.NotFound
                ? ApiAdvice(ex)
                : $"Check the integration id: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations.";
    }
}
