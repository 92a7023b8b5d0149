namespace IntegrationTools.Models
{
    /// <summary>A route of an HTTP or WebSocket API, as far as the integration cmdlets need it: its key and target.</summary>
    public sealed class ApiRoute
    {
        public string ApiId { get; set; } = "";
        public string RouteId { get; set; } = "";
        /// <summary>"GET /orders", "$default", "$connect", "sendmessage".</summary>
        public string? RouteKey { get; set; }
        /// <summary>"integrations/{integrationId}" when the route sends its requests to an integration.</summary>
        public string? Target { get; set; }
        public bool ApiGatewayManaged { get; set; }

        public override string ToString() => $"'{RouteKey}' ({RouteId})";
    }

    /// <summary>A VPC link of HTTP APIs (API Gateway v2).</summary>
    public sealed class ApiVpcLink
    {
        public string VpcLinkId { get; set; } = "";
        public string? Name { get; set; }
        /// <summary>PENDING, AVAILABLE, DELETING, FAILED or INACTIVE.</summary>
        public string? VpcLinkStatus { get; set; }
        public string? VpcLinkStatusMessage { get; set; }
        public string? VpcLinkVersion { get; set; }

        public override string ToString() => $"{VpcLinkId} {Name} {VpcLinkStatus}".TrimEnd();
    }
}
