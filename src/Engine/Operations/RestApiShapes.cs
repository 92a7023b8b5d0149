using System.Text.Json.Serialization;
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

    internal sealed class ResourcesShape
    {
        [JsonPropertyName("position")] public string? Position { get; set; }
        [JsonPropertyName("item")] public List<ResourceShape>? Items { get; set; }
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

    internal sealed class RestVpcLinksShape
    {
        [JsonPropertyName("position")] public string? Position { get; set; }
        [JsonPropertyName("item")] public List<RestVpcLinkShape>? Items { get; set; }
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

    internal sealed class RestApisShape
    {
        [JsonPropertyName("position")] public string? Position { get; set; }
        [JsonPropertyName("item")] public List<RestApiShape>? Items { get; set; }
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
