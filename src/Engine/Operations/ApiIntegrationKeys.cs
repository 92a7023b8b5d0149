using IntegrationTools.Definitions;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Which HTTP/WebSocket items of a pipeline must not be in flight together (the keys of an <see cref="InFlightQueue{T}"/>):
    /// an item holds keys while its writes are in flight, and a later item waits for every in-flight item holding one of
    /// the keys it waits on, then is planned again. Two items conflict when they target the same integration (its id), name
    /// the same route key, or could describe the same integration by its backend: the same URI (trimmed, any case), or one
    /// names no URI and both have the same type. So an item is planned only after every write its match or its plan depends
    /// on, and two creates one integration could match are never in flight together: the recovery of an ambiguous create
    /// (<see cref="ApiV2Service.CreateIntegrationAsync(Models.ApiInfo, ApiIntegrationPlan, IntegrationLedger, System.Threading.CancellationToken)"/>)
    /// can never take another create's integration for its own.
    /// </summary>
    internal static class ApiIntegrationKeys
    {
        /// <summary>The keys the item of <paramref name="plan"/> (for <paramref name="definition"/>, as given) holds while in flight.</summary>
        public static List<string> Holds(string apiKey, ApiIntegrationDefinition definition, ApiIntegrationPlan plan) => Keys(apiKey, definition, plan, holds: true);

        /// <summary>The keys the item must find free before it is planned for good.</summary>
        public static List<string> Waits(string apiKey, ApiIntegrationDefinition definition, ApiIntegrationPlan plan) => Keys(apiKey, definition, plan, holds: false);

        private static List<string> Keys(string apiKey, ApiIntegrationDefinition definition, ApiIntegrationPlan plan, bool holds)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            var keys = new List<string>();
            void Add(string kind, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value)) keys.Add(apiKey + "|" + kind + ":" + value!.Trim());
            }
            Add("id", definition.IntegrationId);
            Add("id", plan.Current?.IntegrationId);
            foreach (var candidate in plan.Match?.Candidates ?? Array.Empty<Models.ApiIntegration>()) Add("id", candidate.IntegrationId);
            foreach (var routeKey in ApiIntegrationMatcher.RouteKeysOf(definition)) Add("route", routeKey);
            var uri = plan.Definition.IntegrationUri ?? definition.IntegrationUri;
            var type = (plan.Definition.IntegrationType ?? definition.IntegrationType ?? plan.Current?.IntegrationType)?.Trim().ToUpperInvariant();
            if (!string.IsNullOrWhiteSpace(uri))
            {
                Add("uri", uri!.Trim().ToLowerInvariant());
                // An item that names no URI may match any integration of its type: it waits for every item of the type.
                Add(holds ? "type" : "typeonly", type);
            }
            else
            {
                Add(holds ? "typeonly" : "type", type);
                if (holds) Add("type", type);
            }
            if (holds && plan.Current != null)
            {
                // What the integration was before the change: an item matching it by its old backend waits too.
                Add("uri", plan.Current.IntegrationUri?.Trim().ToLowerInvariant());
                Add("type", plan.Current.IntegrationType?.Trim().ToUpperInvariant());
            }
            return keys.Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
