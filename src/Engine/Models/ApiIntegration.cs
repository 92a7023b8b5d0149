namespace IntegrationTools.Models
{
    /// <summary>
    /// An integration of an HTTP or WebSocket API (API Gateway v2). Carries <see cref="ApiId"/> and the API's
    /// <see cref="ProtocolType"/> (HTTP or WEBSOCKET) so it pipes into the other cmdlets.
    /// </summary>
    public sealed class ApiIntegration
    {
        public string ApiId { get; set; } = "";
        public string? ProtocolType { get; set; }
        public string IntegrationId { get; set; } = "";
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
        public string? IntegrationResponseSelectionExpression { get; set; }
        public int? TimeoutInMillis { get; set; }
        public string? ServerNameToVerify { get; set; }
        public bool ApiGatewayManaged { get; set; }
        public Dictionary<string, string> RequestParameters { get; set; } = new TextMap();
        public Dictionary<string, string> RequestTemplates { get; set; } = new TextMap();
        public Dictionary<string, Dictionary<string, string>> ResponseParameters { get; set; } = new TextMaps();
        /// <summary>The keys of the API's routes whose target is this integration, in order ('GET /orders', '$default').</summary>
        public List<string> RouteKeys { get; set; } = new TextList();

        /// <summary>What New-/Set-ApiIntegration did (Created, Updated, Unchanged); empty on Get-ApiIntegration's output.</summary>
        public ApplyOutcome? Outcome { get; set; }

        /// <summary>A copy whose members can be set without changing this one (maps and lists are shared: replace them, do not change them).</summary>
        public ApiIntegration Copy() => (ApiIntegration)MemberwiseClone();

        public override string ToString() => $"{IntegrationId} {IntegrationType} {IntegrationUri}".TrimEnd();
    }

    /// <summary>An HTTP or WebSocket API (v2).</summary>
    public sealed class ApiInfo
    {
        public string ApiId { get; set; } = "";
        public string? Name { get; set; }
        public string? ProtocolType { get; set; }
        public string? ApiEndpoint { get; set; }
        public string? Description { get; set; }
        public string? RouteSelectionExpression { get; set; }

        public override string ToString() => ApiId;
    }
}
