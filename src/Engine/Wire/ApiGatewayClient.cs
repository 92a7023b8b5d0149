using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using IntegrationTools.Session;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// The one wire layer of the module: REST-JSON requests to API Gateway v1 (/restapis/...) and v2 (/v2/apis/...),
    /// signed with SigV4 (signing name "apigateway") by AWSSDK.Core's signer and sent with HttpClient.
    /// Service errors become <see cref="ApiGatewayServiceException"/>, transport failures
    /// <see cref="ApiGatewayTransportException"/>. Nothing it logs or throws carries credentials or signed headers.
    /// </summary>
    internal sealed partial class ApiGatewayClient : IDisposable
    {
        public const string SigningName = "apigateway";
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        private static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(() => CreateHttpClient(new HttpClientHandler { AllowAutoRedirect = false }));

        private readonly ResolvedSession _session;
        private readonly HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly SigningConfig _config;
        private readonly string _userAgent;
        private AdaptiveRateLimiter? _limiter;
        private Task<AdaptiveRateLimiter>? _pacer;

        public ApiGatewayClient(ResolvedSession session, HttpMessageHandler? handler = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            if (handler == null)
            {
                _http = SharedHttp.Value;
            }
            else
            {
                _http = CreateHttpClient(handler);
                _ownsHttp = true;
            }
            _config = new SigningConfig(session.Region, session.Endpoint);
            _maxAttempts = Math.Max(1, session.MaxAttempts);
            var version = typeof(ApiGatewayClient).Assembly.GetName().Version;
            _userAgent = $"IntegrationTools/{version?.ToString(3) ?? "0"}";
        }

        /// <summary>How long one request may take before it is abandoned as a timeout.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>Receives one line per request and per response (method, URL, status, request id). Never secrets.</summary>
        public Action<string>? Log { get; set; }

        public ResolvedSession Session => _session;

        private long _requestsSent;

        /// <summary>How many HTTP requests this client has put on the wire (every attempt counts), for progress and rate figures.</summary>
        public long RequestsSent => Interlocked.Read(ref _requestsSent);

        public void Dispose()
        {
            if (_ownsHttp) _http.Dispose();
        }

        /// <summary>Sends a request and deserializes a JSON answer into <typeparamref name="T"/>; null for an empty body.</summary>
        public async Task<T?> SendAsync<T>(WireRequest request, CancellationToken cancellationToken) where T : class =>
            (await SendAsync(request, cancellationToken).ConfigureAwait(false)).Read<T>(request);

        /// <summary>
        /// Sends a request whose answer is the object asked for (GetApi, GetVpcLink, CreateRoute, ...): an empty answer,
        /// or one that is not <paramref name="present"/>, is an <see cref="ApiGatewayResponseException"/> saying the
        /// request "answered without <paramref name="what"/>".
        /// </summary>
        public async Task<T> SendForAsync<T>(WireRequest request, Func<T, bool> present, string what, CancellationToken cancellationToken) where T : class
        {
            var answer = await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
            return answer != null && present(answer) ? answer : throw ApiGatewayResponseException.Without(request, what);
        }

        /// <summary>
        /// Sends a request, paced by the shared <see cref="AdaptiveRateLimiter"/> and retried with exponential
        /// back-off and jitter (Polly) when the service throttles (honouring Retry-After), answers 5xx, times out or
        /// drops the connection — but a request that is not idempotent (a POST that creates something) is retried
        /// only when it certainly was not processed (throttled, or the connection was refused), so a retry never
        /// creates twice; other failures of such requests reach the caller marked <see cref="ApiGatewayException.Ambiguous"/>.
        /// The final error says how many attempts were made and why they failed.
        /// </summary>
        public Task<WireResponse> SendAsync(WireRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return SendWithRetriesAsync(request, true, SendOnceAsync, cancellationToken);
        }

        private Task<WireResponse> SendOnceAsync(WireRequest request, CancellationToken cancellationToken) =>
            TransmitAsync(Sign(request), "application/json", request.Describe(), _session.Endpoint, ToServiceException, cancellationToken);

        /// <summary>Puts one signed request on the wire; a non-2xx answer becomes the exception <paramref name="toError"/> reads from it.</summary>
        private async Task<WireResponse> TransmitAsync(DefaultRequest signed, string contentType, string describe, Uri endpoint,
            Func<HttpResponseMessage, int, string?, byte[], string, ApiGatewayServiceException> toError, CancellationToken cancellationToken)
        {
            var url = AmazonServiceClient.ComposeUrl(signed);
            using var message = new HttpRequestMessage(new HttpMethod(signed.HttpMethod), url);
            if (signed.Content != null && signed.Content.Length > 0)
            {
                message.Content = new ByteArrayContent(signed.Content);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
            foreach (var header in signed.Headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(header.Key, "host", StringComparison.OrdinalIgnoreCase))
                    continue;
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            Log?.Invoke($"{signed.HttpMethod} {url.GetLeftPart(UriPartial.Path)}{url.Query}");
            Interlocked.Increment(ref _requestsSent);
            using var timeout = new CancellationTokenSource(Timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw new ApiGatewayTransportException(
                    $"{describe} got no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within {Timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s.",
                    FailureKind.Timeout, ex) { Operation = describe };
            }
            catch (HttpRequestException ex)
            {
                throw new ApiGatewayTransportException(
                    $"{describe} could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: {Innermost(ex).Message}",
                    FailureKind.ConnectionFailed, ex) { Operation = describe, NotSent = NeverSent(ex) };
            }

            using (response)
            {
                var body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
                var status = (int)response.StatusCode;
                Log?.Invoke($"HTTP {status}{(requestId == null ? "" : " request id " + requestId)} for {describe}");
                if (status >= 200 && status < 300)
                    return new WireResponse(status, requestId, body);
                throw toError(response, status, requestId, body, describe);
            }
        }

        private DefaultRequest Sign(WireRequest request)
        {
            var signed = new DefaultRequest(new WireMarker(), "APIGateway")
            {
                HttpMethod = request.Method,
                Endpoint = _session.Endpoint,
                ResourcePath = request.PathTemplate,
                AuthenticationRegion = _session.Region,
            };
            foreach (var p in request.PathParameters)
                signed.AddPathResource("{" + p.Key + "}", p.Value);
            if (request.Query.Count > 0)
            {
                signed.UseQueryString = true;
                foreach (var q in request.Query) signed.Parameters[q.Key] = q.Value;
            }
            signed.Headers["Accept"] = "application/json";
            signed.Headers["User-Agent"] = _userAgent;
            if (request.Body != null)
            {
                signed.Content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request.Body, request.Body.GetType(), WireJson.Options));
                signed.Headers["Content-Type"] = "application/json";
            }
            SignWithSession(signed, _config);
            return signed;
        }

        /// <summary>Signs with the session's credentials (and session token) by AWSSDK.Core's SigV4 signer.</summary>
        private void SignWithSession(DefaultRequest signed, ClientConfig config)
        {
            // AWS4Signer signs what it is given: adding the session token is the job of the SDK's Signer pipeline
            // handler, which this client does not use. Read the credentials once, so key and token stay a pair.
            var credentials = _session.Credentials.GetCredentials();
            AWSCredentials signing = new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey);
            if (credentials.UseToken)
            {
                signed.Headers["X-Amz-Security-Token"] = credentials.Token;
                signing = new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token);
            }
            new AWS4Signer().Sign(signed, config, null, signing);
        }

        private static ApiGatewayServiceException ToServiceException(HttpResponseMessage response, int status, string? requestId, byte[] body, string describe)
        {
            string? code = Header(response, "x-amzn-ErrorType");
            string? message = null;
            if (body.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in doc.RootElement.EnumerateObject())
                        {
                            if (property.Value.ValueKind != JsonValueKind.String) continue;
                            var name = property.Name.ToLowerInvariant();
                            if (name == "message") message = property.Value.GetString();
                            else if ((name == "__type" || name == "code") && code == null) code = property.Value.GetString();
                        }
                    }
                }
                catch (JsonException)
                {
                    message = Truncate(Encoding.UTF8.GetString(body), 300);
                }
            }
            code = NormalizeCode(code) ?? $"Http{status}";
            TimeSpan? retryAfter = null;
            if (response.Headers.RetryAfter != null)
            {
                if (response.Headers.RetryAfter.Delta.HasValue) retryAfter = response.Headers.RetryAfter.Delta;
                else if (response.Headers.RetryAfter.Date.HasValue) retryAfter = response.Headers.RetryAfter.Date.Value - DateTimeOffset.UtcNow;
            }
            return new ApiGatewayServiceException(code, message ?? "", status, requestId, ApiGatewayServiceException.Classify(code, status), retryAfter)
            {
                Operation = describe,
            };
        }

        /// <summary>"NotFoundException:http://internal..." and "com.amazon...#NotFoundException" both become "NotFoundException".</summary>
        internal static string? NormalizeCode(string? code)
        {
            if (string.IsNullOrWhiteSpace(code)) return null;
            var text = code!.Trim();
            var colon = text.IndexOf(':');
            if (colon > 0) text = text.Substring(0, colon);
            var hash = text.LastIndexOf('#');
            if (hash >= 0) text = text.Substring(hash + 1);
            return text.Length == 0 ? null : text;
        }

        private static string? Header(HttpResponseMessage response, string name)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
            if (response.Content != null && response.Content.Headers.TryGetValues(name, out values)) return values.FirstOrDefault();
            return null;
        }

        /// <summary>True when the connection was never made (refused, unknown host), so the request was not sent.</summary>
        private static bool NeverSent(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.HostNotFound:
                        case System.Net.Sockets.SocketError.HostUnreachable:
                        case System.Net.Sockets.SocketError.NetworkUnreachable:
                        case System.Net.Sockets.SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }
            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "…";

        private static HttpClient CreateHttpClient(HttpMessageHandler handler)
        {
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>The client configuration AWSSDK.Core's signer needs: signing name and region, nothing else.</summary>
        private sealed class SigningConfig : ClientConfig
        {
            private readonly string _signingName;
            private readonly string _version;

            public SigningConfig(string region, Uri endpoint, string signingName = SigningName, string version = "2015-07-09") : base(null)
            {
                _signingName = signingName;
                _version = version;
                AuthenticationRegion = region;
                AuthenticationServiceName = signingName;
                ServiceURL = endpoint.GetLeftPart(UriPartial.Authority);
            }

            public override string RegionEndpointServiceName => _signingName;

            public override string ServiceVersion => _version;

            public override string UserAgent => "IntegrationTools";

            public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new Endpoint(ServiceURL);
        }

        private sealed class WireMarker : AmazonWebServiceRequest { }
    }
}
