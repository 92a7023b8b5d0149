using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntegrationTools.Models;
using IntegrationTools.Text;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>REST API (API Gateway v1) operations on integrations and the resources they hang on.</summary>
    public sealed class RestApiService
    {
        private const string IntegrationPath = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration";
        private readonly ApiGatewayClient _client;

        public RestApiService(ApiGatewayClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>
        /// GetIntegration. A method without an integration is a NotFound <see cref="ApiGatewayServiceException"/>,
        /// whether the service says so with a 404 or, like some emulators, with an empty 200 body.
        /// </summary>
        public async Task<RestIntegration> GetIntegrationAsync(string restApiId, string resourceId, string httpMethod, string? resourcePath, CancellationToken ct)
        {
            var request = new WireRequest("GET", IntegrationPath)
                .With("restapi_id", restApiId).With("resource_id", resourceId).With("http_method", httpMethod);
            var shape = await _client.SendAsync<IntegrationShape>(request, ct).ConfigureAwait(false);
            if (shape?.Type == null)
            {
                throw new ApiGatewayServiceException("NotFoundException",
                    $"No integration is set up for {httpMethod} on resource {resourcePath ?? resourceId} of REST API {restApiId}.",
                    404, null, FailureKind.NotFound) { Operation = request.Describe() };
            }
            return shape.ToModel(restApiId, resourceId, httpMethod, resourcePath);
        }

        /// <summary>GetResources, following the position token until every resource is read.</summary>
        public async Task<List<RestResource>> GetResourcesAsync(string restApiId, CancellationToken ct)
        {
            var resources = new List<RestResource>();
            string? position = null;
            do
            {
                var request = new WireRequest("GET", "/restapis/{restapi_id}/resources")
                    .With("restapi_id", restApiId).WithQuery("limit", "500").WithQuery("position", position);
                var page = await _client.SendAsync<ResourcesShape>(request, ct).ConfigureAwait(false);
                foreach (var item in page?.Items ?? new List<ResourceShape>()) resources.Add(item.ToModel(restApiId));
                var next = page?.Position;
                position = string.IsNullOrEmpty(next) || next == position ? null : next;
            }
            while (position != null);
            return resources.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        }

        public async Task<RestResource> GetResourceAsync(string restApiId, string resourceId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/restapis/{restapi_id}/resources/{resource_id}")
                .With("restapi_id", restApiId).With("resource_id", resourceId);
            var shape = await _client.SendAsync<ResourceShape>(request, ct).ConfigureAwait(false);
            if (shape?.Id == null)
                throw new ApiGatewayResponseException($"{request.Describe()} answered without a resource.") { Operation = request.Describe() };
            return shape.ToModel(restApiId);
        }

        /// <summary>Finds a resource by its path ('/pets/{id}'); a missing path names the closest existing ones.</summary>
        public async Task<RestResource> FindResourceByPathAsync(string restApiId, string path, CancellationToken ct)
        {
            var normalized = NormalizePath(path);
            var resources = await GetResourcesAsync(restApiId, ct).ConfigureAwait(false);
            var match = resources.FirstOrDefault(r => string.Equals(r.Path, normalized, StringComparison.Ordinal));
            if (match != null) return match;
            var closest = Closest.To(normalized, resources.Select(r => r.Path));
            throw new ResourcePathNotFoundException(restApiId, normalized, closest);
        }

        /// <summary>GetRestApis, following the position token.</summary>
        public async Task<List<RestApiInfo>> GetRestApisAsync(CancellationToken ct)
        {
            var apis = new List<RestApiInfo>();
            string? position = null;
            do
            {
                var request = new WireRequest("GET", "/restapis").WithQuery("limit", "500").WithQuery("position", position);
                var page = await _client.SendAsync<RestApisShape>(request, ct).ConfigureAwait(false);
                foreach (var item in page?.Items ?? new List<RestApiShape>()) apis.Add(item.ToModel());
                var next = page?.Position;
                position = string.IsNullOrEmpty(next) || next == position ? null : next;
            }
            while (position != null);
            return apis;
        }

        public static string NormalizePath(string path)
        {
            var trimmed = (path ?? "").Trim();
            if (!trimmed.StartsWith("/", StringComparison.Ordinal)) trimmed = "/" + trimmed;
            if (trimmed.Length > 1 && trimmed.EndsWith("/", StringComparison.Ordinal)) trimmed = trimmed.TrimEnd('/');
            return trimmed.Length == 0 ? "/" : trimmed;
        }
    }

    /// <summary>A resource path that the REST API does not have.</summary>
    public sealed class ResourcePathNotFoundException : ApiGatewayException
    {
        public ResourcePathNotFoundException(string restApiId, string path, IReadOnlyList<string> closest)
            : base(Compose(restApiId, path, closest), FailureKind.NotFound)
        {
            RestApiId = restApiId;
            Path = path;
            ClosestPaths = closest;
        }

        public string RestApiId { get; }

        public string Path { get; }

        public IReadOnlyList<string> ClosestPaths { get; }

        private static string Compose(string restApiId, string path, IReadOnlyList<string> closest)
        {
            var text = $"REST API {restApiId} has no resource with the path '{path}'.";
            return closest.Count == 0 ? text + " It has no resources at all." : text + " Closest existing paths: " + string.Join(", ", closest.Select(c => "'" + c + "'")) + ".";
        }
    }
}
