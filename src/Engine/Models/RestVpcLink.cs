namespace IntegrationTools.Models
{
    /// <summary>A VPC link of REST APIs (API Gateway v1); WebSocket APIs use these too.</summary>
    public sealed class RestVpcLink
    {
        public string VpcLinkId { get; set; } = "";
        public string? Name { get; set; }
        /// <summary>PENDING, AVAILABLE, DELETING or FAILED.</summary>
        public string? Status { get; set; }
        /// <summary>Why the link is in its status (e.g. what failed).</summary>
        public string? StatusMessage { get; set; }
        public List<string> TargetArns { get; set; } = new List<string>();

        public override string ToString() => $"{VpcLinkId} {Name} {Status}".TrimEnd();
    }
}
