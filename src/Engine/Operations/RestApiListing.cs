using IntegrationTools.Models;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// One REST API as a single GetResources?embed=methods listing shows it: its resources, their methods with the
    /// request parameters they declare and their integrations. A pipeline lists each API once and keeps the listing up to
    /// date with what it writes itself (<see cref="Remember"/>), so planning an item costs no request. The resources and
    /// methods do not change; the integrations are read and written under a lock (writes finish on other threads).
    /// </summary>
    internal sealed class RestApiListing
    {
        private readonly object _gate = new object();
        private readonly List<RestResource> _resources;
        private readonly Dictionary<string, ListedMethod> _methods = new Dictionary<string, ListedMethod>(StringComparer.Ordinal);

        internal RestApiListing(string restApiId, IEnumerable<ResourceShape> resources)
        {
            RestApiId = restApiId;
            _resources = new List<RestResource>();
            foreach (var shape in resources)
            {
                var resource = shape.ToModel(restApiId);
                _resources.Add(resource);
                foreach (var pair in shape.ResourceMethods ?? new Dictionary<string, MethodShape?>())
                {
                    var method = pair.Value;
                    // A method without httpMethod was not embedded (an answer without embed=methods): nothing is known of it.
                    if (method?.HttpMethod == null) continue;
                    var verb = pair.Key.ToUpperInvariant();
                    _methods[Key(resource.ResourceId, verb)] = new ListedMethod(
                        method.ToModel(restApiId, resource.ResourceId, verb, resource.Path).RequestParameters,
                        method.MethodIntegration?.Type == null ? null : method.MethodIntegration.ToModel(restApiId, resource.ResourceId, verb, resource.Path));
                }
            }
            _resources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        }

        public string RestApiId { get; }

        /// <summary>The resources, by path.</summary>
        public IReadOnlyList<RestResource> Resources => _resources;

        /// <summary>
        /// The method an item targets: by resource id when one is given, else by path. An unknown id or path, or a method
        /// the resource does not declare, is the same NotFound error as when it is read from the service.
        /// </summary>
        public RestMethodTarget Resolve(string? resourceId, string? resourcePath, string httpMethod)
        {
            RestResource resource;
            if (!string.IsNullOrEmpty(resourceId))
            {
                resource = _resources.FirstOrDefault(r => string.Equals(r.ResourceId, resourceId, StringComparison.Ordinal))
                    ?? throw new ApiGatewayServiceException("NotFoundException",
                        $"REST API {RestApiId} has no resource with the id '{resourceId}'.", 404, null, FailureKind.NotFound)
                    { Operation = $"GET /restapis/{RestApiId}/resources?embed=methods" };
            }
            else
            {
                resource = RestApiService.ByPath(RestApiId, _resources, resourcePath ?? "");
            }
            return RestApiService.MethodOf(resource, httpMethod);
        }

        /// <summary>What the listing shows of the method: its request parameters and integration; null when it was not embedded.</summary>
        public ListedMethod? Method(RestMethodTarget target)
        {
            lock (_gate)
            {
                return _methods.TryGetValue(Key(target.ResourceId, target.HttpMethod), out var method) ? method.Copy() : null;
            }
        }

        /// <summary>An integration as written (the PutIntegration answer): the method's integration from now on.</summary>
        public void Remember(RestIntegration integration)
        {
            if (integration == null) throw new ArgumentNullException(nameof(integration));
            var key = Key(integration.ResourceId, integration.HttpMethod);
            lock (_gate)
            {
                var parameters = _methods.TryGetValue(key, out var known) ? known.RequestParameters : null;
                // A method that was not embedded stays unknown but for its integration; its parameters are read when needed.
                _methods[key] = new ListedMethod(parameters, integration.Copy());
            }
        }

        private static string Key(string resourceId, string httpMethod) => resourceId + " " + httpMethod.ToUpperInvariant();
    }

    /// <summary>A method as the listing shows it.</summary>
    internal sealed class ListedMethod
    {
        public ListedMethod(Dictionary<string, bool>? requestParameters, RestIntegration? integration)
        {
            RequestParameters = requestParameters;
            Integration = integration;
        }

        /// <summary>The request parameters the method declares; null when the listing did not show them.</summary>
        public Dictionary<string, bool>? RequestParameters { get; }

        /// <summary>The method's integration; null when it has none.</summary>
        public RestIntegration? Integration { get; }

        internal ListedMethod Copy() => new ListedMethod(RequestParameters, Integration?.Copy());
    }
}
