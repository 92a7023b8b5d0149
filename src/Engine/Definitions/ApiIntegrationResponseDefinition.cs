using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// An integration response of a WebSocket API integration as the user wants it: what CreateIntegrationResponse
    /// takes. Field names are the cmdlet parameter names (the AWS CLI's PascalCase names).
    /// </summary>
    internal sealed class ApiIntegrationResponseDefinition
    {
        public static readonly DefinitionSchema Schema = new DefinitionSchema("a WebSocket API integration response definition",
            new FieldSpec(nameof(ApiId), FieldKind.String),
            new FieldSpec(nameof(IntegrationId), FieldKind.String),
            new FieldSpec(nameof(IntegrationResponseKey), FieldKind.String),
            new FieldSpec(nameof(ContentHandlingStrategy), FieldKind.String),
            new FieldSpec(nameof(TemplateSelectionExpression), FieldKind.String),
            new FieldSpec(nameof(ResponseTemplates), FieldKind.StringMap),
            new FieldSpec(nameof(ResponseParameters), FieldKind.StringMap),
            new FieldSpec(nameof(ProtocolType), FieldKind.String),
            // Members of Get-ApiIntegrationResponse's output objects that are not part of a definition.
            new FieldSpec("IntegrationResponseId", FieldKind.Ignored, "Id"));

        public string? ApiId { get; set; }
        public string? IntegrationId { get; set; }
        /// <summary>'$default', or a regular expression between slashes matched against the integration's status code, e.g. '/2\d\d/'.</summary>
        public string? IntegrationResponseKey { get; set; }
        public string? ContentHandlingStrategy { get; set; }
        public string? TemplateSelectionExpression { get; set; }
        public Dictionary<string, string>? ResponseTemplates { get; set; }
        public Dictionary<string, string>? ResponseParameters { get; set; }
        /// <summary>HTTP or WEBSOCKET when known.</summary>
        public string? ProtocolType { get; set; }

        /// <summary>Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>.</summary>
        public static ApiIntegrationResponseDefinition Read(object? input, ICollection<Finding> findings, string target = "input")
        {
            var v = DefinitionReader.Read(Schema, input, target, findings);
            return new ApiIntegrationResponseDefinition
            {
                ApiId = v.String(nameof(ApiId)),
                IntegrationId = v.String(nameof(IntegrationId)),
                IntegrationResponseKey = v.String(nameof(IntegrationResponseKey)),
                ContentHandlingStrategy = v.String(nameof(ContentHandlingStrategy)),
                TemplateSelectionExpression = v.String(nameof(TemplateSelectionExpression)),
                ResponseTemplates = v.Map(nameof(ResponseTemplates)),
                ResponseParameters = v.Map(nameof(ResponseParameters)),
                ProtocolType = v.String(nameof(ProtocolType)),
            };
        }

        /// <summary>The content handling strategy in the upper case the service requires (for values from cmdlet parameters).</summary>
        public ApiIntegrationResponseDefinition InServiceCase()
        {
            ContentHandlingStrategy = ContentHandlingStrategy?.ToUpperInvariant();
            return this;
        }

        /// <summary>"api/abc integration/xyz response/$default" — for findings and messages.</summary>
        public string Target => $"api/{ApiId ?? "?"} integration/{IntegrationId ?? "?"}" + (IntegrationResponseKey == null ? "" : $" response/{IntegrationResponseKey}");
    }
}
