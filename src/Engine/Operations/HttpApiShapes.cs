using System.Text.Json.Serialization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    // Wire shapes of API Gateway v2 (apigatewayv2-2018-11-29). The AWS CLI prints these members PascalCase;
    // on the wire they are camelCase, as the service model's locationName says.

    internal sealed class V2IntegrationShape
    {
        [JsonPropertyName("apiGatewayManaged")] public bool? ApiGatewayManaged { get; set; }
        [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }
        [JsonPropertyName("connectionType")] public string? ConnectionType { get; set; }
        [JsonPropertyName("contentHandlingStrategy")] public string? ContentHandlingStrategy { get; set; }
        [JsonPropertyName("credentialsArn")] public string? CredentialsArn { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("integrationId")] public string? IntegrationId { get; set; }
        [JsonPropertyName("integrationMethod")] public string? IntegrationMethod { get; set; }
        [JsonPropertyName("integrationResponseSelectionExpression")] public string? IntegrationResponseSelectionExpression { get; set; }
        [JsonPropertyName("integrationSubtype")] public string? IntegrationSubtype { get; set; }
        [JsonPropertyName("integrationType")] public string? IntegrationType { get; set; }
        [JsonPropertyName("integrationUri")] public string? IntegrationUri { get; set; }
        [JsonPropertyName("passthroughBehavior")] public string? PassthroughBehavior { get; set; }
        [JsonPropertyName("payloadFormatVersion")] public string? PayloadFormatVersion { get; set; }
        [JsonPropertyName("requestParameters")] public Dictionary<string, string?>? RequestParameters { get; set; }
        [JsonPropertyName("requestTemplates")] public Dictionary<string, string?>? RequestTemplates { get; set; }
        [JsonPropertyName("responseParameters")] public Dictionary<string, Dictionary<string, string?>>? ResponseParameters { get; set; }
        [JsonPropertyName("templateSelectionExpression")] public string? TemplateSelectionExpression { get; set; }
        [JsonPropertyName("timeoutInMillis")] public int? TimeoutInMillis { get; set; }
        [JsonPropertyName("tlsConfig")] public V2TlsConfigShape? TlsConfig { get; set; }

        public ApiIntegration ToModel(string apiId, string? protocolType) => new ApiIntegration
        {
            ApiId = apiId,
            ProtocolType = protocolType,
            IntegrationId = IntegrationId ?? "",
            IntegrationType = IntegrationType,
            IntegrationSubtype = IntegrationSubtype,
            IntegrationUri = IntegrationUri,
            IntegrationMethod = IntegrationMethod,
            ConnectionType = ConnectionType,
            ConnectionId = ConnectionId,
            CredentialsArn = CredentialsArn,
            Description = Description,
            PayloadFormatVersion = PayloadFormatVersion,
            PassthroughBehavior = PassthroughBehavior,
            ContentHandlingStrategy = ContentHandlingStrategy,
            TemplateSelectionExpression = TemplateSelectionExpression,
            IntegrationResponseSelectionExpression = IntegrationResponseSelectionExpression,
            TimeoutInMillis = TimeoutInMillis,
            ServerNameToVerify = TlsConfig?.ServerNameToVerify,
            ApiGatewayManaged = ApiGatewayManaged ?? false,
            RequestParameters = Maps.Copy(RequestParameters),
            RequestTemplates = Maps.Copy(RequestTemplates),
            ResponseParameters = Maps.CopyByKey(ResponseParameters),
        };
    }

    internal sealed class V2TlsConfigShape
    {
        [JsonPropertyName("serverNameToVerify")] public string? ServerNameToVerify { get; set; }
    }

    /// <summary>A page of any listing (GetApis, GetIntegrations, GetRoutes, GetIntegrationResponses, GetVpcLinks).</summary>
    internal sealed class V2PageShape<T>
    {
        [JsonPropertyName("items")] public List<T>? Items { get; set; }
        [JsonPropertyName("nextToken")] public string? NextToken { get; set; }
    }

    internal sealed class V2ApiShape
    {
        [JsonPropertyName("apiId")] public string? ApiId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("protocolType")] public string? ProtocolType { get; set; }
        [JsonPropertyName("apiEndpoint")] public string? ApiEndpoint { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("routeSelectionExpression")] public string? RouteSelectionExpression { get; set; }

        public ApiInfo ToModel() => new ApiInfo
        {
            ApiId = ApiId ?? "",
            Name = Name,
            ProtocolType = ProtocolType,
            ApiEndpoint = ApiEndpoint,
            Description = Description,
            RouteSelectionExpression = RouteSelectionExpression,
        };
    }

    internal sealed class V2RouteShape
    {
        [JsonPropertyName("apiGatewayManaged")] public bool? ApiGatewayManaged { get; set; }
        [JsonPropertyName("routeId")] public string? RouteId { get; set; }
        [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }
        [JsonPropertyName("target")] public string? Target { get; set; }

        public ApiRoute ToModel(string apiId) => new ApiRoute
        {
            ApiId = apiId,
            RouteId = RouteId ?? "",
            RouteKey = RouteKey,
            Target = Target,
            ApiGatewayManaged = ApiGatewayManaged ?? false,
        };
    }

    internal sealed class V2IntegrationResponseShape
    {
        [JsonPropertyName("contentHandlingStrategy")] public string? ContentHandlingStrategy { get; set; }
        [JsonPropertyName("integrationResponseId")] public string? IntegrationResponseId { get; set; }
        [JsonPropertyName("integrationResponseKey")] public string? IntegrationResponseKey { get; set; }
        [JsonPropertyName("responseParameters")] public Dictionary<string, string?>? ResponseParameters { get; set; }
        [JsonPropertyName("responseTemplates")] public Dictionary<string, string?>? ResponseTemplates { get; set; }
        [JsonPropertyName("templateSelectionExpression")] public string? TemplateSelectionExpression { get; set; }

        public ApiIntegrationResponse ToModel(ApiInfo api, string integrationId) => new ApiIntegrationResponse
        {
            ApiId = api.ApiId,
            ProtocolType = api.ProtocolType,
            IntegrationId = integrationId,
            IntegrationResponseId = IntegrationResponseId ?? "",
            IntegrationResponseKey = IntegrationResponseKey,
            ContentHandlingStrategy = ContentHandlingStrategy,
            TemplateSelectionExpression = TemplateSelectionExpression,
            ResponseParameters = Maps.Copy(ResponseParameters),
            ResponseTemplates = Maps.Copy(ResponseTemplates),
        };
    }

    /// <summary>The body of CreateIntegrationResponse (IntegrationId and ApiId go in the path).</summary>
    internal sealed class V2IntegrationResponseInputShape
    {
        [JsonPropertyName("contentHandlingStrategy")] public string? ContentHandlingStrategy { get; set; }
        [JsonPropertyName("integrationResponseKey")] public string? IntegrationResponseKey { get; set; }
        [JsonPropertyName("responseParameters")] public Dictionary<string, string>? ResponseParameters { get; set; }
        [JsonPropertyName("responseTemplates")] public Dictionary<string, string>? ResponseTemplates { get; set; }
        [JsonPropertyName("templateSelectionExpression")] public string? TemplateSelectionExpression { get; set; }

        public static V2IntegrationResponseInputShape From(ApiIntegrationResponseDefinition d) => new V2IntegrationResponseInputShape
        {
            ContentHandlingStrategy = d.ContentHandlingStrategy,
            IntegrationResponseKey = d.IntegrationResponseKey,
            ResponseParameters = d.ResponseParameters == null || d.ResponseParameters.Count == 0 ? null : d.ResponseParameters,
            ResponseTemplates = d.ResponseTemplates == null || d.ResponseTemplates.Count == 0 ? null : d.ResponseTemplates,
            TemplateSelectionExpression = d.TemplateSelectionExpression,
        };
    }

    internal sealed class V2VpcLinkShape
    {
        [JsonPropertyName("vpcLinkId")] public string? VpcLinkId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("vpcLinkStatus")] public string? VpcLinkStatus { get; set; }
        [JsonPropertyName("vpcLinkStatusMessage")] public string? VpcLinkStatusMessage { get; set; }
        [JsonPropertyName("vpcLinkVersion")] public string? VpcLinkVersion { get; set; }

        public ApiVpcLink ToModel() => new ApiVpcLink
        {
            VpcLinkId = VpcLinkId ?? "",
            Name = Name,
            VpcLinkStatus = VpcLinkStatus,
            VpcLinkStatusMessage = VpcLinkStatusMessage,
            VpcLinkVersion = VpcLinkVersion,
        };
    }
}
