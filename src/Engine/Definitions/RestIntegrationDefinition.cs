using System.Collections.Generic;
using IntegrationTools.Rules;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// A REST API (v1) method integration as the user wants it: what PutIntegration takes, plus where it goes
    /// (RestApiId, ResourceId or ResourcePath, HttpMethod). Field names are the cmdlet parameter names; the AWS CLI's
    /// put-integration skeleton names (camelCase, e.g. integrationHttpMethod, tlsConfig.insecureSkipVerification)
    /// are read too.
    /// </summary>
    public sealed class RestIntegrationDefinition
    {
        public static readonly DefinitionSchema Schema = new DefinitionSchema("a REST API integration definition",
            new FieldSpec(nameof(RestApiId), FieldKind.String),
            new FieldSpec(nameof(ResourceId), FieldKind.String),
            new FieldSpec(nameof(ResourcePath), FieldKind.String),
            new FieldSpec(nameof(HttpMethod), FieldKind.String),
            new FieldSpec(nameof(Type), FieldKind.String),
            new FieldSpec(nameof(IntegrationHttpMethod), FieldKind.String),
            new FieldSpec(nameof(Uri), FieldKind.String),
            new FieldSpec(nameof(ConnectionType), FieldKind.String),
            new FieldSpec(nameof(ConnectionId), FieldKind.String),
            new FieldSpec(nameof(Credentials), FieldKind.String),
            new FieldSpec(nameof(RequestParameters), FieldKind.StringMap),
            new FieldSpec(nameof(RequestTemplates), FieldKind.StringMap),
            new FieldSpec(nameof(PassthroughBehavior), FieldKind.String),
            new FieldSpec(nameof(CacheNamespace), FieldKind.String),
            new FieldSpec(nameof(CacheKeyParameters), FieldKind.StringList),
            new FieldSpec(nameof(ContentHandling), FieldKind.String),
            new FieldSpec(nameof(TimeoutInMillis), FieldKind.Integer),
            new FieldSpec(nameof(InsecureSkipVerification), FieldKind.Boolean).In("tlsConfig"),
            new FieldSpec(nameof(ResponseTransferMode), FieldKind.String),
            new FieldSpec(nameof(IntegrationTarget), FieldKind.String),
            // Members of Get-RestIntegration's output objects that are not part of a definition.
            new FieldSpec("IntegrationResponses", FieldKind.Ignored),
            new FieldSpec("Outcome", FieldKind.Ignored));

        public string? RestApiId { get; set; }
        public string? ResourceId { get; set; }
        public string? ResourcePath { get; set; }
        public string? HttpMethod { get; set; }
        public string? Type { get; set; }
        public string? IntegrationHttpMethod { get; set; }
        public string? Uri { get; set; }
        public string? ConnectionType { get; set; }
        public string? ConnectionId { get; set; }
        public string? Credentials { get; set; }
        public Dictionary<string, string>? RequestParameters { get; set; }
        public Dictionary<string, string>? RequestTemplates { get; set; }
        public string? PassthroughBehavior { get; set; }
        public string? CacheNamespace { get; set; }
        public List<string>? CacheKeyParameters { get; set; }
        public string? ContentHandling { get; set; }
        public int? TimeoutInMillis { get; set; }
        public bool? InsecureSkipVerification { get; set; }
        public string? ResponseTransferMode { get; set; }
        public string? IntegrationTarget { get; set; }

        /// <summary>"restapi/abc /pets GET" — where the definition goes, for findings and messages.</summary>
        public string Target =>
            $"restapi/{RestApiId ?? "?"} {(ResourcePath ?? (ResourceId == null ? "?" : "resource/" + ResourceId))} {HttpMethod ?? "?"}";

        /// <summary>
        /// Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>. Enumerated
        /// values are upper-cased ('http_proxy' is HTTP_PROXY) and empty text counts as not given, so that an AWS CLI
        /// skeleton whose unused members are left "" reads as the members that were filled in.
        /// </summary>
        public static RestIntegrationDefinition Read(object? input, ICollection<Finding> findings, string target = "input")
        {
            var v = DefinitionReader.Read(Schema, input, target, findings);
            return new RestIntegrationDefinition
            {
                RestApiId = v.String(nameof(RestApiId)),
                ResourceId = v.String(nameof(ResourceId)),
                ResourcePath = v.String(nameof(ResourcePath)),
                HttpMethod = v.String(nameof(HttpMethod)),
                Type = v.String(nameof(Type)),
                IntegrationHttpMethod = v.String(nameof(IntegrationHttpMethod)),
                Uri = v.String(nameof(Uri)),
                ConnectionType = v.String(nameof(ConnectionType)),
                ConnectionId = v.String(nameof(ConnectionId)),
                Credentials = v.String(nameof(Credentials)),
                RequestParameters = v.Map(nameof(RequestParameters)),
                RequestTemplates = v.Map(nameof(RequestTemplates)),
                PassthroughBehavior = v.String(nameof(PassthroughBehavior)),
                CacheNamespace = v.String(nameof(CacheNamespace)),
                CacheKeyParameters = v.List(nameof(CacheKeyParameters)),
                ContentHandling = v.String(nameof(ContentHandling)),
                TimeoutInMillis = v.Integer(nameof(TimeoutInMillis)),
                InsecureSkipVerification = v.Boolean(nameof(InsecureSkipVerification)),
                ResponseTransferMode = v.String(nameof(ResponseTransferMode)),
                IntegrationTarget = v.String(nameof(IntegrationTarget)),
            }.Normalize();
        }

        /// <summary>The definition of an integration as the service returned it (for Update-RestIntegration's checks).</summary>
        public static RestIntegrationDefinition FromModel(Models.RestIntegration integration)
        {
            return new RestIntegrationDefinition
            {
                RestApiId = integration.RestApiId,
                ResourceId = integration.ResourceId,
                ResourcePath = integration.ResourcePath,
                HttpMethod = integration.HttpMethod,
                Type = integration.Type,
                IntegrationHttpMethod = integration.IntegrationHttpMethod,
                Uri = integration.Uri,
                ConnectionType = integration.ConnectionType,
                ConnectionId = integration.ConnectionId,
                Credentials = integration.Credentials,
                RequestParameters = integration.RequestParameters.Count == 0 ? null : new Dictionary<string, string>(integration.RequestParameters, System.StringComparer.Ordinal),
                RequestTemplates = integration.RequestTemplates.Count == 0 ? null : new Dictionary<string, string>(integration.RequestTemplates, System.StringComparer.Ordinal),
                PassthroughBehavior = integration.PassthroughBehavior,
                CacheNamespace = integration.CacheNamespace,
                CacheKeyParameters = integration.CacheKeyParameters.Count == 0 ? null : new List<string>(integration.CacheKeyParameters),
                ContentHandling = integration.ContentHandling,
                TimeoutInMillis = integration.TimeoutInMillis,
                InsecureSkipVerification = integration.InsecureSkipVerification,
                ResponseTransferMode = integration.ResponseTransferMode,
                IntegrationTarget = integration.IntegrationTarget,
            }.Normalize();
        }

        /// <summary>A copy whose every member is that of this definition (for patching without touching the original).</summary>
        public RestIntegrationDefinition Clone()
        {
            var copy = (RestIntegrationDefinition)MemberwiseClone();
            if (RequestParameters != null) copy.RequestParameters = new Dictionary<string, string>(RequestParameters, System.StringComparer.Ordinal);
            if (RequestTemplates != null) copy.RequestTemplates = new Dictionary<string, string>(RequestTemplates, System.StringComparer.Ordinal);
            if (CacheKeyParameters != null) copy.CacheKeyParameters = new List<string>(CacheKeyParameters);
            return copy;
        }

        private RestIntegrationDefinition Normalize()
        {
            RestApiId = Text(RestApiId);
            ResourceId = Text(ResourceId);
            ResourcePath = Text(ResourcePath);
            HttpMethod = Upper(HttpMethod);
            Type = Upper(Type);
            IntegrationHttpMethod = Upper(IntegrationHttpMethod);
            Uri = Text(Uri);
            ConnectionType = Upper(ConnectionType);
            ConnectionId = Text(ConnectionId);
            Credentials = Text(Credentials);
            PassthroughBehavior = Upper(PassthroughBehavior);
            CacheNamespace = Text(CacheNamespace);
            ContentHandling = Upper(ContentHandling);
            ResponseTransferMode = Upper(ResponseTransferMode);
            IntegrationTarget = Text(IntegrationTarget);
            return this;
        }

        internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        internal static string? Upper(string? value) => Text(value)?.ToUpperInvariant();
    }
}
