using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Which existing integration of an API a definition without an IntegrationId means. HTTP and WebSocket integrations
    /// have no name, so they are identified the way users think of them: by the routes that send requests to them when
    /// the definition names route keys (the integrations those routes target; a route that does not exist yet or targets
    /// nothing identifies nothing), otherwise by their backend (type, URI, method, VPC link, subtype; each compared as the
    /// comparison of applying does, the service's defaults filled in, and only when the definition gives it).
    /// </summary>
    internal static class ApiIntegrationMatcher
    {
        /// <summary>The members that make up an integration's backend.</summary>
        public static readonly IReadOnlyList<string> BackendFields = new[]
        {
            nameof(ApiIntegrationDefinition.IntegrationType), nameof(ApiIntegrationDefinition.IntegrationUri),
            nameof(ApiIntegrationDefinition.IntegrationMethod), nameof(ApiIntegrationDefinition.ConnectionId),
            nameof(ApiIntegrationDefinition.IntegrationSubtype),
        };

        /// <summary>The integrations of <paramref name="integrations"/> that <paramref name="definition"/> describes (none, one, or several: ambiguous).</summary>
        public static ApiIntegrationMatch Find(ApiIntegrationDefinition definition, IEnumerable<ApiIntegration> integrations, IEnumerable<ApiRoute> routes)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            var all = integrations.ToList();
            var keys = RouteKeysOf(definition);
            if (keys.Count > 0)
            {
                var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
                var targets = new HashSet<string>(routes
                    .Where(r => r.RouteKey != null && wanted.Contains(r.RouteKey) && r.Target != null)
                    .Select(r => r.Target!), StringComparer.Ordinal);
                var byRoute = all.Where(i => targets.Contains(RouteGuard.TargetOf(i.IntegrationId))).ToList();
                return new ApiIntegrationMatch(byRoute, $"the route key{(keys.Count == 1 ? "" : "s")} {string.Join(", ", keys.Select(k => "'" + k + "'"))}");
            }
            var backend = Backend(definition);
            if (backend.IntegrationType == null && backend.IntegrationUri == null)
                return new ApiIntegrationMatch(new List<ApiIntegration>(), "its backend (it names no type and no URI)");
            var byBackend = all.Where(i => ApiIntegrationComparison.Differences(backend, i).Count == 0).ToList();
            return new ApiIntegrationMatch(byBackend, "its backend (" + DescribeBackend(backend) + ")");
        }

        /// <summary>The definition's route keys, trimmed, blanks and repeats left out, in the order given.</summary>
        public static List<string> RouteKeysOf(ApiIntegrationDefinition definition) =>
            (definition.RouteKeys ?? new List<string>())
                .Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>
        /// The route changes that point <paramref name="keys"/> at the integration <paramref name="integrationId"/> (null: one
        /// about to be created): a CreateRoute for a key no route has, an UpdateRoute for a route that targets anything else,
        /// nothing for a route that already targets it.
        /// </summary>
        public static List<ApiRouteChange> RouteChanges(IEnumerable<string> keys, IEnumerable<ApiRoute> routes, string? integrationId)
        {
            var byKey = new Dictionary<string, ApiRoute>(StringComparer.Ordinal);
            foreach (var route in routes)
                if (route.RouteKey != null && !byKey.ContainsKey(route.RouteKey)) byKey[route.RouteKey] = route;
            var changes = new List<ApiRouteChange>();
            foreach (var key in keys)
            {
                byKey.TryGetValue(key, out var route);
                if (route != null && integrationId != null && string.Equals(route.Target, RouteGuard.TargetOf(integrationId), StringComparison.Ordinal)) continue;
                changes.Add(new ApiRouteChange(key, route));
            }
            return changes;
        }

        private static ApiIntegrationDefinition Backend(ApiIntegrationDefinition definition)
        {
            var backend = new ApiIntegrationDefinition();
            foreach (var name in BackendFields)
            {
                var field = ApiIntegrationDefinition.Schema[name];
                FieldValues.Set(backend, field, FieldValues.NullIfEmpty(FieldValues.Get(definition, field)));
            }
            return backend;
        }

        private static string DescribeBackend(ApiIntegrationDefinition backend) =>
            string.Join(", ", BackendFields
                .Select(name => (name, value: FieldValues.Get(backend, ApiIntegrationDefinition.Schema[name]) as string))
                .Where(p => p.value != null)
                .Select(p => $"{p.name} {p.value}"));
    }

    /// <summary>What <see cref="ApiIntegrationMatcher.Find"/> found, and by what.</summary>
    internal sealed class ApiIntegrationMatch
    {
        public ApiIntegrationMatch(IReadOnlyList<ApiIntegration> candidates, string by)
        {
            Candidates = candidates;
            By = by;
        }

        /// <summary>The integrations the definition describes; more than one is ambiguous.</summary>
        public IReadOnlyList<ApiIntegration> Candidates { get; }

        /// <summary>"the route key 'GET /orders'", "its backend (IntegrationType HTTP_PROXY, IntegrationUri https://…)": for messages.</summary>
        public string By { get; }

        /// <summary>The one integration matched, or null (none, or several).</summary>
        public ApiIntegration? Single => Candidates.Count == 1 ? Candidates[0] : null;

        public bool Ambiguous => Candidates.Count > 1;

        /// <summary>"int1, int2": the candidates' ids.</summary>
        public string Ids => string.Join(", ", Candidates.Select(c => c.IntegrationId));
    }

    /// <summary>A route to point at an integration: created (<see cref="Route"/> null) or re-targeted.</summary>
    internal sealed class ApiRouteChange
    {
        public ApiRouteChange(string routeKey, ApiRoute? route)
        {
            RouteKey = routeKey;
            Route = route;
        }

        public string RouteKey { get; }

        /// <summary>The existing route with the key, or null when it is to be created.</summary>
        public ApiRoute? Route { get; }

        public override string ToString() => Route == null ? $"route '{RouteKey}' created" : $"route '{RouteKey}' re-targeted from {Route.Target ?? "nothing"}";
    }
}
