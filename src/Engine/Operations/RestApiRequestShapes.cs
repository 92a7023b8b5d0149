using System.Text.Json.Serialization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    // Request bodies of the REST API (v1) changing operations, member names exactly as apigateway-2015-07-09 puts them on
    // the wire. Members left null are not sent.

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
}
