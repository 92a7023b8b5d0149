using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// An HTTP or WebSocket API (v2) integration as the user wants it: what CreateIntegration / UpdateIntegration take.
    /// Field names are the cmdlet parameter names, which are also the AWS CLI's PascalCase skeleton names
    /// (TlsConfig.ServerNameToVerify is read from the nested form too).
    /// </summary>
    internal sealed class ApiIntegrationDefinition
    {
        /// <summary>
        /// The field table of HTTP and WebSocket API integrations: each member once, with its wire name, the default the
        /// service fills in (which may depend on the API's protocol), and whether it is enumerated. CreateIntegration and
        /// UpdateIntegration bodies (members in wire-name order), the comparison (Set-ApiIntegration's Unchanged,
        /// Test-ApiIntegration -Live) and reading all come from here.
        /// </summary>
        public static readonly DefinitionSchema Schema = new DefinitionSchema("an HTTP or WebSocket API integration definition",
            new FieldSpec(nameof(ApiId), FieldKind.String).AsTarget(),
            // Id, Type and Uri are the module's alias properties of Get-ApiIntegration's output (IntegrationTools.Types.ps1xml).
            new FieldSpec(nameof(IntegrationId), FieldKind.String, "Id").AsTarget().AssignedId(),
            new FieldSpec(nameof(IntegrationType), FieldKind.String, "Type").Sent("integrationType").Upper(),
            new FieldSpec(nameof(IntegrationSubtype), FieldKind.String).Sent("integrationSubtype"),
            new FieldSpec(nameof(IntegrationUri), FieldKind.String, "Uri").Sent("integrationUri"),
            // An HTTP API's Lambda proxy integration calls the function with POST whatever the definition says; a WebSocket
            // API's names its method (IT2011), so it has no default there.
            new FieldSpec(nameof(IntegrationMethod), FieldKind.String).Sent("integrationMethod").Upper()
                .Default(c => !c.WebSocket && string.Equals(c.DeployedType, ApiIntegrationValues.AwsProxy, StringComparison.OrdinalIgnoreCase) ? "POST" : null),
            new FieldSpec(nameof(ConnectionType), FieldKind.String).Sent("connectionType").Upper().Default(ApiIntegrationValues.Internet),
            new FieldSpec(nameof(ConnectionId), FieldKind.String).Sent("connectionId"),
            new FieldSpec(nameof(CredentialsArn), FieldKind.String).Sent("credentialsArn"),
            new FieldSpec(nameof(Description), FieldKind.String).Sent("description"),
            new FieldSpec(nameof(PayloadFormatVersion), FieldKind.String).Sent("payloadFormatVersion").Default(c => c.WebSocket ? "1.0" : null),
            new FieldSpec(nameof(PassthroughBehavior), FieldKind.String).Sent("passthroughBehavior").Upper().Default(c => c.WebSocket ? "WHEN_NO_MATCH" : null),
            new FieldSpec(nameof(ContentHandlingStrategy), FieldKind.String).Sent("contentHandlingStrategy").Upper(),
            new FieldSpec(nameof(TemplateSelectionExpression), FieldKind.String).Sent("templateSelectionExpression"),
            new FieldSpec(nameof(TimeoutInMillis), FieldKind.Integer).Sent("timeoutInMillis")
                .Default(c => c.WebSocket ? ApiIntegrationValues.MaxWebSocketTimeout : ApiIntegrationValues.MaxHttpApiTimeout),
            new FieldSpec(nameof(ServerNameToVerify), FieldKind.String).Sent("tlsConfig/serverNameToVerify"),
            new FieldSpec(nameof(RequestParameters), FieldKind.StringMap).Sent("requestParameters"),
            new FieldSpec(nameof(RequestTemplates), FieldKind.StringMap).Sent("requestTemplates"),
            new FieldSpec(nameof(ResponseParameters), FieldKind.MapOfStringMaps).Sent("responseParameters"),
            // The keys of the routes that send their requests to the integration ('GET /orders', '$default', 'sendMessage'):
            // CreateRoute / UpdateRoute target, never a member of the integration; they also identify it (ApiIntegrationMatcher).
            new FieldSpec(nameof(RouteKeys), FieldKind.StringList, "RouteKey").AsRoute(),
            // Members of Get-ApiIntegration's output objects: the API's protocol (read: the rules use it), and read-only ones.
            new FieldSpec(nameof(ProtocolType), FieldKind.String).AsTarget(),
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
        /// <summary>The keys of the routes to point at the integration (created when missing, re-targeted when they point elsewhere).</summary>
        public List<string>? RouteKeys { get; set; }
        /// <summary>HTTP or WEBSOCKET when the definition says (output objects of Get-ApiIntegration carry it).</summary>
        public string? ProtocolType { get; set; }

        /// <summary>
        /// The same definition with blank text ("" from an empty CSV cell) and empty maps (from an output object of
        /// Get-ApiIntegration) taken as not given: what CreateIntegration should be sent.
        /// </summary>
        public ApiIntegrationDefinition WithoutBlanks()
        {
            var copy = new ApiIntegrationDefinition();
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo) FieldValues.Set(copy, field, FieldValues.NullIfEmpty(FieldValues.Get(this, field)));
            return copy;
        }

        /// <summary>
        /// The enumerated members (type, connection type, method, passthrough behavior, content handling) in the upper
        /// case the service requires, for values that came from cmdlet parameters (whose value sets ignore case).
        /// Definitions piped in are not changed this way: the rules report their spelling instead.
        /// </summary>
        public ApiIntegrationDefinition InServiceCase()
        {
            foreach (var field in Schema.Fields)
                if (field.Enumerated && FieldValues.Get(this, field) is string text) FieldValues.Set(this, field, text.ToUpperInvariant());
            return this;
        }

        /// <summary>An existing integration as a definition (what Set-ApiIntegration changes and the rules check).</summary>
        public static ApiIntegrationDefinition FromIntegration(Models.ApiIntegration integration)
        {
            var definition = new ApiIntegrationDefinition();
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo) FieldValues.Set(definition, field, FieldValues.NullIfEmpty(FieldValues.Get(integration, field)));
            return definition;
        }

        /// <summary>
        /// The integration as it will be after UpdateIntegration applies <paramref name="patch"/> (the members the
        /// user named): named members replace; the maps are merged key by key, and a key named with an empty value
        /// is removed, as the service does for HTTP API parameter mappings.
        /// </summary>
        public ApiIntegrationDefinition MergedWith(ApiIntegrationDefinition patch)
        {
            var merged = WithoutBlanks();
            foreach (var field in Schema.IntegrationFields)
            {
                var change = FieldValues.Get(patch, field);
                if (change == null) continue;
                switch (field.Kind)
                {
                    case FieldKind.StringMap:
                        FieldValues.Set(merged, field, Merge((Dictionary<string, string>?)FieldValues.Get(merged, field), (Dictionary<string, string>)change));
                        break;
                    case FieldKind.MapOfStringMaps:
                        FieldValues.Set(merged, field, MergeByStatus((Dictionary<string, Dictionary<string, string>>?)FieldValues.Get(merged, field), (Dictionary<string, Dictionary<string, string>>)change));
                        break;
                    default:
                        FieldValues.Set(merged, field, change);
                        break;
                }
            }
            return merged.WithoutBlanks();
        }

        private static Dictionary<string, Dictionary<string, string>>? MergeByStatus(Dictionary<string, Dictionary<string, string>>? current, Dictionary<string, Dictionary<string, string>> patch)
        {
            var responses = current == null ? new Dictionary<string, Dictionary<string, string>>() : CopyMaps(current);
            foreach (var status in patch)
            {
                if (status.Value.Count == 0) responses.Remove(status.Key);
                else responses[status.Key] = Merge(responses.TryGetValue(status.Key, out var old) ? old : null, status.Value) ?? new Dictionary<string, string>();
            }
            return responses.Count == 0 ? null : responses;
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

        /// <summary>
        /// The parameters given beside a piped definition (plain data) take precedence: <paramref name="apiId"/> sends it to
        /// that API (an IntegrationId of another API is dropped there: ids belong to their API, so the definition is matched
        /// instead), <paramref name="routeKeys"/> replaces its route keys.
        /// </summary>
        public static void OverrideTarget(System.Collections.IDictionary definition, string? apiId, IEnumerable<string>? routeKeys)
        {
            if (apiId != null)
            {
                var previous = Schema.TextIn(definition, nameof(ApiId));
                if (previous != null && !string.Equals(previous.Trim(), apiId, StringComparison.Ordinal)) Schema.RemoveFrom(definition, nameof(IntegrationId));
                Schema.SetIn(definition, nameof(ApiId), apiId);
            }
            if (routeKeys != null) Schema.SetIn(definition, nameof(RouteKeys), new List<string>(routeKeys));
        }

        /// <summary>"api/abc integration/xyz" — where the definition goes, for findings and messages.</summary>
        public string Target => $"api/{ApiId ?? "?"}" + (IntegrationId == null ? "" : $" integration/{IntegrationId}");

        /// <summary>
        /// Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>. Empty values
        /// are not given, unless <paramref name="keepEmpty"/> (Set-ApiIntegration's parameters, where '' clears a value).
        /// </summary>
        public static ApiIntegrationDefinition Read(object? input, ICollection<Finding> findings, string target = "input", bool keepEmpty = false)
        {
            var values = DefinitionReader.Read(Schema, input, target, findings, keepEmpty);
            var definition = new ApiIntegrationDefinition();
            // A new definition's members are null: only the values read are set.
            foreach (var field in Schema.Fields)
                if (field.Role != FieldRole.Echo && values.Get(field) is { } value) FieldValues.Set(definition, field, value);
            return definition;
        }
    }
}
