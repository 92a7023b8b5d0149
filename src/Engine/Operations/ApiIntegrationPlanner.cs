using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What the changing HTTP/WebSocket API cmdlets do before they send anything: check the definition against the
    /// rule catalog in the API's context (protocol, region), read what the check needs from the service (the current
    /// integration for an update, the VPC link of a private integration, the routes before a delete), and build the
    /// exact request. The cmdlets only turn the findings into errors, ask ShouldProcess with the request, and send it.
    /// </summary>
    internal sealed partial class ApiIntegrationPlanner
    {
        private readonly ApiV2Service _service;
        private readonly LambdaFunctionResolver? _functions;

        /// <summary>A planner; with <paramref name="functions"/>, Lambda functions given by name in IntegrationUri are resolved to ARNs.</summary>
        public ApiIntegrationPlanner(ApiV2Service service, LambdaFunctionResolver? functions = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _functions = functions;
        }

        /// <summary>
        /// CreateIntegration of <paramref name="definition"/> on <paramref name="api"/>. With a <paramref name="kind"/>
        /// (a New-ApiIntegration parameter set) that does not fit the API's protocol, only that is reported: the other
        /// findings would follow from it. Reading problems (<paramref name="readFindings"/>) stop the checks of content.
        /// </summary>
        public async Task<ApiIntegrationPlan> PlanCreateAsync(ApiInfo api, string? region, ApiIntegrationDefinition definition,
            ApiIntegrationKind? kind, IEnumerable<Finding>? readFindings, CancellationToken ct)
        {
            var d = definition.WithoutBlanks();
            d.ApiId = api.ApiId;
            var context = new RuleContext(region, api.ProtocolType);
            var findings = new List<Finding>(readFindings ?? Enumerable.Empty<Finding>());
            if (!findings.Any(f => f.Severity == Severity.Error))
            {
                var kindFindings = (kind == null ? null : ApiContextRules.CheckKind(kind, d, context).ToList()) ?? new List<Finding>();
                findings.AddRange(kindFindings.Count > 0 ? kindFindings : RuleCatalog.Check(d, context));
                if (!findings.Any(f => f.Severity == Severity.Error))
                    await AddVpcLinkFindingAsync(d, context, findings, ct).ConfigureAwait(false);
            }
            return new ApiIntegrationPlan(d, findings, ApiV2Service.CreateIntegrationRequest(api.ApiId, d), null);
        }

        /// <summary>
        /// UpdateIntegration with the members <paramref name="patch"/> names. The integration as it will be after the
        /// update (current state merged with the patch) is what the rules check, as the service does. The request names
        /// only the members that differ from the live integration; when none does, the plan is Unchanged and nothing is
        /// to be sent.
        /// </summary>
        public async Task<ApiIntegrationPlan> PlanUpdateAsync(ApiInfo api, string? region, string integrationId, ApiIntegrationDefinition patch,
            IEnumerable<Finding>? readFindings, CancellationToken ct)
        {
            var current = await _service.GetIntegrationAsync(api, integrationId, ct).ConfigureAwait(false);
            return await PlanUpdateAsync(api, region, current, patch, readFindings, ct).ConfigureAwait(false);
        }

        private async Task<ApiIntegrationPlan> PlanUpdateAsync(ApiInfo api, string? region, ApiIntegration current, ApiIntegrationDefinition patch,
            IEnumerable<Finding>? readFindings, CancellationToken ct)
        {
            var integrationId = current.IntegrationId;
            var merged = ApiIntegrationDefinition.FromIntegration(current).MergedWith(patch);
            merged.ApiId = api.ApiId;
            merged.IntegrationId = integrationId;
            // Only the members that differ from the live integration are sent; when none does, nothing is.
            var changes = ApiIntegrationComparison.Changes(patch, current);
            var context = new RuleContext(region, api.ProtocolType);
            var findings = new List<Finding>(readFindings ?? Enumerable.Empty<Finding>());
            if (!findings.Any(f => f.Severity == Severity.Error))
            {
                // Only problems the update brings in are reported: what is already so on the service (an emulator's
                // default out of range, say) does not block re-applying it or a change elsewhere.
                var before = ApiIntegrationDefinition.FromIntegration(current);
                before.ApiId = api.ApiId;
                before.IntegrationId = integrationId;
                findings.AddRange(IntegrationPlan.BroughtIn(RuleCatalog.Check(before, context), RuleCatalog.Check(merged, context)));
                var linkChanged = changes != null && (changes.ConnectionId != null || changes.ConnectionType != null);
                if (linkChanged && !findings.Any(f => f.Severity == Severity.Error))
                    await AddVpcLinkFindingAsync(merged, context, findings, ct).ConfigureAwait(false);
            }
            return new ApiIntegrationPlan(merged, findings, ApiV2Service.UpdateIntegrationRequest(api.ApiId, integrationId, changes ?? patch), current)
            {
                Outcome = changes == null ? ApplyOutcome.Unchanged : ApplyOutcome.Updated,
                Differences = ApiIntegrationComparison.Differences(patch, current),
                SendsIntegration = changes != null,
            };
        }

        /// <summary>DeleteIntegration, refused (<see cref="ApiIntegrationRemoval.Refusal"/>) while routes target the integration.</summary>
        public async Task<ApiIntegrationRemoval> PlanRemoveAsync(ApiInfo api, string integrationId, CancellationToken ct)
        {
            // Reading the integration first gives a NotFound for an unknown id (moto answers DELETE with 200 anyway).
            var integration = await _service.GetIntegrationAsync(api, integrationId, ct).ConfigureAwait(false);
            var routes = await _service.GetRoutesAsync(api.ApiId, ct).ConfigureAwait(false);
            var targeting = RouteGuard.RoutesTargeting(routes, integrationId);
            var refusal = RouteGuard.Refusal(integration, targeting, out var fix);
            return new ApiIntegrationRemoval(integration, targeting, refusal, fix, ApiV2Service.DeleteIntegrationRequest(api.ApiId, integrationId));
        }

        /// <summary>CreateIntegrationResponse of <paramref name="definition"/> on an integration of <paramref name="api"/>.</summary>
        public ApiIntegrationResponsePlan PlanCreateResponse(ApiInfo api, string? region, ApiIntegrationResponseDefinition definition, IEnumerable<Finding>? readFindings)
        {
            definition.ApiId = api.ApiId;
            var findings = new List<Finding>(readFindings ?? Enumerable.Empty<Finding>());
            if (!findings.Any(f => f.Severity == Severity.Error))
                findings.AddRange(RuleCatalog.Check(definition, new RuleContext(region, api.ProtocolType)));
            var request = ApiV2Service.CreateIntegrationResponseRequest(api.ApiId, definition.IntegrationId ?? throw new ArgumentException("The definition names no integration.", nameof(definition)), definition);
            return new ApiIntegrationResponsePlan(definition, findings, request);
        }

        private async Task AddVpcLinkFindingAsync(ApiIntegrationDefinition d, RuleContext context, List<Finding> findings, CancellationToken ct)
        {
            // VPC links of HTTP APIs are v2 resources (GetVpcLink); WebSocket APIs use REST API (v1) VPC links.
            if (d.ConnectionType != ApiIntegrationValues.VpcLink || string.IsNullOrEmpty(d.ConnectionId)
                || ApiIntegrationValues.Protocol(context.ProtocolType, d.ProtocolType) != ApiIntegrationValues.Http)
                return;
            ApiVpcLink? link;
            try
            {
                link = await _service.GetVpcLinkAsync(d.ConnectionId!, ct).ConfigureAwait(false);
            }
            catch (ApiGatewayServiceException ex) when (ex.Kind == FailureKind.NotFound)
            {
                link = null;
            }
            var finding = ApiContextRules.CheckVpcLink(d, link);
            if (finding != null) findings.Add(finding);
        }
    }

    /// <summary>A checked create or update: the definition as checked, the findings, and the request to send.</summary>
    internal sealed class ApiIntegrationPlan : IntegrationPlan
    {
        public ApiIntegrationPlan(ApiIntegrationDefinition definition, IReadOnlyList<Finding> findings, WireRequest request, ApiIntegration? current)
            : base(findings)
        {
            Definition = definition;
            Request = request;
            Current = current;
            Outcome = current == null ? ApplyOutcome.Created : (ApplyOutcome?)null;
            SendsIntegration = current == null;
        }

        /// <summary>What the rules checked: the definition, or for an update the integration as it will be.</summary>
        public ApiIntegrationDefinition Definition { get; }

        public override WireRequest Request { get; }

        /// <summary>For an update, the integration before it.</summary>
        public ApiIntegration? Current { get; }

        /// <summary>Whether <see cref="Request"/> is to be sent (a create, or an update that changes the integration).</summary>
        public bool SendsIntegration { get; internal set; }

        /// <summary>For a definition without an IntegrationId, the integrations it was matched with; null when it was not matched.</summary>
        public ApiIntegrationMatch? Match { get; internal set; }

        /// <summary>The routes to create or re-target to the integration (after it is created, for a create).</summary>
        public IReadOnlyList<ApiRouteChange> RouteChanges { get; internal set; } = new List<ApiRouteChange>();

        /// <summary>
        /// Every request the plan sends, in order, for -WhatIf: the integration's (when it changes), then the routes'. The
        /// routes of an integration still to be created target "integrations/{integrationId}".
        /// </summary>
        public IReadOnlyList<WireRequest> Requests()
        {
            var requests = new List<WireRequest>();
            if (SendsIntegration) requests.Add(Request);
            var id = Current?.IntegrationId ?? "{integrationId}";
            requests.AddRange(RouteChanges.Select(c => ApiV2Service.RouteRequest(Definition.ApiId ?? "", c, id)));
            return requests;
        }
    }

    /// <summary>A checked delete: the integration, the routes that target it, and why it must not be deleted (or null).</summary>
    /// <param name="Refusal">Why the service would refuse the delete (routes still target it, or API Gateway manages it); null when it may go.</param>
    internal sealed record ApiIntegrationRemoval(ApiIntegration Integration, IReadOnlyList<ApiRoute> RoutesTargeting, string? Refusal, string Fix, WireRequest Request);

    /// <summary>A checked integration response create.</summary>
    internal sealed record ApiIntegrationResponsePlan(ApiIntegrationResponseDefinition Definition, IReadOnlyList<Finding> Findings, WireRequest Request);
}
