using System.Collections.Generic;
using IntegrationTools.Rules;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// An HTTP or WebSocket API (v2) integration as the user wants it: what CreateIntegration / UpdateIntegration take.
    /// Field names are the cmdlet parameter names, which are also the AWS CLI's PascalCase skeleton names
    /// (TlsConfig.ServerNameToVerify is read from the nested form too).
    /// </summary>
    public sealed class ApiIntegrationDefinition
    {
        public static readonly DefinitionSchema Schema = new DefinitionSchema("an HTTP or WebSocket API integration definition",
            new FieldSpec(nameof(ApiId), FieldKind.String),
            new FieldSpec(nameof(IntegrationId), FieldKind.String),
            new FieldSpec(nameof(IntegrationType), FieldKind.String),
            new FieldSpec(nameof(IntegrationSubtype), FieldKind.String),
            new FieldSpec(nameof(IntegrationUri), FieldKind.String),
            new FieldSpec(nameof(IntegrationMethod), FieldKind.String),
            new FieldSpec(nameof(ConnectionType), FieldKind.String),
            new FieldSpec(nameof(ConnectionId), FieldKind.String),
            new FieldSpec(nameof(CredentialsArn), FieldKind.String),
            new FieldSpec(nameof(Description), FieldKind.String),
            new FieldSpec(nameof(PayloadFormatVersion), FieldKind.String),
            new FieldSpec(nameof(PassthroughBehavior), FieldKind.String),
            new FieldSpec(nameof(ContentHandlingStrategy), FieldKind.String),
            new FieldSpec(nameof(TemplateSelectionExpression), FieldKind.String),
            new FieldSpec(nameof(TimeoutInMillis), FieldKind.Integer),
            new FieldSpec(nameof(ServerNameToVerify), FieldKind.String).In("TlsConfig"),
            new FieldSpec(nameof(RequestParameters), FieldKind.StringMap),
            new FieldSpec(nameof(RequestTemplates), FieldKind.StringMap),
            new FieldSpec(nameof(ResponseParameters), FieldKind.MapOfStringMaps),
            // Members of Get-ApiIntegration's output objects that are not part of a definition.
            new FieldSpec(nameof(ProtocolType), FieldKind.String),
            new FieldSpec("IntegrationResponseSelectionExpression", FieldKind.Ignored),
            new FieldSpec("ApiGatewayManaged", FieldKind.Ignored));

        public string? ApiId { get; set; }
        /// <summary>Set when the definition describes an existing integration (Set-ApiIntegration, Test-ApiIntegration -Live).</summary>
        public string? IntegrationId { get; set; }
        public string? IntegrationType { get; set; }
        public string? IntegrationSubtype { get; set; }
        public string? IntegrationUri { get; set; }
        public string? IntegrationMethod { get; set; }
        public string? ConnectionType { get; set; }
        public string? ConnectionId { get; set; }
        public string? CredentialsArn { get; set; }
        public string? Description { get; set; }
        public string? PayloadFormatVersion { get; set; }
        public string? PassthroughBehavior { get; set; }
        public string? ContentHandlingStrategy { get; set; }
        public string? TemplateSelectionExpression { get; set; }
        public int? TimeoutInMillis { get; set; }
        public string? ServerNameToVerify { get; set; }
        public Dictionary<string, string>? RequestParameters { get; set; }
        public Dictionary<string, string>? RequestTemplates { get; set; }
        public Dictionary<string, Dictionary<string, string>>? ResponseParameters { get; set; }
        /// <summary>HTTP or WEBSOCKET when the definition says (output objects of Get-ApiIntegration carry it).</summary>
        public string? ProtocolType { get; set; }

        /// <summary>"api/abc integration/xyz" — where the definition goes, for findings and messages.</summary>
        public string Target => $"api/{ApiId ?? "?"}" + (IntegrationId == null ? "" : $" integration/{IntegrationId}");

        /// <summary>Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>.</summary>
        public static ApiIntegrationDefinition Read(object? input, ICollection<Finding> findings, string target = "input")
        {
            var v = DefinitionReader.Read(Schema, input, target, findings);
            return new ApiIntegrationDefinition
            {
                ApiId = v.String(nameof(ApiId)),
                IntegrationId = v.String(nameof(IntegrationId)),
                IntegrationType = v.String(nameof(IntegrationType)),
                IntegrationSubtype = v.String(nameof(IntegrationSubtype)),
                IntegrationUri = v.String(nameof(IntegrationUri)),
                IntegrationMethod = v.String(nameof(IntegrationMethod)),
                ConnectionType = v.String(nameof(ConnectionType)),
                ConnectionId = v.String(nameof(ConnectionId)),
                CredentialsArn = v.String(nameof(CredentialsArn)),
                Description = v.String(nameof(Description)),
                PayloadFormatVersion = v.String(nameof(PayloadFormatVersion)),
                PassthroughBehavior = v.String(nameof(PassthroughBehavior)),
                ContentHandlingStrategy = v.String(nameof(ContentHandlingStrategy)),
                TemplateSelectionExpression = v.String(nameof(TemplateSelectionExpression)),
                TimeoutInMillis = v.Integer(nameof(TimeoutInMillis)),
                ServerNameToVerify = v.String(nameof(ServerNameToVerify)),
                RequestParameters = v.Map(nameof(RequestParameters)),
                RequestTemplates = v.Map(nameof(RequestTemplates)),
                ResponseParameters = v.MapOfMaps(nameof(ResponseParameters)),
                ProtocolType = v.String(nameof(ProtocolType)),
            };
        }
    }
}
