using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Text;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>REST API (API Gateway v1) operations on integrations and the resources they hang on.</summary>
    internal sealed class RestApiService
    {
        private const string MethodPath = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}";
        private const string IntegrationPath = MethodPath + "/integration";
        private const string IntegrationResponsePath = IntegrationPath + "/responses/{status_code}";
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

        /// <summary>GetIntegration of a resolved method; null when the method has no integration yet.</summary>
        public async Task<RestIntegration?> FindIntegrationAsync(RestMethodTarget target, CancellationToken ct)
        {
            try
            {
                return await GetIntegrationAsync(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, ct).ConfigureAwait(false);
            }
            catch (ApiGatewayServiceException ex) when (ex.Kind == FailureKind.NotFound)
            {
                return null;
            }
        }

        /// <summary>GetResources, following the position token until every resource is read.</summary>
        public async Task<List<RestResource>> GetResourcesAsync(string restApiId, CancellationToken ct) =>
            (await ListResourcesAsync(restApiId, embedMethods: false, ct).ConfigureAwait(false))
                .Select(r => r.ToModel(restApiId)).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();

        /// <summary>
        /// GetResources?embed=methods, following the position token (pages of 500): every resource with its methods, their
        /// request parameters and integrations, in one request per 500 resources.
        /// </summary>
        public async Task<RestApiListing> GetListingAsync(string restApiId, CancellationToken ct) =>
            new RestApiListing(restApiId, await ListResourcesAsync(restApiId, embedMethods: true, ct).ConfigureAwait(false));

        private Task<List<ResourceShape>> ListResourcesAsync(string restApiId, bool embedMethods, CancellationToken ct) =>
            ListAsync<ResourceShape, ResourceShape>(position => new WireRequest("GET", "/restapis/{restapi_id}/resources")
                .With("restapi_id", restApiId).WithQuery("limit", "500").WithQuery("position", position)
                .WithQuery("embed", embedMethods ? "methods" : null), r => r, ct);

        /// <summary>
        /// Every item of a listing, as models: <paramref name="page"/> is the request for the page at a position (null
        /// first), and each page's position token leads to the next. Every listing of REST APIs answers with item and position.
        /// </summary>
        private Task<List<TModel>> ListAsync<TShape, TModel>(Func<string?, WireRequest> page, Func<TShape, TModel> toModel, CancellationToken ct) =>
            Pages.AllAsync(async position =>
            {
                var answer = await _client.SendAsync<RestPageShape<TShape>>(page(position), ct).ConfigureAwait(false);
                return new Page<TModel>((answer?.Items ?? new List<TShape>()).Select(toModel).ToList(), Pages.Next(answer?.Position, position));
            });

        public async Task<RestResource> GetResourceAsync(string restApiId, string resourceId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/restapis/{restapi_id}/resources/{resource_id}")
                .With("restapi_id", restApiId).With("resource_id", resourceId);
            return (await _client.SendForAsync<ResourceShape>(request, r => r.Id != null, "a resource", ct).ConfigureAwait(false)).ToModel(restApiId);
        }

        /// <summary>Finds a resource by its path ('/pets/{id}'); a missing path names the closest existing ones.</summary>
        public async Task<RestResource> FindResourceByPathAsync(string restApiId, string path, CancellationToken ct)
        {
            var resources = await GetResourcesAsync(restApiId, ct).ConfigureAwait(false);
            return ByPath(restApiId, resources, path);
        }

        /// <summary>The resource of <paramref name="resources"/> with the path <paramref name="path"/>; a missing one names the closest paths.</summary>
        internal static RestResource ByPath(string restApiId, IReadOnlyCollection<RestResource> resources, string path)
        {
            var normalized = NormalizePath(path);
            var match = resources.FirstOrDefault(r => string.Equals(r.Path, normalized, StringComparison.Ordinal));
            if (match != null) return match;
            var closest = Closest.To(normalized, resources.Select(r => r.Path));
            throw new ResourcePathNotFoundException(restApiId, normalized, closest);
        }

        /// <summary>GetRestApis, following the position token.</summary>
        public Task<List<RestApiInfo>> GetRestApisAsync(CancellationToken ct) => ListAsync<RestApiShape, RestApiInfo>(
            position => new WireRequest("GET", "/restapis").WithQuery("limit", "500").WithQuery("position", position), a => a.ToModel(), ct);

        /// <summary>GetVpcLinks: the VPC links of REST APIs (WebSocket APIs use them too), following the position token.</summary>
        public Task<List<RestVpcLink>> GetVpcLinksAsync(CancellationToken ct) => ListAsync<RestVpcLinkShape, RestVpcLink>(
            position => new WireRequest("GET", "/vpclinks").WithQuery("limit", "500").WithQuery("position", position), l => l.ToModel(), ct);

        /// <summary>GetRestApi: one REST API; one that does not exist is a NotFound <see cref="ApiGatewayServiceException"/>.</summary>
        public async Task<RestApiInfo> GetRestApiAsync(string restApiId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/restapis/{restapi_id}").With("restapi_id", restApiId);
            return (await _client.SendForAsync<RestApiShape>(request, a => a.Id != null, "a REST API", ct).ConfigureAwait(false)).ToModel();
        }

        /// <summary>GetVpcLink (v1): a VPC link of REST APIs and WebSocket APIs; a missing one is a NotFound error.</summary>
        public async Task<RestVpcLink> GetVpcLinkAsync(string vpcLinkId, CancellationToken ct)
        {
            var request = new WireRequest("GET", "/vpclinks/{vpclink_id}").With("vpclink_id", vpcLinkId);
            return (await _client.SendForAsync<RestVpcLinkShape>(request, l => l.Id != null, "a VPC link", ct).ConfigureAwait(false)).ToModel();
        }

        /// <summary>
        /// TestInvokeMethod: simulates a request to the method and returns what API Gateway answered (status, latency, body,
        /// headers, execution log). A failing status is part of the result, not an error. An endpoint that answers with
        /// no API Gateway error at all (emulators such as moto lack this operation) is a <see cref="TestInvokeNotSupportedException"/>.
        /// </summary>
        public async Task<TestInvokeResult> TestInvokeMethodAsync(RestMethodTarget target, TestInvokeRequest input, CancellationToken ct)
        {
            var request = Method("POST", MethodPath, target);
            request.Body = TestInvokeMethodBody.From(input);
            WireResponse response;
            try
            {
                response = await _client.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (ApiGatewayServiceException ex) when (TestInvokeNotSupportedException.Matches(ex))
            {
                throw new TestInvokeNotSupportedException(_client.Session.Endpoint, ex);
            }
            var shape = response.Read<TestInvokeMethodShape>(request);
            if (shape?.Status == null) throw ApiGatewayResponseException.Without(request, "a test invocation result");
            return shape.ToModel(target, input.PathWithQueryString);
        }

        /// <summary>
        /// Finds the method an operation targets: by resource id when one is given (it wins over a path, as on objects piped
        /// from Get-RestIntegration that carry both), else by path. A method the resource does not declare is a NotFound
        /// error that names the methods it does declare.
        /// </summary>
        public async Task<RestMethodTarget> ResolveMethodAsync(string restApiId, string? resourceId, string? resourcePath, string httpMethod, CancellationToken ct)
        {
            var resource = !string.IsNullOrEmpty(resourceId)
                ? await GetResourceAsync(restApiId, resourceId!, ct).ConfigureAwait(false)
                : await FindResourceByPathAsync(restApiId, resourcePath ?? "", ct).ConfigureAwait(false);
            return MethodOf(resource, httpMethod);
        }

        /// <summary>The method <paramref name="httpMethod"/> of <paramref name="resource"/>; one it does not declare is a NotFound error naming those it does.</summary>
        internal static RestMethodTarget MethodOf(RestResource resource, string httpMethod)
        {
            var method = httpMethod.ToUpperInvariant();
            if (!resource.HttpMethods.Contains(method, StringComparer.Ordinal))
            {
                var declared = resource.HttpMethods.Count == 0 ? "it has no methods yet" : "it has " + string.Join(", ", resource.HttpMethods);
                throw new ApiGatewayServiceException("NotFoundException",
                    $"The resource '{resource.Path}' of REST API {resource.RestApiId} has no {method} method ({declared}).", 404, null, FailureKind.NotFound)
                { Operation = $"GET /restapis/{resource.RestApiId}/resources/{resource.ResourceId}" };
            }
            return new RestMethodTarget(resource.RestApiId, resource.ResourceId, resource.Path, method);
        }

        /// <summary>GetMethod: the method's declared request parameters (what mappings and cache keys may read).</summary>
        public async Task<RestMethod> GetMethodAsync(RestMethodTarget target, CancellationToken ct)
        {
            var shape = await _client.SendForAsync<MethodShape>(Method("GET", MethodPath, target), _ => true, "a method", ct).ConfigureAwait(false);
            return shape.ToModel(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath);
        }

        /// <summary>PutIntegration of <paramref name="definition"/> on <paramref name="target"/>, ready to send (201 with the integration).</summary>
        public PreparedCall<RestIntegration> PreparePutIntegration(RestIntegrationDefinition definition, RestMethodTarget target)
        {
            var request = Method("PUT", IntegrationPath, target);
            // Empty maps and lists say nothing PutIntegration (which replaces the whole integration) would not assume anyway.
            var body = WireBody.From(RestIntegrationDefinition.Schema, definition, keepEmpty: false, wireOrder: false);
            request.Body = body;
            return new PreparedCall<RestIntegration>(request, response =>
            {
                var shape = response.Read<IntegrationShape>(request);
                // The service answers with the integration; an answer without one is read as the integration that was sent.
                if (shape?.Type == null) shape = WireBody.As<IntegrationShape>(body)!;
                return shape.ToModel(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath);
            });
        }

        /// <summary>UpdateIntegration with <paramref name="operations"/>, ready to send (200 with the updated integration).</summary>
        public PreparedCall<RestIntegration> PrepareUpdateIntegration(RestMethodTarget target, IReadOnlyList<PatchOperation> operations)
        {
            var request = Method("PATCH", IntegrationPath, target);
            request.Body = new PatchBody { PatchOperations = operations.ToList() };
            return new PreparedCall<RestIntegration>(request, response =>
            {
                var shape = response.Read<IntegrationShape>(request);
                if (shape?.Type == null) throw ApiGatewayResponseException.Without(request, "the updated integration");
                return shape.ToModel(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath);
            });
        }

        /// <summary>DeleteIntegration, ready to send (204); its result is <paramref name="removed"/>, the integration as it was.</summary>
        public PreparedCall<RestIntegration> PrepareDeleteIntegration(RestMethodTarget target, RestIntegration removed) =>
            new PreparedCall<RestIntegration>(Method("DELETE", IntegrationPath, target), _ => removed);

        /// <summary>PutIntegrationResponse of <paramref name="definition"/>, ready to send (201 with the integration response).</summary>
        public PreparedCall<RestIntegrationResponse> PreparePutIntegrationResponse(RestIntegrationResponseDefinition definition, RestMethodTarget target)
        {
            var statusCode = definition.StatusCode ?? throw new ArgumentException("The definition has no status code.", nameof(definition));
            var request = Method("PUT", IntegrationResponsePath, target).With("status_code", statusCode);
            request.Body = new PutIntegrationResponseBody
            {
                SelectionPattern = definition.SelectionPattern,
                ResponseParameters = definition.ResponseParameters,
                ResponseTemplates = definition.ResponseTemplates,
                ContentHandling = definition.ContentHandling,
            };
            return new PreparedCall<RestIntegrationResponse>(request, response =>
            {
                var shape = response.Read<IntegrationResponseShape>(request) ?? new IntegrationResponseShape();
                if (shape.StatusCode == null && shape.SelectionPattern == null && shape.ResponseParameters == null && shape.ResponseTemplates == null)
                {
                    shape.SelectionPattern = definition.SelectionPattern;
                    shape.ResponseParameters = definition.ResponseParameters?.ToDictionary(p => p.Key, p => (string?)p.Value);
                    shape.ResponseTemplates = definition.ResponseTemplates?.ToDictionary(p => p.Key, p => (string?)p.Value);
                    shape.ContentHandling = definition.ContentHandling;
                }
                return shape.ToModel(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, statusCode);
            });
        }

        /// <summary>GetIntegrationResponse; a missing one is a NotFound error whether the service says 404 or answers empty.</summary>
        public async Task<RestIntegrationResponse> GetIntegrationResponseAsync(RestMethodTarget target, string statusCode, CancellationToken ct)
        {
            var request = Method("GET", IntegrationResponsePath, target).With("status_code", statusCode);
            var shape = await _client.SendAsync<IntegrationResponseShape>(request, ct).ConfigureAwait(false);
            if (shape == null || (shape.StatusCode == null && shape.SelectionPattern == null && shape.ResponseParameters == null && shape.ResponseTemplates == null))
            {
                throw new ApiGatewayServiceException("NotFoundException",
                    $"The integration of {target.HttpMethod} {target.ResourcePath ?? target.ResourceId} in REST API {target.RestApiId} has no integration response {statusCode}.",
                    404, null, FailureKind.NotFound) { Operation = request.Describe() };
            }
            return shape.ToModel(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, statusCode);
        }

        /// <summary>DeleteIntegrationResponse, ready to send (204); its result is <paramref name="removed"/>.</summary>
        public PreparedCall<RestIntegrationResponse> PrepareDeleteIntegrationResponse(RestMethodTarget target, RestIntegrationResponse removed) =>
            new PreparedCall<RestIntegrationResponse>(Method("DELETE", IntegrationResponsePath, target).With("status_code", removed.StatusCode), _ => removed);

        /// <summary>Sends a prepared call and reads its answer.</summary>
        public async Task<T> SendAsync<T>(PreparedCall<T> call, CancellationToken ct)
        {
            var response = await _client.SendAsync(call.Request, ct).ConfigureAwait(false);
            return call.Map(response);
        }

        public Task<RestIntegration> PutIntegrationAsync(RestIntegrationDefinition definition, RestMethodTarget target, CancellationToken ct) =>
            SendAsync(PreparePutIntegration(definition, target), ct);

        public Task<RestIntegration> UpdateIntegrationAsync(RestMethodTarget target, IReadOnlyList<PatchOperation> operations, CancellationToken ct) =>
            SendAsync(PrepareUpdateIntegration(target, operations), ct);

        public Task<RestIntegrationResponse> PutIntegrationResponseAsync(RestIntegrationResponseDefinition definition, RestMethodTarget target, CancellationToken ct) =>
            SendAsync(PreparePutIntegrationResponse(definition, target), ct);

        private static WireRequest Method(string verb, string path, RestMethodTarget target) =>
            new WireRequest(verb, path).With("restapi_id", target.RestApiId).With("resource_id", target.ResourceId).With("http_method", target.HttpMethod);

        public static string NormalizePath(string path)
        {
            var trimmed = (path ?? "").Trim();
            if (!trimmed.StartsWith("/", StringComparison.Ordinal)) trimmed = "/" + trimmed;
            if (trimmed.Length > 1 && trimmed.EndsWith("/", StringComparison.Ordinal)) trimmed = trimmed.TrimEnd('/');
            return trimmed.Length == 0 ? "/" : trimmed;
        }
    }

    /// <summary>
    /// The endpoint does not implement TestInvokeMethod: it answered the request with an HTTP error that carries no API
    /// Gateway error type (API Gateway itself always names one), as local emulators such as moto do.
    /// </summary>
    internal sealed class TestInvokeNotSupportedException : ApiGatewayException
    {
        public TestInvokeNotSupportedException(Uri endpoint, ApiGatewayServiceException inner)
            : base($"The endpoint {endpoint.GetLeftPart(UriPartial.Authority)} does not support test invocation (TestInvokeMethod): it answered {inner.Operation} with HTTP {inner.StatusCode} and no API Gateway error.",
                FailureKind.UnexpectedResponse, inner)
        {
            Operation = inner.Operation;
            Endpoint = endpoint;
        }

        public Uri Endpoint { get; }

        /// <summary>An error without an AWS error code (the wire layer names those HttpNNN) on a status emulators use for unknown operations.</summary>
        internal static bool Matches(ApiGatewayServiceException ex) =>
            ex.ErrorCode.StartsWith("Http", StringComparison.Ordinal)
            && (ex.StatusCode == 404 || ex.StatusCode == 405 || ex.StatusCode == 500 || ex.StatusCode == 501);
    }

    /// <summary>A resource path that the REST API does not have.</summary>
    internal sealed class ResourcePathNotFoundException : ApiGatewayException
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
