using System.Text.Json.Serialization;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// One operation of an API Gateway v1 update (UpdateIntegration's patchOperations): op, a JSON-pointer path, and the
    /// value (add, replace) or source (move, copy). Serializes with the wire member names; a hashtable such as
    /// @{ op = 'replace'; path = '/timeoutInMillis'; value = '5000' } converts to it in PowerShell.
    /// </summary>
    public sealed class PatchOperation
    {
        public PatchOperation() { }

        public PatchOperation(string op, string path, string? value = null, string? from = null)
        {
            Op = op;
            Path = path;
            Value = value;
            From = from;
        }

        [JsonPropertyName("op")] public string? Op { get; set; }

        [JsonPropertyName("path")] public string? Path { get; set; }

        [JsonPropertyName("value")] public string? Value { get; set; }

        [JsonPropertyName("from")] public string? From { get; set; }

        public override string ToString() =>
            $"{Op} {Path}" + (Value != null ? " = " + Value : "") + (From != null ? " from " + From : "");
    }
}
