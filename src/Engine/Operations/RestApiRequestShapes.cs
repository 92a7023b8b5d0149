using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    // Request bodies of the REST API (v1) changing operations, member names exactly as apigateway-2015-07-09 puts them on
    // the wire. Members left null are not sent.

    /// <summary>PutIntegration's body. The backend method (input member integrationHttpMethod) travels as "httpMethod".</summary>
    internal sealed class PutIntegrationBody
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("httpMethod")] public string? IntegrationHttpMethod { get; set; }
        [JsonPropertyName("uri")] public string? Uri { get; set; }
        [JsonPropertyName("connectionType")] public string? ConnectionType { get; set; }
        [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }
        [JsonPropertyName("credentials")] public string? Credentials { get; set; }
        [JsonPropertyName("requestParameters")] public Dictionary<string, string>? RequestParameters { get; set; }
        [JsonPropertyName("requestTemplates")] public Dictionary<string, string>? RequestTemplates { get; set; }
        [JsonPropertyName("passthroughBehavior")] public string? PassthroughBehavior { get; set; }
        [JsonPropertyName("cacheNamespace")] public string? CacheNamespace { get; set; }
        [JsonPropertyName("cacheKeyParameters")] public List<string>? CacheKeyParameters { get; set; }
        [JsonPropertyName("contentHandling")] public string? ContentHandling { get; set; }
        [JsonPropertyName("timeoutInMillis")] public int? TimeoutInMillis { get; set; }
        [JsonPropertyName("tlsConfig")] public RestTlsConfigShape? TlsConfig { get; set; }
        [JsonPropertyName("responseTransferMode")] public string? ResponseTransferMode { get; set; }
        [JsonPropertyName("integrationTarget")] public string? IntegrationTarget { get; set; }

        public static PutIntegrationBody From(RestIntegrationDefinition d) => new PutIntegrationBody
        {
            Type = d.Type,
            IntegrationHttpMethod = d.IntegrationHttpMethod,
            Uri = d.Uri,
            ConnectionType = d.ConnectionType,
            ConnectionId = d.ConnectionId,
            Credentials = d.Credentials,
            // Empty maps and lists say nothing PutIntegration (which replaces the whole integration) would not assume anyway.
            RequestParameters = d.RequestParameters?.Count > 0 ? d.RequestParameters : null,
            RequestTemplates = d.RequestTemplates?.Count > 0 ? d.RequestTemplates : null,
            PassthroughBehavior = d.PassthroughBehavior,
            CacheNamespace = d.CacheNamespace,
            CacheKeyParameters = d.CacheKeyParameters?.Count > 0 ? d.CacheKeyParameters : null,
            ContentHandling = d.ContentHandling,
            TimeoutInMillis = d.TimeoutInMillis,
            TlsConfig = d.InsecureSkipVerification == null ? null : new RestTlsConfigShape { InsecureSkipVerification = d.InsecureSkipVerification },
            ResponseTransferMode = d.ResponseTransferMode,
            IntegrationTarget = d.IntegrationTarget,
        };
    }

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

    /// <summary>GetMethod's answer: only what the integration checks read.</summary>
    internal sealed class MethodShape
    {
        [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
        [JsonPropertyName("authorizationType")] public string? AuthorizationType { get; set; }
        [JsonPropertyName("requestParameters")] public Dictionary<string, bool?>? RequestParameters { get; set; }

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
}
