namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Where a REST API (v1) definition goes, the same for an integration and an integration response: the API, the
    /// resource (by id or by path) and the method. Its fields start every REST schema (<see cref="MethodTarget"/>).
    /// </summary>
    internal abstract class RestMethodDefinition
    {
        public string? RestApiId { get; set; }
        public string? ResourceId { get; set; }
        public string? ResourcePath { get; set; }
        public string? HttpMethod { get; set; }

        /// <summary>"restapi/abc /pets GET" — where the definition goes, for findings and messages.</summary>
        public virtual string Target =>
            $"restapi/{RestApiId ?? "?"} {(ResourcePath ?? (ResourceId == null ? "?" : "resource/" + ResourceId))} {HttpMethod ?? "?"}";

        /// <summary>
        /// The fields of where the definition goes, followed by <paramref name="fields"/>: a REST schema. The specs are new
        /// on each call (a field belongs to one schema).
        /// </summary>
        protected static FieldSpec[] MethodTarget(params FieldSpec[] fields) => new[]
        {
            new FieldSpec(nameof(RestApiId), FieldKind.String).AsTarget(),
            new FieldSpec(nameof(ResourceId), FieldKind.String).AsTarget().AssignedId(nameof(ResourcePath)),
            // Path and Method are the module's alias properties of Get-RestIntegration's output (IntegrationTools.Types.ps1xml).
            new FieldSpec(nameof(ResourcePath), FieldKind.String, "Path").AsTarget(),
            new FieldSpec(nameof(HttpMethod), FieldKind.String, "Method").AsTarget().Upper(),
        }.Concat(fields).ToArray();
    }
}
