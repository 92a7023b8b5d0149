using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// What the REST changing cmdlets do between the offline pre-flight and the request: find the targeted method, read
    /// what the checks need (the method's declared parameters, the current integration), check, and prepare the one
    /// request to send. Nothing here changes anything; the caller sends <see cref="RestPlan{T}.Call"/> when the findings
    /// allow it and the user confirms.
    /// </summary>
    internal sealed class RestIntegrationPlanner
    {
        private readonly RestApiService _service;
        private readonly string? _region;

        public RestIntegrationPlanner(RestApiService service, string? region)
        {
            _service = service;
            _region = region;
        }

        /// <summary>The context of the offline checks: the session's region.</summary>
        public RuleContext Context => new RuleContext(_region, null);

        /// <summary>The offline pre-flight of a definition: the findings of reading it plus the rule catalog's.</summary>
        public List<Finding> Check(RestIntegrationDefinition definition, IEnumerable<Finding> readingFindings)
        {
            var findings = readingFindings.ToList();
            var functionNotLocated = findings.Any(f => f.RuleId == RestInputRules.FunctionNotLocated.Id);
            // When the Lambda URI could not be built (IT1201), "the URI is missing" says the same thing again.
            findings.AddRange(RuleCatalog.Check(definition, Context).Where(f => !(functionNotLocated && f.RuleId == RestUriRequiredRule.Rule.Id)));
            return findings;
        }

        public List<Finding> Check(RestIntegrationResponseDefinition definition, IEnumerable<Finding> readingFindings) =>
            readingFindings.Concat(RuleCatalog.Check(definition, Context)).ToList();

        /// <summary>
        /// PutIntegration: resolves the method, checks the method request parameters the definition reads against those the
        /// method declares (IT1023; the offline checks have run already), reads the current integration and compares it with
        /// the definition (<see cref="IntegrationPlan.Outcome"/>: Created when there is none, Unchanged when applying it would
        /// change nothing, so nothing is to be sent, else Updated), and prepares the request. With a <paramref name="listing"/>
        /// of the API (GetResources?embed=methods), the method, its parameters and its integration come from there and no
        /// request is sent; GetMethod and GetIntegration are read only for a method the listing does not show.
        /// </summary>
        public Task<RestPlan<RestIntegration>> PlanPutAsync(RestIntegrationDefinition definition, CancellationToken ct) => PlanPutAsync(definition, null, ct);

        /// <inheritdoc cref="PlanPutAsync(RestIntegrationDefinition, CancellationToken)"/>
        public async Task<RestPlan<RestIntegration>> PlanPutAsync(RestIntegrationDefinition definition, RestApiListing? listing, CancellationToken ct)
        {
            var target = listing != null
                ? listing.Resolve(definition.ResourceId, definition.ResourcePath, definition.HttpMethod ?? "")
                : await Resolve(definition.RestApiId, definition.ResourceId, definition.ResourcePath, definition.HttpMethod, ct).ConfigureAwait(false);
            var listed = listing?.Method(target);
            var findings = new List<Finding>();
            if (RestDeclaredMethodParameterRule.NeedsMethod(definition))
            {
                var context = listed?.RequestParameters != null
                    ? new RuleContext(_region, null, listed.RequestParameters.Keys.ToList())
                    : await MethodContext(target, ct).ConfigureAwait(false);
                findings.AddRange(new RestDeclaredMethodParameterRule().Check(WithTarget(definition, target), context));
            }
            var current = listed != null ? listed.Integration : await _service.FindIntegrationAsync(target, ct).ConfigureAwait(false);
            var plan = new RestPlan<RestIntegration>(target, findings, _service.PreparePutIntegration(definition, target), current, new List<PatchOperation>());
            if (current == null)
            {
                plan.Outcome = ApplyOutcome.Created;
            }
            else
            {
                plan.Differences = RestIntegrationComparison.Differences(definition, current, target.ResourceId);
                plan.Outcome = plan.Differences.Count == 0 ? ApplyOutcome.Unchanged : ApplyOutcome.Updated;
            }
            return plan;
        }

        /// <summary>
        /// Carries out a planned PutIntegration or UpdateIntegration: sends nothing when the plan is Unchanged (the live
        /// integration is the result), else sends the request (and the answer updates <paramref name="listing"/>). The result
        /// carries the plan's <see cref="IntegrationPlan.Outcome"/>.
        /// </summary>
        public async Task<RestIntegration> ApplyAsync(RestPlan<RestIntegration> plan, CancellationToken ct, RestApiListing? listing = null)
        {
            if (plan == null) throw new System.ArgumentNullException(nameof(plan));
            RestIntegration result;
            if (plan.NothingToSend && plan.Current != null)
            {
                result = plan.Current;
            }
            else
            {
                result = await _service.SendAsync(plan.Call, ct).ConfigureAwait(false);
                // What was written is the method's integration from now on, for the items planned after it.
                listing?.Remember(result);
            }
            result.Outcome = plan.Outcome;
            return result;
        }

        /// <summary>
        /// UpdateIntegration: reads the current integration, turns the named <paramref name="changes"/> into patch operations,
        /// adds the raw <paramref name="operations"/>, and checks the integration as it would be afterwards. Only problems the
        /// update brings in are reported: what was already so on the service does not block a change elsewhere.
        /// </summary>
        public async Task<RestPlan<RestIntegration>> PlanUpdateAsync(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod,
            RestIntegrationDefinition changes, IReadOnlyList<PatchOperation> operations, CancellationToken ct)
        {
            var target = await Resolve(restApiId, resourceId, resourcePath, httpMethod, ct).ConfigureAwait(false);
            var current = await _service.GetIntegrationAsync(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, ct).ConfigureAwait(false);
            var all = RestIntegrationPatch.Build(current, changes).Concat(operations).ToList();
            var before = RestIntegrationDefinition.FromModel(current);
            var after = RestIntegrationPatch.Apply(before, all);
            var context = RestDeclaredMethodParameterRule.NeedsMethod(after) ? await MethodContext(target, ct).ConfigureAwait(false) : Context;
            var findings = IntegrationPlan.BroughtIn(RuleCatalog.Check(before, context), RuleCatalog.Check(after, context)).ToList();
            return new RestPlan<RestIntegration>(target, findings, _service.PrepareUpdateIntegration(target, all), current, all)
            {
                // Patch operations that change nothing (removing keys that are not there) are not built, so none left is Unchanged.
                Outcome = all.Count == 0 ? ApplyOutcome.Unchanged : ApplyOutcome.Updated,
            };
        }

        /// <summary>DeleteIntegration: reads the integration first (so a missing one is NotFound, and -PassThru has it).</summary>
        public async Task<RestPlan<RestIntegration>> PlanDeleteAsync(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod, CancellationToken ct)
        {
            var target = await Resolve(restApiId, resourceId, resourcePath, httpMethod, ct).ConfigureAwait(false);
            var current = await _service.GetIntegrationAsync(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, ct).ConfigureAwait(false);
            return new RestPlan<RestIntegration>(target, new List<Finding>(), _service.PrepareDeleteIntegration(target, current), current, new List<PatchOperation>());
        }

        /// <summary>PutIntegrationResponse: resolves the method and prepares the request (the offline checks have run already).</summary>
        public async Task<RestPlan<RestIntegrationResponse>> PlanPutResponseAsync(RestIntegrationResponseDefinition definition, CancellationToken ct)
        {
            var target = await Resolve(definition.RestApiId, definition.ResourceId, definition.ResourcePath, definition.HttpMethod, ct).ConfigureAwait(false);
            return new RestPlan<RestIntegrationResponse>(target, new List<Finding>(), _service.PreparePutIntegrationResponse(definition, target), null, new List<PatchOperation>());
        }

        /// <summary>DeleteIntegrationResponse: reads the response first (so a missing one is NotFound, and -PassThru has it).</summary>
        public async Task<RestPlan<RestIntegrationResponse>> PlanDeleteResponseAsync(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod,
            string statusCode, CancellationToken ct)
        {
            var target = await Resolve(restApiId, resourceId, resourcePath, httpMethod, ct).ConfigureAwait(false);
            var current = await _service.GetIntegrationResponseAsync(target, statusCode, ct).ConfigureAwait(false);
            return new RestPlan<RestIntegrationResponse>(target, new List<Finding>(), _service.PrepareDeleteIntegrationResponse(target, current), current, new List<PatchOperation>());
        }

        private Task<RestMethodTarget> Resolve(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod, CancellationToken ct) =>
            _service.ResolveMethodAsync(restApiId ?? "", resourceId, resourcePath, httpMethod ?? "", ct);

        private async Task<RuleContext> MethodContext(RestMethodTarget target, CancellationToken ct)
        {
            var method = await _service.GetMethodAsync(target, ct).ConfigureAwait(false);
            return new RuleContext(_region, null, method.RequestParameters.Keys.ToList());
        }

        private static RestIntegrationDefinition WithTarget(RestIntegrationDefinition definition, RestMethodTarget target)
        {
            var copy = definition.Clone();
            copy.ResourceId = target.ResourceId;
            copy.ResourcePath = target.ResourcePath;
            return copy;
        }
    }

    /// <summary>What a REST changing cmdlet is about to do: the method, the problems found, and the request.</summary>
    internal sealed class RestPlan<T> : IntegrationPlan
    {
        public RestPlan(RestMethodTarget target, List<Finding> findings, PreparedCall<T> call, T? current, List<PatchOperation> operations)
            : base(findings)
        {
            Target = target;
            Call = call;
            Current = current;
            Operations = operations;
        }

        public RestMethodTarget Target { get; }

        public PreparedCall<T> Call { get; }

        public override Wire.WireRequest Request => Call.Request;

        /// <summary>What is there now (updates and removals), or default.</summary>
        public T? Current { get; }

        /// <summary>The patch operations of an update (empty for other operations).</summary>
        public List<PatchOperation> Operations { get; }
    }
}
