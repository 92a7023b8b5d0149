using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>HTTP and WebSocket API (API Gateway v2) operations on integrations.</summary>
    internal sealed class ApiV2Service
    {
        private readonly ApiGatewayClient _client;

        public ApiV2Service(ApiGatewayClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        public async Task<ApiInfo> GetApiAsync(string apiId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/v2/apis/{apiId}").With("apiId", apiId);
            return (await _client.SendForAsync<V2ApiShape>(request, a => a.ApiId != null, "an API", ct).ConfigureAwait(false)).ToModel();
        }

        /// <summary>GetApis, following nextToken.</summary>
        public Task<List<ApiInfo>> GetApisAsync(CancellationToken ct) =>
            Pages.AllAsync(token => PageAsync<V2ApiShape, ApiInfo>(new WireRequest("GET", "/v2/apis"), token, 500, a => a.ToModel(), ct));

        public async Task<ApiIntegration> GetIntegrationAsync(ApiInfo api, string integrationId, CancellationToken ct) =>
            await SendIntegrationAsync(api, new WireRequest("GET", "/v2/apis/{apiId}/integrations/{integrationId}")
                .With("apiId", api.ApiId).With("integrationId", integrationId), ct).ConfigureAwait(false);

        /// <summary>
        /// One page of GetIntegrations. Callers loop on <see cref="Page{T}.NextToken"/> themselves, so each page can be
        /// written out on the caller's thread as soon as it arrives.
        /// </summary>
        public async Task<Page<ApiIntegration>> GetIntegrationsPageAsync(ApiInfo api, string? nextToken, CancellationToken ct, int pageSize = 100) =>
            await PageAsync<V2IntegrationShape, ApiIntegration>(new WireRequest("GET", "/v2/apis/{apiId}/integrations").With("apiId", api.ApiId),
                nextToken, pageSize, i => i.ToModel(api.ApiId, api.ProtocolType), ct).ConfigureAwait(false);

        /// <summary>
        /// One page of a listing (maxResults, nextToken) as models; <paramref name="request"/> names the listing and its
        /// path members. Every listing of HTTP and WebSocket APIs answers with items and nextToken.
        /// </summary>
        private async Task<Page<TModel>> PageAsync<TShape, TModel>(WireRequest request, string? nextToken, int pageSize, Func<TShape, TModel> toModel, CancellationToken ct)
        {
            request.WithQuery("maxResults", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)).WithQuery("nextToken", nextToken);
            var page = await _client.SendAsync<V2PageShape<TShape>>(request, ct).ConfigureAwait(false);
            return new Page<TModel>((page?.Items ?? new List<TShape>()).Select(toModel).ToList(), Pages.Next(page?.NextToken, nextToken));
        }

        /// <summary>
        /// CreateIntegration as it will be sent: POST /v2/apis/{apiId}/integrations with the members the definition
        /// names (camelCase, tlsConfig.serverNameToVerify, responseParameters as a map of maps). Built apart from
        /// sending so -WhatIf can show it.
        /// </summary>
        public static WireRequest CreateIntegrationRequest(string apiId, ApiIntegrationDefinition definition)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            return new WireRequest("POST", "/v2/apis/{apiId}/integrations")
            {
                Body = WireBody.From(ApiIntegrationDefinition.Schema, definition.WithoutBlanks(), keepEmpty: false, wireOrder: true),
            }.With("apiId", apiId);
        }

        /// <summary>
        /// UpdateIntegration as it will be sent: PATCH /v2/apis/{apiId}/integrations/{integrationId} with only the
        /// members <paramref name="patch"/> names. Empty text and empty maps are sent as they are (they clear a
        /// value or remove mappings).
        /// </summary>
        public static WireRequest UpdateIntegrationRequest(string apiId, string integrationId, ApiIntegrationDefinition patch)
        {
            if (patch == null) throw new ArgumentNullException(nameof(patch));
            return new WireRequest("PATCH", "/v2/apis/{apiId}/integrations/{integrationId}")
            {
                Body = WireBody.From(ApiIntegrationDefinition.Schema, patch, keepEmpty: true, wireOrder: true),
            }.With("apiId", apiId).With("integrationId", integrationId);
        }

        /// <summary>DeleteIntegration: DELETE /v2/apis/{apiId}/integrations/{integrationId}.</summary>
        public static WireRequest DeleteIntegrationRequest(string apiId, string integrationId) =>
            new WireRequest("DELETE", "/v2/apis/{apiId}/integrations/{integrationId}").With("apiId", apiId).With("integrationId", integrationId);

        /// <summary>Sends a CreateIntegration or UpdateIntegration request and reads the integration it answers with.</summary>
        public async Task<ApiIntegration> SendIntegrationAsync(ApiInfo api, WireRequest request, CancellationToken ct) =>
            (await _client.SendForAsync<V2IntegrationShape>(request, i => i.IntegrationId != null, "an integration", ct).ConfigureAwait(false))
                .ToModel(api.ApiId, api.ProtocolType);

        /// <summary>Every integration of the API (GetIntegrations, following nextToken).</summary>
        public Task<List<ApiIntegration>> GetIntegrationsAsync(ApiInfo api, CancellationToken ct) =>
            Pages.AllAsync(token => GetIntegrationsPageAsync(api, token, ct));

        /// <summary>
        /// Sends a planned CreateIntegration without ever leaving two integrations for one definition. CreateIntegration is
        /// not idempotent, so the wire layer does not resend it after an ambiguous failure (5xx, timeout, connection lost
        /// after sending). Here, after such a failure, the API's integrations are listed and one that matches the
        /// definition and was not there before (not in <paramref name="ledger"/>: the ids known before this pipeline's
        /// first create on the API, plus those it created; listed here when the ledger does not have the API yet) is the one the lost request created; only when there is none
        /// is the request sent again, at most <see cref="ApiGatewayClient.MaxAttempts"/> times in all. The result carries
        /// Outcome Created.
        /// </summary>
        public async Task<ApiIntegration> CreateIntegrationAsync(ApiInfo api, ApiIntegrationPlan plan, IntegrationLedger ledger, CancellationToken ct)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (ledger == null) throw new ArgumentNullException(nameof(ledger));
            var key = ApiKey(api);
            if (!ledger.Has(key))
                ledger.Seed(key, (await GetIntegrationsAsync(api, ct).ConfigureAwait(false)).Select(i => i.IntegrationId));
            var describe = plan.Request.Describe();
            var reasons = new List<string>();
            var attempts = 0;
            var rounds = Math.Max(1, _client.MaxAttempts);
            for (var round = 1; ; round++)
            {
                try
                {
                    var created = await SendIntegrationAsync(api, plan.Request, ct).ConfigureAwait(false);
                    ledger.Add(key, created.IntegrationId);
                    created.Outcome = ApplyOutcome.Created;
                    return created;
                }
                catch (ApiGatewayException ex) when (ex.Ambiguous)
                {
                    attempts += ex.Attempts;
                    var reason = ex.AttemptSummary ?? ApiGatewayClient.Reason(ex);
                    reasons.Add(reason);
                    var live = await GetIntegrationsAsync(api, ct).ConfigureAwait(false);
                    var match = live.FirstOrDefault(i => !ledger.Knows(key, i.IntegrationId) && ApiIntegrationComparison.Differences(plan.Definition, i).Count == 0);
                    if (match != null)
                    {
                        ledger.Add(key, match.IntegrationId);
                        match.Outcome = ApplyOutcome.Created;
                        _client.Log?.Invoke($"{describe} failed ambiguously ({reason}) but had created integration/{match.IntegrationId}: recovered it instead of creating it again.");
                        return match;
                    }
                    if (round >= rounds)
                    {
                        ex.Attempts = attempts;
                        ex.AttemptSummary = ApiGatewayClient.Summarize(reasons) + "; after each, GetIntegrations showed no integration it had created";
                        throw;
                    }
                    _client.Log?.Invoke($"{describe} failed ambiguously ({reason}) and GetIntegrations shows it created nothing: sending it again (round {round + 1} of {rounds}).");
                }
            }
        }

        /// <summary>What tells one API from another across sessions: endpoint, region and API id.</summary>
        public string ApiKey(ApiInfo api) => $"{_client.Session.Endpoint.GetLeftPart(UriPartial.Authority)}|{_client.Session.Region}|{api.ApiId}";

        public Task<ApiIntegration> CreateIntegrationAsync(ApiInfo api, ApiIntegrationDefinition definition, CancellationToken ct) =>
            SendIntegrationAsync(api, CreateIntegrationRequest(api.ApiId, definition), ct);

        public Task<ApiIntegration> UpdateIntegrationAsync(ApiInfo api, string integrationId, ApiIntegrationDefinition patch, CancellationToken ct) =>
            SendIntegrationAsync(api, UpdateIntegrationRequest(api.ApiId, integrationId, patch), ct);

        /// <summary>Sends a request whose answer has no content the caller needs (the Delete operations).</summary>
        public Task<WireResponse> SendAsync(WireRequest request, CancellationToken ct) => _client.SendAsync(request, ct);

        public Task<WireResponse> DeleteIntegrationAsync(string apiId, string integrationId, CancellationToken ct) =>
            SendAsync(DeleteIntegrationRequest(apiId, integrationId), ct);

        /// <summary>One page of GetRoutes.</summary>
        public async Task<Page<ApiRoute>> GetRoutesPageAsync(string apiId, string? nextToken, CancellationToken ct, int pageSize = 100) =>
            await PageAsync<V2RouteShape, ApiRoute>(new WireRequest("GET", "/v2/apis/{apiId}/routes").With("apiId", apiId),
                nextToken, pageSize, r => r.ToModel(apiId), ct).ConfigureAwait(false);

        /// <summary>
        /// The request that points a route at the integration <paramref name="integrationId"/>: CreateRoute (POST
        /// /v2/apis/{apiId}/routes with routeKey and target) for a key no route has, else UpdateRoute (PATCH
        /// /v2/apis/{apiId}/routes/{routeId} with the target only).
        /// </summary>
        public static WireRequest RouteRequest(string apiId, ApiRouteChange change, string integrationId)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            var target = RouteGuard.TargetOf(integrationId);
            if (change.Route == null)
            {
                return new WireRequest("POST", "/v2/apis/{apiId}/routes")
                {
                    Body = new Dictionary<string, object> { ["routeKey"] = change.RouteKey, ["target"] = target },
                }.With("apiId", apiId);
            }
            return new WireRequest("PATCH", "/v2/apis/{apiId}/routes/{routeId}")
            {
                Body = new Dictionary<string, object> { ["target"] = target },
            }.With("apiId", apiId).With("routeId", change.Route.RouteId);
        }

        /// <summary>Sends a CreateRoute or UpdateRoute request and reads the route it answers with.</summary>
        public async Task<ApiRoute> SendRouteAsync(string apiId, WireRequest request, CancellationToken ct) =>
            (await _client.SendForAsync<V2RouteShape>(request, r => r.RouteId != null, "a route", ct).ConfigureAwait(false)).ToModel(apiId);

        /// <summary>Every route of the API (GetRoutes, following nextToken).</summary>
        public Task<List<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken ct) =>
            Pages.AllAsync(token => GetRoutesPageAsync(apiId, token, ct));

        /// <summary>CreateIntegrationResponse as it will be sent.</summary>
        public static WireRequest CreateIntegrationResponseRequest(string apiId, string integrationId, ApiIntegrationResponseDefinition definition)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            return new WireRequest("POST", "/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses")
            {
                Body = V2IntegrationResponseInputShape.From(definition),
            }.With("apiId", apiId).With("integrationId", integrationId);
        }

        /// <summary>DeleteIntegrationResponse as it will be sent.</summary>
        public static WireRequest DeleteIntegrationResponseRequest(string apiId, string integrationId, string integrationResponseId) =>
            new WireRequest("DELETE", "/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{integrationResponseId}")
                .With("apiId", apiId).With("integrationId", integrationId).With("integrationResponseId", integrationResponseId);

        /// <summary>Sends a CreateIntegrationResponse request and reads the integration response it answers with.</summary>
        public async Task<ApiIntegrationResponse> SendIntegrationResponseAsync(ApiInfo api, string integrationId, WireRequest request, CancellationToken ct) =>
            (await _client.SendForAsync<V2IntegrationResponseShape>(request, r => r.IntegrationResponseId != null, "an integration response", ct).ConfigureAwait(false))
                .ToModel(api, integrationId);

        public Task<ApiIntegrationResponse> CreateIntegrationResponseAsync(ApiInfo api, string integrationId, ApiIntegrationResponseDefinition definition, CancellationToken ct) =>
            SendIntegrationResponseAsync(api, integrationId, CreateIntegrationResponseRequest(api.ApiId, integrationId, definition), ct);

        public async Task<ApiIntegrationResponse> GetIntegrationResponseAsync(ApiInfo api, string integrationId, string integrationResponseId, CancellationToken ct) =>
            await SendIntegrationResponseAsync(api, integrationId,
                new WireRequest("GET", "/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{integrationResponseId}")
                    .With("apiId", api.ApiId).With("integrationId", integrationId).With("integrationResponseId", integrationResponseId), ct).ConfigureAwait(false);

        /// <summary>One page of GetIntegrationResponses.</summary>
        public async Task<Page<ApiIntegrationResponse>> GetIntegrationResponsesPageAsync(ApiInfo api, string integrationId, string? nextToken, CancellationToken ct, int pageSize = 100) =>
            await PageAsync<V2IntegrationResponseShape, ApiIntegrationResponse>(
                new WireRequest("GET", "/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses").With("apiId", api.ApiId).With("integrationId", integrationId),
                nextToken, pageSize, r => r.ToModel(api, integrationId), ct).ConfigureAwait(false);

        public Task<WireResponse> DeleteIntegrationResponseAsync(string apiId, string integrationId, string integrationResponseId, CancellationToken ct) =>
            SendAsync(DeleteIntegrationResponseRequest(apiId, integrationId, integrationResponseId), ct);

        /// <summary>GetVpcLink: a VPC link of HTTP APIs.</summary>
        public async Task<ApiVpcLink> GetVpcLinkAsync(string vpcLinkId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/v2/vpclinks/{vpcLinkId}").With("vpcLinkId", vpcLinkId);
            return (await _client.SendForAsync<V2VpcLinkShape>(request, l => l.VpcLinkId != null, "a VPC link", ct).ConfigureAwait(false)).ToModel();
        }

        /// <summary>GetVpcLinks: the VPC links of HTTP APIs, following nextToken.</summary>
        public Task<List<ApiVpcLink>> GetVpcLinksAsync(CancellationToken ct) =>
            Pages.AllAsync(token => PageAsync<V2VpcLinkShape, ApiVpcLink>(new WireRequest("GET", "/v2/vpclinks"), token, 500, l => l.ToModel(), ct));
    }
}
