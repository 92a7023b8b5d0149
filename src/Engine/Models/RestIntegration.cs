namespace IntegrationTools.Models
{
    /// <summary>
    /// The integration of one REST API (API Gateway v1) method. <see cref="HttpMethod"/> is the method being
    /// integrated (the {http_method} of the request path); <see cref="IntegrationHttpMethod"/> is the method used
    /// to call the backend (the wire member "httpMethod"). Carries its parent ids so it pipes into other cmdlets.
    /// </summary>
    public sealed class RestIntegration
    {
        public string RestApiId { get; set; } = "";
        public string ResourceId { get; set; } = "";
        public string? ResourcePath { get; set; }
        public string HttpMethod { get; set; } = "";

        public string? Type { get; set; }
        public string? IntegrationHttpMethod { get; set; }
        public string? Uri { get; set; }
        public string? ConnectionType { get; set; }
        public string? ConnectionId { get; set; }
        public string? Credentials { get; set; }
        public Dictionary<string, string> RequestParameters { get; set; } = new TextMap();
        public Dictionary<string, string> RequestTemplates { get; set; } = new TextMap();
        public string? PassthroughBehavior { get; set; }
        public string? ContentHandling { get; set; }
        public int? TimeoutInMillis { get; set; }
        public string? CacheNamespace { get; set; }
        public List<string> CacheKeyParameters { get; set; } = new TextList();
        public bool? InsecureSkipVerification { get; set; }
        public string? ResponseTransferMode { get; set; }
        public string? IntegrationTarget { get; set; }
        public List<RestIntegrationResponse> IntegrationResponses { get; set; } = new List<RestIntegrationResponse>();

        /// <summary>What Set-/Update-RestIntegration did (Created, Updated, Unchanged); empty on Get-RestIntegration's output.</summary>
        public ApplyOutcome? Outcome { get; set; }

        /// <summary>A copy whose members can be set without changing this one (maps and lists are shared: replace them, do not change them).</summary>
        public RestIntegration Copy() => (RestIntegration)MemberwiseClone();

        public override string ToString() => $"{HttpMethod} {ResourcePath ?? ResourceId} -> {Type} {Uri}".TrimEnd();
    }

    /// <summary>One integration response of a REST API method integration.</summary>
    public sealed class RestIntegrationResponse
    {
        public string RestApiId { get; set; } = "";
        public string ResourceId { get; set; } = "";
        public string? ResourcePath { get; set; }
        public string HttpMethod { get; set; } = "";
        public string StatusCode { get; set; } = "";
        public string? SelectionPattern { get; set; }
        public Dictionary<string, string> ResponseParameters { get; set; } = new TextMap();
        public Dictionary<string, string> ResponseTemplates { get; set; } = new TextMap();
        public string? ContentHandling { get; set; }

        public override string ToString() => StatusCode;
    }

    /// <summary>A resource of a REST API: its id, path and the methods it declares.</summary>
    public sealed class RestResource
    {
        public string RestApiId { get; set; } = "";
        public string ResourceId { get; set; } = "";
        public string? ParentId { get; set; }
        public string Path { get; set; } = "";
        public string? PathPart { get; set; }
        public List<string> HttpMethods { get; set; } = new List<string>();

        public override string ToString() => Path;
    }

    /// <summary>A REST API (v1) as listed by GetRestApis.</summary>
    public sealed class RestApiInfo
    {
        public string RestApiId { get; set; } = "";
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? RootResourceId { get; set; }
        public List<string> EndpointTypes { get; set; } = new List<string>();

        public override string ToString() => RestApiId;
    }
}
