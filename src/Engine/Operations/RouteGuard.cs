using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Why an integration cannot be deleted, as the service would say it: a route still targets it
    /// ("integrations/{id}"), or API Gateway manages it (quick create). moto deletes such integrations anyway, so
    /// Remove-ApiIntegration asks this before it sends DeleteIntegration.
    /// </summary>
    internal static class RouteGuard
    {
        /// <summary>The target a route has when it sends its requests to the integration.</summary>
        public static string TargetOf(string integrationId) => "integrations/" + integrationId;

        /// <summary>The routes whose target is the integration, in route key order.</summary>
        public static IReadOnlyList<ApiRoute> RoutesTargeting(IEnumerable<ApiRoute> routes, string integrationId)
        {
            var target = TargetOf(integrationId);
            return routes
                .Where(r => string.Equals(r.Target, target, StringComparison.Ordinal))
                .OrderBy(r => r.RouteKey, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Sets <see cref="ApiIntegration.RouteKeys"/> to the keys of the routes of <paramref name="routes"/> that target the integration.</summary>
        public static void FillRouteKeys(ApiIntegration integration, IEnumerable<ApiRoute> routes)
        {
            integration.RouteKeys = new TextList(RoutesTargeting(routes, integration.IntegrationId).Select(r => r.RouteKey ?? "").Where(k => k.Length > 0));
        }

        /// <summary>
        /// The reason the integration must not be deleted, or null when it may be; <paramref name="fix"/> says what to
        /// do about it.
        /// </summary>
        public static string? Refusal(ApiIntegration integration, IReadOnlyList<ApiRoute> routesTargeting, out string fix)
        {
            var where = $"api/{integration.ApiId} integration/{integration.IntegrationId}";
            if (routesTargeting.Count > 0)
            {
                var names = string.Join(", ", routesTargeting.Take(10).Select(r => r.ToString()));
                var more = routesTargeting.Count > 10 ? $" and {routesTargeting.Count - 10} more" : "";
                fix = $"Point the route{(routesTargeting.Count == 1 ? "" : "s")} at another integration ('aws apigatewayv2 update-route --api-id {integration.ApiId} --route-id ID --target integrations/OTHER') or delete {(routesTargeting.Count == 1 ? "it" : "them")} first, then remove the integration.";
                return $"{where} cannot be removed: {routesTargeting.Count} route{(routesTargeting.Count == 1 ? "" : "s")} still target{(routesTargeting.Count == 1 ? "s" : "")} it: {names}{more}.";
            }
            if (integration.ApiGatewayManaged)
            {
                fix = "API Gateway made this integration when the API was quick-created, and deletes it with the API; change it with Set-ApiIntegration instead.";
                return $"{where} is managed by API Gateway (ApiGatewayManaged) and cannot be removed.";
            }
            fix = "";
            return null;
        }
    }
}
