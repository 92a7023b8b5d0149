using System.Text.Json.Serialization;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    // Wire shapes of the API Gateway v1 operations the live checks and test invocations use (apigateway-2015-07-09:
    // TestInvokeMethod), member names exactly as the service model puts them on the wire.

    /// <summary>TestInvokeMethodRequest's body (restApiId, resourceId and httpMethod go in the path).</summary>
    internal sealed class TestInvokeMethodBody
    {
        [JsonPropertyName("pathWithQueryString")] public string? PathWithQueryString { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
        [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

        public static TestInvokeMethodBody From(TestInvokeRequest request) => new TestInvokeMethodBody
        {
            PathWithQueryString = string.IsNullOrEmpty(request.PathWithQueryString) ? null : request.PathWithQueryString,
            Body = request.Body,
            Headers = request.Headers == null || request.Headers.Count == 0 ? null : request.Headers,
            StageVariables = request.StageVariables == null || request.StageVariables.Count == 0 ? null : request.StageVariables,
        };
    }

    internal sealed class TestInvokeMethodShape
    {
        [JsonPropertyName("status")] public int? Status { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("headers")] public Dictionary<string, string?>? Headers { get; set; }
        [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>?>? MultiValueHeaders { get; set; }
        [JsonPropertyName("log")] public string? Log { get; set; }
        [JsonPropertyName("latency")] public long? Latency { get; set; }

        public TestInvokeResult ToModel(RestMethodTarget target, string? pathWithQueryString)
        {
            var headers = Maps.Copy(Headers);
            // Headers that only come as lists (several values) are joined as HTTP joins them.
            foreach (var pair in MultiValueHeaders ?? new Dictionary<string, List<string>?>())
                if (!headers.ContainsKey(pair.Key) && pair.Value != null) headers[pair.Key] = string.Join(",", pair.Value);
            return new TestInvokeResult
            {
                RestApiId = target.RestApiId,
                ResourceId = target.ResourceId,
                ResourcePath = target.ResourcePath,
                HttpMethod = target.HttpMethod,
                PathWithQueryString = pathWithQueryString,
                Status = Status ?? 0,
                Latency = Latency ?? 0,
                Body = Body,
                Headers = headers,
                Log = (Log ?? "").Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToArray(),
            };
        }
    }
}
