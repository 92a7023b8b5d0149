using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Applying whole HTTP/WebSocket integration definitions: which integration a definition means (its IntegrationId,
    /// else <see cref="ApiIntegrationMatcher"/>), whether it is to be created, updated or left alone, and the routes to point
    /// at it. Set-ApiIntegration converges with <see cref="PlanApplyAsync"/>; New-ApiIntegration creates with
    /// <see cref="PlanNewAsync"/>, which also tells the integrations the definition already describes.
    /// </summary>
    internal sealed partial class ApiIntegrationPlanner
    {
        /// <summary>
        /// A definition applied: with an IntegrationId, that integration (NotFound when it is not there); else the one the
        /// definition matches. One: Unchanged, or Updated with only the differing members sent. None: Created. Several: the
        /// plan's <see cref="ApiIntegrationPlan.Match"/> is <see cref="ApiIntegrationMatch.Ambiguous"/> and nothing may be sent.
        /// Route keys the definition names that do not target the integration yet become <see cref="ApiIntegrationPlan.RouteChanges"/>
        /// (and make an otherwise Unchanged plan Updated). Reading problems (<paramref name="readFindings"/>) stop the plan before
        /// any request.
        /// </summary>
        public async Task<ApiIntegrationPlan> PlanApplyAsync(ApiInfo api, string? region, ApiIntegrationDefinition definition,
            ApiIntegrationInventory inventory, IEnumerable<Finding>? readFindings, CancellationToken ct)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            if (inventory == null) throw new ArgumentNullException(nameof(inventory));
            definition.ApiId = api.ApiId;
            var findings = new List<Finding>(readFindings ?? Enumerable.Empty<Finding>());
            if (findings.Any(f => f.Severity == Severity.Error))
                return new ApiIntegrationPlan(definition, findings, ApiV2Service.CreateIntegrationRequest(api.ApiId, definition), null);
            var state = await inventory.LoadAsync(_service, api, ct).ConfigureAwait(false);
            ApiIntegrationMatch? match = null;
            ApiIntegration? current = null;
            if (!string.IsNullOrWhiteSpace(definition.IntegrationId))
            {
                // The listing has every integration of the API as it was, changed as the pipeline changed it; one that is
                // not there (made since by someone else, or unknown: NotFound) is read.
                var id = definition.IntegrationId!.Trim();
                current = state.Find(id) ?? await _service.GetIntegrationAsync(api, id, ct).ConfigureAwait(false);
                await ResolveFunctionAsync(definition, api, current, ct).ConfigureAwait(false);
            }
            else
            {
                await ResolveFunctionAsync(definition, api, null, ct).ConfigureAwait(false);
                match = ApiIntegrationMatcher.Find(definition, state.Integrations, state.Routes);
                if (match.Ambiguous)
                    return new ApiIntegrationPlan(definition, findings, ApiV2Service.CreateIntegrationRequest(api.ApiId, definition), null) { Match = match, Outcome = null, SendsIntegration = false };
                current = match.Single;
            }
            var plan = current == null
                ? await PlanCreateAsync(api, region, definition, null, findings, ct).ConfigureAwait(false)
                : await PlanUpdateAsync(api, region, current, definition, findings, ct).ConfigureAwait(false);
            plan.Match = match;
            if (current != null) state.FillRouteKeys(current);
            AddRouteChanges(plan, definition, state, current?.IntegrationId);
            return plan;
        }

        /// <summary>
        /// New-ApiIntegration: the create plan of <see cref="PlanCreateAsync"/>, with the integrations the definition already
        /// describes (<see cref="ApiIntegrationPlan.Match"/>, by the same rules as <see cref="PlanApplyAsync"/>) and the routes
        /// to point at the new integration. The caller refuses the create when the match has candidates, unless forced.
        /// </summary>
        public async Task<ApiIntegrationPlan> PlanNewAsync(ApiInfo api, string? region, ApiIntegrationDefinition definition, ApiIntegrationKind? kind,
            ApiIntegrationInventory inventory, IEnumerable<Finding>? readFindings, CancellationToken ct)
        {
            if (inventory == null) throw new ArgumentNullException(nameof(inventory));
            var plan = await PlanCreateAsync(api, region, definition, kind, readFindings, ct).ConfigureAwait(false);
            if (!plan.MaySend) return plan;
            var state = await inventory.LoadAsync(_service, api, ct).ConfigureAwait(false);
            plan.Match = ApiIntegrationMatcher.Find(plan.Definition, state.Integrations, state.Routes);
            AddRouteChanges(plan, definition, state, null);
            return plan;
        }

        /// <summary>
        /// Carries out a plan of <see cref="PlanApplyAsync"/> or <see cref="PlanNewAsync"/>: creates the integration (never
        /// twice for one definition, see <see cref="ApiV2Service.CreateIntegrationAsync(ApiInfo, ApiIntegrationPlan, IntegrationLedger, CancellationToken)"/>),
        /// or updates it when it differs, then creates or re-targets its routes. The result carries the plan's Outcome and the
        /// route keys that target it.
        /// </summary>
        public async Task<ApiIntegration> ApplyAsync(ApiInfo api, ApiIntegrationPlan plan, ApiIntegrationInventory inventory, IntegrationLedger ledger, CancellationToken ct)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (plan.Match?.Ambiguous == true) throw new InvalidOperationException("An ambiguous definition is not applied.");
            if (ledger == null) throw new ArgumentNullException(nameof(ledger));
            var state = await inventory.LoadAsync(_service, api, ct).ConfigureAwait(false);
            // What the API had before the pipeline changed anything is the ledger's start: no second listing.
            ledger.Seed(_service.ApiKey(api), state.ListedIds);
            ApiIntegration result;
            if (plan.Current == null) result = await _service.CreateIntegrationAsync(api, plan, ledger, ct).ConfigureAwait(false);
            else if (plan.SendsIntegration) result = await _service.SendIntegrationAsync(api, plan.Request, ct).ConfigureAwait(false);
            else result = plan.Current.Copy();
            foreach (var change in plan.RouteChanges)
                state.Remember(await _service.SendRouteAsync(api.ApiId, ApiV2Service.RouteRequest(api.ApiId, change, result.IntegrationId), ct).ConfigureAwait(false));
            state.Remember(result);
            state.FillRouteKeys(result);
            result.Outcome = plan.Outcome;
            return result;
        }

        private static void AddRouteChanges(ApiIntegrationPlan plan, ApiIntegrationDefinition definition, ApiState state, string? integrationId)
        {
            plan.RouteChanges = ApiIntegrationMatcher.RouteChanges(ApiIntegrationMatcher.RouteKeysOf(definition), state.Routes, integrationId);
            if (plan.RouteChanges.Count == 0 || plan.Outcome != ApplyOutcome.Unchanged && plan.Outcome != ApplyOutcome.Updated) return;
            plan.Outcome = ApplyOutcome.Updated;
            plan.Differences = plan.Differences.Concat(new[] { nameof(ApiIntegrationDefinition.RouteKeys) }).ToList();
        }

        /// <summary>
        /// A Lambda function given by name or partial ARN in IntegrationUri becomes its ARN (or invocation URI), judged by the
        /// definition's type and subtype, or those of the integration it changes.
        /// </summary>
        private async Task ResolveFunctionAsync(ApiIntegrationDefinition definition, ApiInfo api, ApiIntegration? current, CancellationToken ct)
        {
            if (_functions == null || string.IsNullOrWhiteSpace(definition.IntegrationUri)) return;
            var probe = new ApiIntegrationDefinition
            {
                IntegrationType = definition.IntegrationType ?? current?.IntegrationType,
                IntegrationSubtype = definition.IntegrationSubtype ?? current?.IntegrationSubtype,
                IntegrationUri = definition.IntegrationUri,
            };
            definition.IntegrationUri = (await _functions.ResolveAsync(probe, api.ProtocolType, ct).ConfigureAwait(false)).IntegrationUri;
        }
    }
}
