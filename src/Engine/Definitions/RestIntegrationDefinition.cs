using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// A REST API (v1) method integration as the user wants it: what PutIntegration takes, plus where it goes
    /// (RestApiId, ResourceId or ResourcePath, HttpMethod). Field names are the cmdlet parameter names; the AWS CLI's
    /// put-integration skeleton names (camelCase, e.g. integrationHttpMethod, tlsConfig.insecureSkipVerification)
    /// are read too.
    /// </summary>
    internal sealed class RestIntegrationDefinition : RestMethodDefinition
    {
        /// <summary>
        /// The field table of REST API integrations: each member once, with its wire name (the patch path is "/" + it), the
        /// default the service fills in, and whether it is enumerated. PutIntegration bodies, UpdateIntegration patch
        /// operations, the drift comparison (Set-RestIntegration's Unchanged, Test-ApiIntegration -Live) and reading all
        /// come from here, in this order (the order of PutIntegration's body).
        /// </summary>
        public static readonly DefinitionSchema Schema = new DefinitionSchema("a REST API integration definition", MethodTarget(
            new FieldSpec(nameof(Type), FieldKind.String).Sent("type").Upper(),
            // The backend method: the input member integrationHttpMethod travels as "httpMethod". A MOCK integration has
            // no backend, and the service keeps no backend method for it.
            new FieldSpec(nameof(IntegrationHttpMethod), FieldKind.String).Sent("httpMethod").Upper()
                .ComparedWhen(c => !string.Equals(c.DefinedType, "MOCK", StringComparison.OrdinalIgnoreCase)),
            new FieldSpec(nameof(Uri), FieldKind.String).Sent("uri"),
            new FieldSpec(nameof(ConnectionType), FieldKind.String).Sent("connectionType").Upper().Default("INTERNET"),
            new FieldSpec(nameof(ConnectionId), FieldKind.String).Sent("connectionId"),
            new FieldSpec(nameof(Credentials), FieldKind.String).Sent("credentials"),
            new FieldSpec(nameof(RequestParameters), FieldKind.StringMap).Sent("requestParameters"),
            new FieldSpec(nameof(RequestTemplates), FieldKind.StringMap).Sent("requestTemplates"),
            new FieldSpec(nameof(PassthroughBehavior), FieldKind.String).Sent("passthroughBehavior").Upper().Default("WHEN_NO_MATCH"),
            new FieldSpec(nameof(CacheNamespace), FieldKind.String).Sent("cacheNamespace").Default(c => c.ResourceId),
            new FieldSpec(nameof(CacheKeyParameters), FieldKind.StringList).Sent("cacheKeyParameters"),
            new FieldSpec(nameof(ContentHandling), FieldKind.String).Sent("contentHandling").Upper(),
            new FieldSpec(nameof(TimeoutInMillis), FieldKind.Integer).Sent("timeoutInMillis").Default(RestFacts.DefaultTimeout),
            new FieldSpec(nameof(InsecureSkipVerification), FieldKind.Boolean).Sent("tlsConfig/insecureSkipVerification").Default(false),
            new FieldSpec(nameof(ResponseTransferMode), FieldKind.String).Sent("responseTransferMode").Upper().Default("BUFFERED"),
            new FieldSpec(nameof(IntegrationTarget), FieldKind.String).Sent("integrationTarget"),
            // Members of Get-RestIntegration's output objects that are not part of a definition.
            new FieldSpec("IntegrationResponses", FieldKind.Ignored),
            new FieldSpec("Outcome", FieldKind.Ignored)));

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

        /// <summary>
        /// Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>. Enumerated
        /// values are upper-cased ('http_proxy' is HTTP_PROXY) and empty text counts as not given, so that an AWS CLI
        /// skeleton whose unused members are left "" reads as the members that were filled in.
        /// </summary>
        public static RestIntegrationDefinition Read(object? input, ICollection<Finding> findings, string target = "input")
        {
            var values = DefinitionReader.Read(Schema, input, target, findings);
            var definition = new RestIntegrationDefinition();
            // A new definition's members are null: only the values read are set.
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo && values.Get(field) is { } value) FieldValues.Set(definition, field, FieldValues.Normalized(field, value));
            return definition;
        }

        /// <summary>The definition of an integration as the service returned it (for Update-RestIntegration's checks and the comparison).</summary>
        public static RestIntegrationDefinition FromModel(Models.RestIntegration integration)
        {
            var definition = new RestIntegrationDefinition();
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo) FieldValues.Set(definition, field, FieldValues.Normalized(field, FieldValues.NullIfEmpty(FieldValues.Get(integration, field))));
            return definition;
        }

        /// <summary>A copy whose every member is that of this definition (for patching without touching the original).</summary>
        public RestIntegrationDefinition Clone()
        {
            var copy = new RestIntegrationDefinition();
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo) FieldValues.Set(copy, field, FieldValues.Copy(FieldValues.Get(this, field)));
            return copy;
        }

        internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        internal static string? Upper(string? value) => Text(value)?.ToUpperInvariant();
    }
}
