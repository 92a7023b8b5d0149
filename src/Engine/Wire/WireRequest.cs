using System.Text.Json;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// One request as the service model describes it: method, request URI template with its {placeholders},
    /// query string members and a JSON body (serialized with the wire member names).
    /// </summary>
    internal sealed class WireRequest
    {
        public WireRequest(string method, string pathTemplate)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        }

        public string Method { get; }

        public string PathTemplate { get; }

        public Dictionary<string, string> PathParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Dictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public object? Body { get; set; }

        /// <summary>
        /// Whether sending the request twice has the same effect as sending it once. GET, PUT, PATCH and DELETE are;
        /// POST (which creates) is not, so the wire layer does not resend it after an ambiguous failure; a POST that only
        /// reads (STS GetCallerIdentity) says so by setting it.
        /// </summary>
        public bool Idempotent
        {
            get => _idempotent ?? !string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);
            set => _idempotent = value;
        }

        private bool? _idempotent;

        public WireRequest With(string name, string value)
        {
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"The request path member '{name}' is empty.", nameof(value));
            PathParameters[name] = value;
            return this;
        }

        public WireRequest WithQuery(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) Query[name] = value!;
            return this;
        }

        /// <summary>
        /// The request as it would be sent, for -WhatIf: method, path, query and the JSON body with the wire member
        /// names. It holds no credentials (those are added when signing).
        /// </summary>
        public string Preview()
        {
            var text = Describe();
            if (Query.Count > 0)
                text += "?" + string.Join("&", System.Linq.Enumerable.Select(Query, q => q.Key + "=" + System.Uri.EscapeDataString(q.Value)));
            if (Body != null)
                text += " " + System.Text.Json.JsonSerializer.Serialize(Body, Body.GetType(), WireJson.Display);
            return text;
        }

        /// <summary>"GET /restapis/abc/resources" — the path with its members filled in, for messages.</summary>
        public string Describe()
        {
            var path = PathTemplate;
            foreach (var p in PathParameters) path = path.Replace("{" + p.Key + "}", p.Value);
            return Method + " " + path;
        }
    }

    /// <summary>A 2xx answer: its status, request id and body.</summary>
    internal sealed record WireResponse(int StatusCode, string? RequestId, byte[] Body)
    {
        /// <summary>
        /// The body's JSON as <typeparamref name="T"/> (a wire shape); null for an empty body. JSON that does not read as
        /// <typeparamref name="T"/> is an <see cref="ApiGatewayResponseException"/> that names <paramref name="request"/>.
        /// </summary>
        public T? Read<T>(WireRequest request) where T : class
        {
            if (Body.Length == 0) return null;
            try
            {
                return JsonSerializer.Deserialize<T>(Body, WireJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ApiGatewayResponseException(
                    $"The answer to {request.Describe()} (HTTP {StatusCode}) is not the JSON this module expects: {ex.Message}", ex)
                { Operation = request.Describe() };
            }
        }
    }
}
