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
            new FieldSpec("ApiGatewayManaged", FieldKind.Ignored),
            new FieldSpec("Outcome", FieldKind.Ignored));

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

        /// <summary>
        /// The same definition with blank text ("" from an empty CSV cell) and empty maps (from an output object of
        /// Get-ApiIntegration) taken as not given: what CreateIntegration should be sent.
        /// </summary>
        public ApiIntegrationDefinition WithoutBlanks() => new ApiIntegrationDefinition
        {
            ApiId = Blank(ApiId),
            IntegrationId = Blank(IntegrationId),
            IntegrationType = Blank(IntegrationType),
            IntegrationSubtype = Blank(IntegrationSubtype),
            IntegrationUri = Blank(IntegrationUri),
            IntegrationMethod = Blank(IntegrationMethod),
            ConnectionType = Blank(ConnectionType),
            ConnectionId = Blank(ConnectionId),
            CredentialsArn = Blank(CredentialsArn),
            Description = Blank(Description),
            PayloadFormatVersion = Blank(PayloadFormatVersion),
            PassthroughBehavior = Blank(PassthroughBehavior),
            ContentHandlingStrategy = Blank(ContentHandlingStrategy),
            TemplateSelectionExpression = Blank(TemplateSelectionExpression),
            TimeoutInMillis = TimeoutInMillis,
            ServerNameToVerify = Blank(ServerNameToVerify),
            RequestParameters = RequestParameters == null || RequestParameters.Count == 0 ? null : new Dictionary<string, string>(RequestParameters),
            RequestTemplates = RequestTemplates == null || RequestTemplates.Count == 0 ? null : new Dictionary<string, string>(RequestTemplates),
            ResponseParameters = ResponseParameters == null || ResponseParameters.Count == 0 ? null : CopyMaps(ResponseParameters),
            ProtocolType = Blank(ProtocolType),
        };

        /// <summary>
        /// The enumerated members (type, connection type, method, passthrough behavior, content handling) in the upper
        /// case the service requires, for values that came from cmdlet parameters (whose value sets ignore case).
        /// Definitions piped in are not changed this way: the rules report their spelling instead.
        /// </summary>
        public ApiIntegrationDefinition InServiceCase()
        {
            IntegrationType = IntegrationType?.ToUpperInvariant();
            ConnectionType = ConnectionType?.ToUpperInvariant();
            IntegrationMethod = IntegrationMethod?.ToUpperInvariant();
            PassthroughBehavior = PassthroughBehavior?.ToUpperInvariant();
            ContentHandlingStrategy = ContentHandlingStrategy?.ToUpperInvariant();
            return this;
        }

        /// <summary>An existing integration as a definition (what Set-ApiIntegration changes and the rules check).</summary>
        public static ApiIntegrationDefinition FromIntegration(Models.ApiIntegration integration) => new ApiIntegrationDefinition
        {
            ApiId = integration.ApiId,
            IntegrationId = integration.IntegrationId,
            IntegrationType = integration.IntegrationType,
            IntegrationSubtype = integration.IntegrationSubtype,
            IntegrationUri = integration.IntegrationUri,
            IntegrationMethod = integration.IntegrationMethod,
            ConnectionType = integration.ConnectionType,
            ConnectionId = integration.ConnectionId,
            CredentialsArn = integration.CredentialsArn,
            Description = integration.Description,
            PayloadFormatVersion = integration.PayloadFormatVersion,
            PassthroughBehavior = integration.PassthroughBehavior,
            ContentHandlingStrategy = integration.ContentHandlingStrategy,
            TemplateSelectionExpression = integration.TemplateSelectionExpression,
            TimeoutInMillis = integration.TimeoutInMillis,
            ServerNameToVerify = integration.ServerNameToVerify,
            RequestParameters = new Dictionary<string, string>(integration.RequestParameters),
            RequestTemplates = new Dictionary<string, string>(integration.RequestTemplates),
            ResponseParameters = CopyMaps(integration.ResponseParameters),
            ProtocolType = integration.ProtocolType,
        }.WithoutBlanks();

        /// <summary>
        /// The integration as it will be after UpdateIntegration applies <paramref name="patch"/> (the members the
        /// user named): named members replace; the maps are merged key by key, and a key named with an empty value
        /// is removed, as the service does for HTTP API parameter mappings.
        /// </summary>
        public ApiIntegrationDefinition MergedWith(ApiIntegrationDefinition patch)
        {
            var merged = WithoutBlanks();
            merged.IntegrationType = patch.IntegrationType ?? merged.IntegrationType;
            merged.IntegrationSubtype = patch.IntegrationSubtype ?? merged.IntegrationSubtype;
            merged.IntegrationUri = patch.IntegrationUri ?? merged.IntegrationUri;
            merged.IntegrationMethod = patch.IntegrationMethod ?? merged.IntegrationMethod;
            merged.ConnectionType = patch.ConnectionType ?? merged.ConnectionType;
            merged.ConnectionId = patch.ConnectionId ?? merged.ConnectionId;
            merged.CredentialsArn = patch.CredentialsArn ?? merged.CredentialsArn;
            merged.Description = patch.Description ?? merged.Description;
            merged.PayloadFormatVersion = patch.PayloadFormatVersion ?? merged.PayloadFormatVersion;
            merged.PassthroughBehavior = patch.PassthroughBehavior ?? merged.PassthroughBehavior;
            merged.ContentHandlingStrategy = patch.ContentHandlingStrategy ?? merged.ContentHandlingStrategy;
            merged.TemplateSelectionExpression = patch.TemplateSelectionExpression ?? merged.TemplateSelectionExpression;
            merged.TimeoutInMillis = patch.TimeoutInMillis ?? merged.TimeoutInMillis;
            merged.ServerNameToVerify = patch.ServerNameToVerify ?? merged.ServerNameToVerify;
            merged.RequestParameters = Merge(merged.RequestParameters, patch.RequestParameters);
            merged.RequestTemplates = Merge(merged.RequestTemplates, patch.RequestTemplates);
            if (patch.ResponseParameters != null)
            {
                var responses = merged.ResponseParameters == null ? new Dictionary<string, Dictionary<string, string>>() : CopyMaps(merged.ResponseParameters);
                foreach (var status in patch.ResponseParameters)
                {
                    if (status.Value.Count == 0) responses.Remove(status.Key);
                    else responses[status.Key] = Merge(responses.TryGetValue(status.Key, out var old) ? old : null, status.Value) ?? new Dictionary<string, string>();
                }
                merged.ResponseParameters = responses.Count == 0 ? null : responses;
            }
            return merged.WithoutBlanks();
        }

        private static Dictionary<string, string>? Merge(Dictionary<string, string>? current, Dictionary<string, string>? patch)
        {
            if (patch == null) return current;
            var result = current == null ? new Dictionary<string, string>(System.StringComparer.Ordinal) : new Dictionary<string, string>(current);
            foreach (var pair in patch)
            {
                if (string.IsNullOrEmpty(pair.Value)) result.Remove(pair.Key);
                else result[pair.Key] = pair.Value;
            }
            return result.Count == 0 ? null : result;
        }

        private static Dictionary<string, Dictionary<string, string>> CopyMaps(Dictionary<string, Dictionary<string, string>> source)
        {
            var copy = new Dictionary<string, Dictionary<string, string>>(System.StringComparer.Ordinal);
            foreach (var pair in source) copy[pair.Key] = new Dictionary<string, string>(pair.Value);
            return copy;
        }

        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

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
