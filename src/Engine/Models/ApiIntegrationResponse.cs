namespace IntegrationTools.Models
{
    /// <summary>
    /// An integration response of a WebSocket API integration: how the backend's answer is turned into the route
    /// response. Carries <see cref="ApiId"/>, <see cref="ProtocolType"/> and <see cref="IntegrationId"/> so it pipes
    /// into the other cmdlets.
    /// </summary>
    public sealed class ApiIntegrationResponse
    {
        public string ApiId { get; set; } = "";
        public string? ProtocolType { get; set; }
        public string IntegrationId { get; set; } = "";
        public string IntegrationResponseId { get; set; } = "";
        public string? IntegrationResponseKey { get; set; }
        public string? ContentHandlingStrategy { get; set; }
        public string? TemplateSelectionExpression { get; set; }
        public Dictionary<string, string> ResponseTemplates { get; set; } = new TextMap();
        public Dictionary<string, string> ResponseParameters { get; set; } = new TextMap();

        public override string ToString() => $"{IntegrationResponseId} {IntegrationResponseKey}".TrimEnd();
    }
}
