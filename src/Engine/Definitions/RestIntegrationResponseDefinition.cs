using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// One integration response of a REST API (v1) method integration as the user wants it: what
    /// PutIntegrationResponse takes, plus where it goes (RestApiId, ResourceId or ResourcePath, HttpMethod). Field
    /// names are the cmdlet parameter names; the AWS CLI's put-integration-response skeleton names (camelCase) match
    /// them case-insensitively.
    /// </summary>
    internal sealed class RestIntegrationResponseDefinition : RestMethodDefinition
    {
        public static readonly DefinitionSchema Schema = new DefinitionSchema("a REST API integration response definition",
            MethodTarget(
                new FieldSpec(nameof(StatusCode), FieldKind.String),
                new FieldSpec(nameof(SelectionPattern), FieldKind.String).KeepsEmptyText(),
                new FieldSpec(nameof(ResponseParameters), FieldKind.StringMap),
                new FieldSpec(nameof(ResponseTemplates), FieldKind.StringMap),
                new FieldSpec(nameof(ContentHandling), FieldKind.String).Upper()));

        public string? StatusCode { get; set; }
        /// <summary>The regular expression that picks this response; "" is kept (it is the default response's pattern).</summary>
        public string? SelectionPattern { get; set; }
        public Dictionary<string, string>? ResponseParameters { get; set; }
        public Dictionary<string, string>? ResponseTemplates { get; set; }
        public string? ContentHandling { get; set; }

        /// <summary>"restapi/abc /pets GET 200" — where the definition goes, for findings and messages.</summary>
        public override string Target => base.Target + $" {StatusCode ?? "?"}";

        /// <summary>Reads plain data (see <see cref="DefinitionReader"/>); problems go to <paramref name="findings"/>.</summary>
        public static RestIntegrationResponseDefinition Read(object? input, ICollection<Finding> findings, string target = "input")
        {
            var v = DefinitionReader.Read(Schema, input, target, findings);
            return new RestIntegrationResponseDefinition
            {
                RestApiId = RestIntegrationDefinition.Text(v.String(nameof(RestApiId))),
                ResourceId = RestIntegrationDefinition.Text(v.String(nameof(ResourceId))),
                ResourcePath = RestIntegrationDefinition.Text(v.String(nameof(ResourcePath))),
                HttpMethod = RestIntegrationDefinition.Upper(v.String(nameof(HttpMethod))),
                StatusCode = RestIntegrationDefinition.Text(v.String(nameof(StatusCode))),
                SelectionPattern = v.String(nameof(SelectionPattern)),
                ResponseParameters = v.Map(nameof(ResponseParameters)),
                ResponseTemplates = v.Map(nameof(ResponseTemplates)),
                ContentHandling = RestIntegrationDefinition.Upper(v.String(nameof(ContentHandling))),
            };
        }
    }
}
