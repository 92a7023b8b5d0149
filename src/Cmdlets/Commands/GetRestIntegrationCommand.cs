namespace IntegrationTools.Commands
{
    /// <summary>
    /// Gets the integration of a REST API method, or every integration of a resource or of the whole API.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RestIntegration", DefaultParameterSetName = ByResourceId, HelpUri = HelpLinks.Page + "Get-RestIntegration.md")]
    [OutputType(typeof(RestIntegration))]
    public sealed class GetRestIntegrationCommand : IntegrationToolsCmdlet
    {
        private const string ByResourceId = "ByResourceId";
        private const string ByResourcePath = "ByResourcePath";

        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        public string RestApiId { get; set; } = "";

        /// <summary>The id of the resource; without it (and without -ResourcePath) every resource is read.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByResourceId)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByResourcePath)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        public string? ResourcePath { get; set; }

        /// <summary>The method whose integration to get; without it every method of the resource is read.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? HttpMethod { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var restApiId = RestApiId;
            var method = HttpMethod?.ToUpperInvariant();
            var target = $"restapi/{restApiId}" + (ResourcePath != null ? $" resource {ResourcePath}" : ResourceId != null ? $" resource/{ResourceId}" : "") + (method != null ? " " + method : "");
            RunForItem(target, Advice, () =>
            {
                var service = new RestApiService(Client);
                if (ResourceId != null && method != null)
                {
                    var resource = WaitFor(service.GetResourceAsync(restApiId, ResourceId, CancellationToken));
                    WriteObject(WaitFor(service.GetIntegrationAsync(restApiId, resource.ResourceId, method, resource.Path, CancellationToken)));
                    return;
                }

                IEnumerable<RestResource> resources;
                switch (ParameterSetName)
                {
                    case ByResourcePath:
                        resources = new[] { WaitFor(service.FindResourceByPathAsync(restApiId, ResourcePath!, CancellationToken)) };
                        break;
                    case ByResourceId when ResourceId != null:
                        resources = new[] { WaitFor(service.GetResourceAsync(restApiId, ResourceId, CancellationToken)) };
                        break;
                    default:
                        resources = WaitFor(service.GetResourcesAsync(restApiId, CancellationToken));
                        break;
                }
                WriteIntegrations(service, restApiId, resources, method);
            });
        }

        #endregion

        private void WriteIntegrations(RestApiService service, string restApiId, IEnumerable<RestResource> resources, string? method)
        {
            var methods = resources
                .SelectMany(r => r.HttpMethods.Where(m => method == null || m == method).Select(m => new { Resource = r, Method = m }))
                .ToList();
            if (method != null && methods.Count == 0 && ParameterSetName == ByResourcePath)
            {
                // One resource named, one method asked for, and it is not declared: say so rather than print nothing.
                var path = ResourcePath!;
                throw new ApiGatewayServiceException("NotFoundException", $"The resource '{path}' of REST API {restApiId} has no {method} method.", 404, null, FailureKind.NotFound);
            }
            // Only "this method of this resource" asks for one integration; anything wider is a listing.
            var listing = method == null || ParameterSetName != ByResourcePath;
            for (var i = 0; i < methods.Count; i++)
            {
                var item = methods[i];
                // A walk over resources shows progress (the total is known here); one method alone does not.
                if (methods.Count > 1) ShowProgress($"restapi/{restApiId} {item.Resource.Path} {item.Method}", i, methods.Count);
                try
                {
                    WriteObject(WaitFor(service.GetIntegrationAsync(restApiId, item.Resource.ResourceId, item.Method, item.Resource.Path, CancellationToken)));
                }
                catch (ApiGatewayServiceException ex) when (ex.Kind == FailureKind.NotFound && listing)
                {
                    // Listing: a method that has no integration yet is not an error.
                    WriteVerbose($"{item.Method} {item.Resource.Path} has no integration.");
                }
            }
        }

        private string? Advice(ApiGatewayException ex)
        {
            if (ex.Kind != FailureKind.NotFound) return null;
            if (ex is ResourcePathNotFoundException)
                return $"Use one of the API's paths (Get-RestIntegration -RestApiId {RestApiId} lists the integrated ones), or create the resource first.";
            return $"Check the ids: Get-RestIntegration -RestApiId {RestApiId} lists every integration of the API.";
        }
    }
}
