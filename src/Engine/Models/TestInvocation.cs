namespace IntegrationTools.Models
{
    /// <summary>
    /// What TestInvokeMethod answered for one REST API method: the status the client would get, the latency, the response
    /// body and headers, and API Gateway's execution log split into lines. Carries the method it invoked.
    /// </summary>
    public sealed class TestInvokeResult
    {
        public string RestApiId { get; set; } = "";
        public string ResourceId { get; set; } = "";
        public string? ResourcePath { get; set; }
        public string HttpMethod { get; set; } = "";
        /// <summary>The path and query string the invocation simulated ('/pets/1?verbose=true'), if one was given.</summary>
        public string? PathWithQueryString { get; set; }
        /// <summary>The HTTP status of the simulated response.</summary>
        public int Status { get; set; }
        /// <summary>The execution latency in milliseconds, as API Gateway measured it.</summary>
        public long Latency { get; set; }
        public string? Body { get; set; }
        public Dictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();
        /// <summary>The execution log, one entry per line.</summary>
        public string[] Log { get; set; } = new string[0];

        public override string ToString() => $"{Status} {HttpMethod} {ResourcePath ?? ResourceId} ({Latency} ms)";
    }

    /// <summary>What a simulated request carries besides its method: path and query, body, headers, stage variables.</summary>
    public sealed class TestInvokeRequest
    {
        public string? PathWithQueryString { get; set; }
        public string? Body { get; set; }
        public Dictionary<string, string>? Headers { get; set; }
        public Dictionary<string, string>? StageVariables { get; set; }
    }

}
