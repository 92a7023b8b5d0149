using System.Text.Json.Serialization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    // Wire shapes of API Gateway v1 (apigateway-2015-07-09): member names exactly as the service model's
    // locationName/member names. Only this file knows them; the public models are mapped from here.

    internal sealed class IntegrationShape
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        // The backend method. On PutIntegration it is the input member integrationHttpMethod, sent as "httpMethod".
        [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
        [JsonPropertyName("uri")] public string? Uri { get; set; }
        [JsonPropertyName("connectionType")] public string? ConnectionType { get; set; }
        [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }
        [JsonPropertyName("credentials")] public string? Credentials { get; set; }
        [JsonPropertyName("requestParameters")] public Dictionary<string, string?>? RequestParameters { get; set; }
        [JsonPropertyName("requestTemplates")] public Dictionary<string, string?>? RequestTemplates { get; set; }
        [JsonPropertyName("passthroughBehavior")] public string? PassthroughBehavior { get; set; }
        [JsonPropertyName("contentHandling")] public string? ContentHandling { get; set; }
        [JsonPropertyName("timeoutInMillis")] public int? TimeoutInMillis { get; set; }
        [JsonPropertyName("cacheNamespace")] public string? CacheNamespace { get; set; }
        [JsonPropertyName("cacheKeyParameters")] public List<string>? CacheKeyParameters { get; set; }
        [JsonPropertyName("integrationResponses")] public Dictionary<string, IntegrationResponseShape>? IntegrationResponses { get; set; }
        [JsonPropertyName("tlsConfig")] public RestTlsConfigShape? TlsConfig { get; set; }
        [JsonPropertyName("responseTransferMode")] public string? ResponseTransferMode { get; set; }
        [JsonPropertyName("integrationTarget")] public string? IntegrationTarget { get; set; }

        public RestIntegration ToModel(string restApiId, string resourceId, string httpMethod, string? resourcePath)
        {
            return new RestIntegration
            {
                RestApiId = restApiId,
                ResourceId = resourceId,
                ResourcePath = resourcePath,
                HttpMethod = httpMethod,
                Type = Type,
                IntegrationHttpMethod = HttpMethod,
                Uri = Uri,
                ConnectionType = ConnectionType,
                ConnectionId = ConnectionId,
                Credentials = Credentials,
                RequestParameters = Maps.Copy(RequestParameters),
                RequestTemplates = Maps.Copy(RequestTemplates),
                PassthroughBehavior = PassthroughBehavior,
                ContentHandling = ContentHandling,
                TimeoutInMillis = TimeoutInMillis,
                CacheNamespace = CacheNamespace,
                CacheKeyParameters = new TextList(CacheKeyParameters ?? new List<string>()),
                InsecureSkipVerification = TlsConfig?.InsecureSkipVerification,
                ResponseTransferMode = ResponseTransferMode,
                IntegrationTarget = IntegrationTarget,
                IntegrationResponses = (IntegrationResponses ?? new Dictionary<string, IntegrationResponseShape>())
                    .OrderBy(r => r.Key, System.StringComparer.Ordinal)
                    .Select(r => r.Value.ToModel(restApiId, resourceId, httpMethod, resourcePath, r.Key))
                    .ToList(),
            };
        }
    }

    internal sealed class RestTlsConfigShape
    {
        [JsonPropertyName("insecureSkipVerification")] public bool? InsecureSkipVerification { get; set; }
    }

    internal sealed class IntegrationResponseShape
    {
        [JsonPropertyName("statusCode")] public string? StatusCode { get; set; }
        [JsonPropertyName("selectionPattern")] public string? SelectionPattern { get; set; }
        [JsonPropertyName("responseParameters")] public Dictionary<string, string?>? ResponseParameters { get; set; }
        [JsonPropertyName("responseTemplates")] public Dictionary<string, string?>? ResponseTemplates { get; set; }
        [JsonPropertyName("contentHandling")] public string? ContentHandling { get; set; }

        public RestIntegrationResponse ToModel(string restApiId, string resourceId, string httpMethod, string? resourcePath, string key)
        {
            return new RestIntegrationResponse
            {
                RestApiId = restApiId,
                ResourceId = resourceId,
                ResourcePath = resourcePath,
                HttpMethod = httpMethod,
                StatusCode = string.IsNullOrEmpty(StatusCode) ? key : StatusCode!,
                SelectionPattern = SelectionPattern,
                ResponseParameters = Maps.Copy(ResponseParameters),
                ResponseTemplates = Maps.Copy(ResponseTemplates),
                ContentHandling = ContentHandling,
            };
        }
    }

    /// <summary>GetMethod's answer: only what the integration checks read.</summary>
    internal sealed class MethodShape
    {
        [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
        [JsonPropertyName("authorizationType")] public string? AuthorizationType { get; set; }
        [JsonPropertyName("requestParameters")] public Dictionary<string, bool?>? RequestParameters { get; set; }
        // Only in GetResources?embed=methods (and GetMethod): the method's integration, absent when it has none.
        [JsonPropertyName("methodIntegration")] public IntegrationShape? MethodIntegration { get; set; }

        public RestMethod ToModel(string restApiId, string resourceId, string httpMethod, string? resourcePath) => new RestMethod
        {
            RestApiId = restApiId,
            ResourceId = resourceId,
            ResourcePath = resourcePath,
            HttpMethod = HttpMethod ?? httpMethod,
            AuthorizationType = AuthorizationType,
            RequestParameters = (RequestParameters ?? new Dictionary<string, bool?>())
                .ToDictionary(p => p.Key, p => p.Value ?? false, System.StringComparer.Ordinal),
        };
    }

    internal sealed class ResourceShape
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("parentId")] public string? ParentId { get; set; }
        [JsonPropertyName("pathPart")] public string? PathPart { get; set; }
        [JsonPropertyName("path")] public string? Path { get; set; }
        // Without embed=methods each method may be an empty object; with it, the whole method (httpMethod set).
        [JsonPropertyName("resourceMethods")] public Dictionary<string, MethodShape?>? ResourceMethods { get; set; }

        public RestResource ToModel(string restApiId) => new RestResource
        {
            RestApiId = restApiId,
            ResourceId = Id ?? "",
            ParentId = ParentId,
            PathPart = PathPart,
            Path = Path ?? "",
            HttpMethods = (ResourceMethods?.Keys ?? Enumerable.Empty<string>()).OrderBy(m => m, System.StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>A page of any listing (GetResources, GetRestApis, GetVpcLinks): the items and the position of the next page.</summary>
    internal sealed class RestPageShape<T>
    {
        [JsonPropertyName("position")] public string? Position { get; set; }
        [JsonPropertyName("item")] public List<T>? Items { get; set; }
    }

    internal sealed class RestApiShape
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("rootResourceId")] public string? RootResourceId { get; set; }
        [JsonPropertyName("endpointConfiguration")] public EndpointConfigurationShape? EndpointConfiguration { get; set; }

        public RestApiInfo ToModel() => new RestApiInfo
        {
            RestApiId = Id ?? "",
            Name = Name,
            Description = Description,
            RootResourceId = RootResourceId,
            EndpointTypes = EndpointConfiguration?.Types?.ToList() ?? new List<string>(),
        };
    }

    internal sealed class EndpointConfigurationShape
    {
        [JsonPropertyName("types")] public List<string>? Types { get; set; }
    }

    internal sealed class RestVpcLinkShape
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("targetArns")] public List<string>? TargetArns { get; set; }
        [JsonPropertyName("statusMessage")] public string? StatusMessage { get; set; }

        public RestVpcLink ToModel() => new RestVpcLink
        {
            VpcLinkId = Id ?? "",
            Name = Name,
            Status = Status,
            StatusMessage = StatusMessage,
            TargetArns = TargetArns ?? new List<string>(),
        };
    }

    /// <summary>TestInvokeMethod's answer: what a client would have got, and the execution log.</summary>
    internal sealed class TestInvokeMethodShape
    {
        [JsonPropertyName("status")] public int? Status { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("headers")] public Dictionary<string, string?>? Headers { get; set; }
        [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>?>? MultiValueHeaders { get; set; }
        [JsonPropertyName("log")] public string? Log { get; set; }
        [JsonPropertyName("latency")] public long? Latency { get; set; }

        public TestInvokeResult ToModel(RestMethodTarget target, string? pathWithQueryString)
        {
            var headers = Maps.Copy(Headers);
            // Headers that only come as lists (several values) are joined as HTTP joins them.
            foreach (var pair in MultiValueHeaders ?? new Dictionary<string, List<string>?>())
                if (!headers.ContainsKey(pair.Key) && pair.Value != null) headers[pair.Key] = string.Join(",", pair.Value);
            return new TestInvokeResult
            {
                RestApiId = target.RestApiId,
                ResourceId = target.ResourceId,
                ResourcePath = target.ResourcePath,
                HttpMethod = target.HttpMethod,
                PathWithQueryString = pathWithQueryString,
                Status = Status ?? 0,
                Latency = Latency ?? 0,
                Body = Body,
                Headers = headers,
                Log = (Log ?? "").Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToArray(),
            };
        }
    }

    // Request bodies of the changing operations and of TestInvokeMethod. Members left null are not sent.

    /// <summary>PutIntegrationResponse's body (the status code travels in the path).</summary>
    internal sealed class PutIntegrationResponseBody
    {
        [JsonPropertyName("selectionPattern")] public string? SelectionPattern { get; set; }
        [JsonPropertyName("responseParameters")] public Dictionary<string, string>? ResponseParameters { get; set; }
        [JsonPropertyName("responseTemplates")] public Dictionary<string, string>? ResponseTemplates { get; set; }
        [JsonPropertyName("contentHandling")] public string? ContentHandling { get; set; }
    }

    /// <summary>The body of every v1 Update* operation.</summary>
    internal sealed class PatchBody
    {
        [JsonPropertyName("patchOperations")] public List<PatchOperation> PatchOperations { get; set; } = new List<PatchOperation>();
    }

    /// <summary>TestInvokeMethodRequest's body (restApiId, resourceId and httpMethod go in the path).</summary>
    internal sealed class TestInvokeMethodBody
    {
        [JsonPropertyName("pathWithQueryString")] public string? PathWithQueryString { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
        [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

        public static TestInvokeMethodBody From(TestInvokeRequest request) => new TestInvokeMethodBody
        {
            PathWithQueryString = string.IsNullOrEmpty(request.PathWithQueryString) ? null : request.PathWithQueryString,
            Body = request.Body,
            Headers = request.Headers == null || request.Headers.Count == 0 ? null : request.Headers,
            StageVariables = request.StageVariables == null || request.StageVariables.Count == 0 ? null : request.StageVariables,
        };
    }

    internal static class Maps
    {
        /// <summary>A map of the service's answer as a <see cref="TextMap"/> (a null value is empty text).</summary>
        public static Dictionary<string, string> Copy(Dictionary<string, string?>? source)
        {
            var copy = new TextMap();
            if (source == null) return copy;
            foreach (var pair in source) copy[pair.Key] = pair.Value ?? "";
            return copy;
        }

        /// <summary>Maps by key (response parameters by status code) as <see cref="TextMaps"/>.</summary>
        public static Dictionary<string, Dictionary<string, string>> CopyByKey(Dictionary<string, Dictionary<string, string?>>? source)
        {
            var copy = new TextMaps();
            if (source == null) return copy;
            foreach (var pair in source) copy[pair.Key] = Copy(pair.Value);
            return copy;
        }
    }
}
