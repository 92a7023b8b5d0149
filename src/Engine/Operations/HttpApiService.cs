using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IntegrationTools.Models;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>HTTP and WebSocket API (API Gateway v2) operations on integrations.</summary>
    public sealed class HttpApiService
    {
        private readonly ApiGatewayClient _client;

        public HttpApiService(ApiGatewayClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        public async Task<ApiInfo> GetApiAsync(string apiId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/v2/apis/{apiId}").With("apiId", apiId);
            var shape = await _client.SendAsync<V2ApiShape>(request, ct).ConfigureAwait(false);
            if (shape?.ApiId == null)
                throw new ApiGatewayResponseException($"{request.Describe()} answered without an API.") { Operation = request.Describe() };
            return shape.ToModel();
        }

        /// <summary>GetApis, following nextToken.</summary>
        public async Task<List<ApiInfo>> GetApisAsync(CancellationToken ct)
        {
            var apis = new List<ApiInfo>();
            string? token = null;
            do
            {
                var request = new WireRequest("GET", "/v2/apis").WithQuery("maxResults", "500").WithQuery("nextToken", token);
                var page = await _client.SendAsync<V2ApisShape>(request, ct).ConfigureAwait(false);
                foreach (var item in page?.Items ?? new List<V2ApiShape>()) apis.Add(item.ToModel());
                token = NextToken(page?.NextToken, token);
            }
            while (token != null);
            return apis;
        }

        public async Task<ApiIntegration> GetIntegrationAsync(ApiInfo api, string integrationId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/v2/apis/{apiId}/integrations/{integrationId}")
                .With("apiId", api.ApiId).With("integrationId", integrationId);
            var shape = await _client.SendAsync<V2IntegrationShape>(request, ct).ConfigureAwait(false);
            if (shape?.IntegrationId == null)
                throw new ApiGatewayResponseException($"{request.Describe()} answered without an integration.") { Operation = request.Describe() };
            return shape.ToModel(api.ApiId, api.ProtocolType);
        }

        /// <summary>
        /// One page of GetIntegrations. Callers loop on <see cref="Page{T}.NextToken"/> themselves, so each page can be
        /// written out on the caller's thread as soon as it arrives.
        /// </summary>
        public async Task<Page<ApiIntegration>> GetIntegrationsPageAsync(ApiInfo api, string? nextToken, CancellationToken ct, int pageSize = 100)
        {
            var request = new WireRequest("GET", "/v2/apis/{apiId}/integrations")
                .With("apiId", api.ApiId)
                .WithQuery("maxResults", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithQuery("nextToken", nextToken);
            var page = await _client.SendAsync<V2IntegrationsShape>(request, ct).ConfigureAwait(false);
            var items = new List<ApiIntegration>();
            foreach (var item in page?.Items ?? new List<V2IntegrationShape>()) items.Add(item.ToModel(api.ApiId, api.ProtocolType));
            return new Page<ApiIntegration>(items, NextToken(page?.NextToken, nextToken));
        }

        private static string? NextToken(string? next, string? previous)
        {
            // A token equal to the one just sent would loop forever: stop there.
            return string.IsNullOrEmpty(next) || next == previous ? null : next;
        }
    }
}
