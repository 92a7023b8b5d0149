using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What one pipeline knows of the integrations and routes of each API it applies definitions to: listed once per API
    /// (GetIntegrations and GetRoutes), then kept up to date with what the pipeline itself creates and changes, so that
    /// matching a definition (<see cref="ApiIntegrationMatcher"/>) costs no request per item. One pipeline uses it, on one
    /// thread.
    /// </summary>
    public sealed class ApiIntegrationInventory
    {
        private readonly Dictionary<string, ApiState> _apis = new Dictionary<string, ApiState>(StringComparer.Ordinal);

        /// <summary>The API's integrations and routes, listed on first use.</summary>
        public async Task<ApiState> LoadAsync(HttpApiService service, ApiInfo api, CancellationToken ct)
        {
            var key = service.ApiKey(api);
            if (_apis.TryGetValue(key, out var state)) return state;
            var integrations = await service.GetIntegrationsAsync(api, ct).ConfigureAwait(false);
            var routes = await service.GetRoutesAsync(api.ApiId, ct).ConfigureAwait(false);
            state = new ApiState(integrations, routes);
            _apis[key] = state;
            return state;
        }

        /// <summary>How many APIs the pipeline has listed.</summary>
        public int ApiCount => _apis.Count;
    }

    /// <summary>The integrations and routes of one API as the pipeline knows them.</summary>
    public sealed class ApiState
    {
        private readonly List<ApiIntegration> _integrations;
        private readonly List<ApiRoute> _routes;

        internal ApiState(List<ApiIntegration> integrations, List<ApiRoute> routes)
        {
            _integrations = integrations;
            _routes = routes;
            foreach (var integration in _integrations) FillRouteKeys(integration);
        }

        public IReadOnlyList<ApiIntegration> Integrations => _integrations;

        public IReadOnlyList<ApiRoute> Routes => _routes;

        public ApiIntegration? Find(string integrationId) => _integrations.FirstOrDefault(i => i.IntegrationId == integrationId);

        /// <summary>An integration as created or changed: it replaces the one of its id.</summary>
        internal void Remember(ApiIntegration integration)
        {
            var index = _integrations.FindIndex(i => i.IntegrationId == integration.IntegrationId);
            if (index >= 0) _integrations[index] = integration;
            else _integrations.Add(integration);
            FillRouteKeys(integration);
        }

        /// <summary>A route as created or changed: it replaces the one of its id; the route keys of the integrations follow.</summary>
        internal void Remember(ApiRoute route)
        {
            var index = _routes.FindIndex(r => r.RouteId == route.RouteId);
            if (index >= 0) _routes[index] = route;
            else _routes.Add(route);
            foreach (var integration in _integrations) FillRouteKeys(integration);
        }

        /// <summary>Sets the integration's <see cref="ApiIntegration.RouteKeys"/> from the routes that target it.</summary>
        internal void FillRouteKeys(ApiIntegration integration) => RouteGuard.FillRouteKeys(integration, _routes);
    }
}
