namespace IntegrationTools.Models
{
    /// <summary>A method of a REST API resource as GetMethod returns it: what the integration's checks need to know.</summary>
    public sealed class RestMethod
    {
        public string RestApiId { get; set; } = "";
        public string ResourceId { get; set; } = "";
        public string? ResourcePath { get; set; }
        public string HttpMethod { get; set; } = "";
        public string? AuthorizationType { get; set; }
        /// <summary>The request parameters the method declares ('method.request.querystring.q') and whether each is required.</summary>
        public Dictionary<string, bool> RequestParameters { get; set; } = new Dictionary<string, bool>();

        public override string ToString() => $"{HttpMethod} {ResourcePath ?? ResourceId}";
    }
}
