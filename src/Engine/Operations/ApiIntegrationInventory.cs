using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What one pipeline knows of the integrations and routes of each API it applies definitions to: listed once per API
    /// (GetIntegrations and GetRoutes), then kept up to date with what the pipeline itself creates and changes, so that
    /// matching a definition (<see cref="ApiIntegrationMatcher"/>) and reading the integration it means cost no request per
    /// item. The pipeline lists and plans on its own thread; the writes it has in flight update it from others, so every
    /// read and change is under a lock.
    /// </summary>
    internal sealed class ApiIntegrationInventory
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, ApiState> _apis = new Dictionary<string, ApiState>(StringComparer.Ordinal);

        /// <summary>The API's integrations and routes, listed on first use.</summary>
        public async Task<ApiState> LoadAsync(ApiV2Service service, ApiInfo api, CancellationToken ct)
        {
            var key = service.ApiKey(api);
            lock (_gate)
            {
                if (_apis.TryGetValue(key, out var known)) return known;
            }
            var integrations = await service.GetIntegrationsAsync(api, ct).ConfigureAwait(false);
            var routes = await service.GetRoutesAsync(api.ApiId, ct).ConfigureAwait(false);
            lock (_gate)
            {
                if (!_apis.TryGetValue(key, out var state)) _apis[key] = state = new ApiState(integrations, routes);
                return state;
            }
        }

        /// <summary>How many APIs the pipeline has listed.</summary>
        public int ApiCount
        {
            get
            {
                lock (_gate) return _apis.Count;
            }
        }
    }

    /// <summary>The integrations and routes of one API as the pipeline knows them (copies are handed out).</summary>
    internal sealed class ApiState
    {
        private readonly object _gate = new object();
        private readonly List<ApiIntegration> _integrations;
        private readonly List<ApiRoute> _routes;

        internal ApiState(List<ApiIntegration> integrations, List<ApiRoute> routes)
        {
            _integrations = integrations;
            _routes = routes;
            ListedIds = integrations.Select(i => i.IntegrationId).ToList();
            foreach (var integration in _integrations) FillRouteKeys(integration);
        }

        /// <summary>The ids of the integrations the API had when it was listed (before any change of the pipeline).</summary>
        public IReadOnlyList<string> ListedIds { get; }

        public IReadOnlyList<ApiIntegration> Integrations
        {
            get
            {
                lock (_gate) return _integrations.Select(i => i.Copy()).ToList();
            }
        }

        public IReadOnlyList<ApiRoute> Routes
        {
            get
            {
                lock (_gate) return _routes.ToList();
            }
        }

        /// <summary>The integration of the id as the pipeline knows it, or null.</summary>
        public ApiIntegration? Find(string integrationId)
        {
            lock (_gate) return _integrations.FirstOrDefault(i => i.IntegrationId == integrationId)?.Copy();
        }

        /// <summary>An integration as created or changed: it replaces the one of its id.</summary>
        internal void Remember(ApiIntegration integration)
        {
            var copy = integration.Copy();
            lock (_gate)
            {
                var index = _integrations.FindIndex(i => i.IntegrationId == copy.IntegrationId);
                if (index >= 0) _integrations[index] = copy;
                else _integrations.Add(copy);
                FillRouteKeys(copy);
            }
        }

        /// <summary>A route as created or changed: it replaces the one of its id; the route keys of the integrations follow.</summary>
        internal void Remember(ApiRoute route)
        {
            lock (_gate)
            {
                var index = _routes.FindIndex(r => r.RouteId == route.RouteId);
                if (index >= 0) _routes[index] = route;
                else _routes.Add(route);
                foreach (var integration in _integrations) FillRouteKeys(integration);
            }
        }

        /// <summary>Sets the integration's <see cref="ApiIntegration.RouteKeys"/> from the routes that target it.</summary>
        internal void FillRouteKeys(ApiIntegration integration)
        {
            lock (_gate) RouteGuard.FillRouteKeys(integration, _routes);
        }
    }
}
