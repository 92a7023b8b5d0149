using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using IntegrationTools.Session;
using Polly;
using Polly.Retry;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// The one wire layer of the module: REST-JSON requests to API Gateway v1 (/restapis/...) and v2 (/v2/apis/...),
    /// signed with SigV4 (signing name "apigateway") by AWSSDK.Core's signer and sent with HttpClient.
    /// Service errors become <see cref="ApiGatewayServiceException"/>, transport failures
    /// <see cref="ApiGatewayTransportException"/>. Nothing it logs or throws carries credentials or signed headers.
    /// </summary>
    internal sealed class ApiGatewayClient : IDisposable
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
        public async Task<T?> SendAsync<T>(WireRequest request, CancellationToken cancellationToken) where T : class
        {
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Body.Length == 0) return null;
            try
            {
                return JsonSerializer.Deserialize<T>(response.Body, WireJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ApiGatewayResponseException(
                    $"The answer to {request.Describe()} (HTTP {response.StatusCode}) is not the JSON this module expects: {ex.Message}", ex)
                { Operation = request.Describe() };
            }
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

        /// <summary>
        /// Sends with the retry policy: <paramref name="sendOnce"/> makes one attempt; <paramref name="paced"/> requests
        /// wait for the API Gateway limiter (the quota is API Gateway's; STS is not paced by it).
        /// </summary>
        private async Task<WireResponse> SendWithRetriesAsync(WireRequest request, bool paced,
            Func<WireRequest, CancellationToken, Task<WireResponse>> sendOnce, CancellationToken cancellationToken)
        {
            var failures = new List<string>();
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            try
            {
                var limiter = paced ? await PacerAsync(cancellationToken).ConfigureAwait(false) : null;
                return await Pipeline().ExecuteAsync(async (ctx, state) =>
                {
                    var granted = DateTime.MaxValue;
                    try
                    {
                        if (limiter != null) granted = await limiter.AcquireAsync(ctx.CancellationToken).ConfigureAwait(false);
                        var response = await sendOnce(request, ctx.CancellationToken).ConfigureAwait(false);
                        limiter?.OnSuccess();
                        return response;
                    }
                    catch (ApiGatewayException ex)
                    {
                        if (ex.Kind == FailureKind.Throttled) limiter?.OnThrottled(granted);
                        failures.Add(Reason(ex));
                        throw;
                    }
                }, context, this).ConfigureAwait(false);
            }
            catch (ApiGatewayException ex) when (failures.Count > 1)
            {
                ex.Attempts = failures.Count;
                ex.AttemptSummary = Summarize(failures);
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private static readonly ResiliencePropertyKey<WireRequest> RequestKey = new ResiliencePropertyKey<WireRequest>("IntegrationTools.WireRequest");
        private ResiliencePipeline<WireResponse>? _pipeline;
        private int _maxAttempts = DefaultMaxAttempts;
        private TimeSpan _retryBaseDelay = TimeSpan.FromMilliseconds(200);
        private TimeSpan _retryMaxDelay = TimeSpan.FromSeconds(20);

        /// <summary>The retry policy, built once per client (and again when a retry setting changes).</summary>
        private ResiliencePipeline<WireResponse> Pipeline()
        {
            var pipeline = _pipeline;
            if (pipeline != null) return pipeline;
            var builder = new ResiliencePipelineBuilder<WireResponse>();
            if (_maxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions<WireResponse>
                {
                    MaxRetryAttempts = _maxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = _retryBaseDelay,
                    MaxDelay = _retryMaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(
                        args.Outcome.Exception is ApiGatewayException ex && IsRetryable(ex, args.Context.Properties.GetValue(RequestKey, null!))),
                    DelayGenerator = args =>
                    {
                        var retryAfter = (args.Outcome.Exception as ApiGatewayServiceException)?.RetryAfter;
                        return new ValueTask<TimeSpan?>(retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero
                            ? (retryAfter.Value < _retryMaxDelay ? retryAfter.Value : _retryMaxDelay)
                            : (TimeSpan?)null);
                    },
                    OnRetry = args =>
                    {
                        var request = args.Context.Properties.GetValue(RequestKey, null!);
                        Log?.Invoke($"Retrying {request?.Describe()} in {args.RetryDelay.TotalMilliseconds:0} ms (attempt {args.AttemptNumber + 2} of {_maxAttempts}) after {Reason(args.Outcome.Exception)}");
                        return default;
                    },
                });
            }
            _pipeline = pipeline = builder.Build();
            return pipeline;
        }

        /// <summary>How many attempts one request may take in all (1 = no retries).</summary>
        public int MaxAttempts
        {
            get => _maxAttempts;
            set { _maxAttempts = Math.Max(1, value); _pipeline = null; }
        }

        /// <summary>The first retry's delay; later ones double, with full jitter, up to <see cref="RetryMaxDelay"/>.</summary>
        public TimeSpan RetryBaseDelay
        {
            get => _retryBaseDelay;
            set { _retryBaseDelay = value; _pipeline = null; }
        }

        public TimeSpan RetryMaxDelay
        {
            get => _retryMaxDelay;
            set { _retryMaxDelay = value; _pipeline = null; }
        }

        public const int DefaultMaxAttempts = 5;

        /// <summary>
        /// The pacing: by default the limiter shared by every client of the same account and region in the process
        /// (the quota is per account and region), known from the first request on (null before); tests give each
        /// client its own.
        /// </summary>
        public AdaptiveRateLimiter? RateLimiter
        {
            get
            {
                if (_limiter != null) return _limiter;
                var pacer = _pacer;
                return pacer != null && pacer.Status == TaskStatus.RanToCompletion ? pacer.Result : null;
            }
            set => _limiter = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>Which quota the limiter stands for ("account 123456789012 us-east-1 aws", or the fallback), once known.</summary>
        public string? PacingKey { get; private set; }

        /// <summary>The accounts the process knows (shared by every client; tests give a client its own).</summary>
        public CallerAccounts Accounts { get; set; } = CallerAccounts.Shared;

        /// <summary>How long the pacing waits for STS GetCallerIdentity (one attempt) before it paces by access key.</summary>
        public TimeSpan PacingLookupTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The limiter of this client: the one set, or the shared one of its account and region, found once.</summary>
        private Task<AdaptiveRateLimiter> PacerAsync(CancellationToken cancellationToken)
        {
            if (_limiter != null) return Task.FromResult(_limiter);
            lock (_accountLock)
            {
                if (_pacer == null || _pacer.IsCanceled) _pacer = FindPacerAsync(cancellationToken);
                return _pacer;
            }
        }

        /// <summary>
        /// The limiter shared by every client of the process with the same account and region (and pace). The account
        /// is what the process knows for the credentials' access key (asked of STS GetCallerIdentity at most once per
        /// access key and STS endpoint in the process, and shared with the resolution of Lambda function names); when
        /// STS cannot tell (no answer within <see cref="PacingLookupTimeout"/>, an error, unreadable credentials), the
        /// limiter is the access key's at this endpoint and region, and a Verbose line says so. Never fails.
        /// </summary>
        private async Task<AdaptiveRateLimiter> FindPacerAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            var region = _session.Region;
            var pace = FormattableString.Invariant($"{_session.RequestsPerSecond:0.###} requests/s, burst {_session.RequestBurst:0.###}");
            string? identity = null;
            string? reason = null;
            string? account = null;
            try
            {
                identity = CallerIdentity();
            }
            catch (AmazonClientException ex)
            {
                reason = "the credentials could not be read: " + ex.Message;
            }
            if (identity != null && !Accounts.TryGet(identity, out account))
            {
                account = null;
                reason = Accounts.RecentFailure(identity);
                if (reason != null)
                {
                    reason = "STS GetCallerIdentity failed a moment ago: " + reason;
                }
                else
                {
                    try
                    {
                        account = await Accounts.GetAsync(identity, LookUpAccountOnceAsync, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when (ex is ApiGatewayException || ex is AmazonClientException || ex is OperationCanceledException)
                    {
                        reason = ex.Message;
                    }
                }
            }
            string key;
            if (account != null)
            {
                key = $"account {account} {region} {EndpointScope(_session.Endpoint)}";
                Log?.Invoke($"Pacing at {pace} for account {account} in {region}, shared by every command of this process.");
            }
            else
            {
                key = $"access key #{KeyHash(identity)} {region} {_session.Endpoint.GetLeftPart(UriPartial.Authority)}";
                Log?.Invoke($"Pacing at {pace} for these credentials in {region} at {_session.Endpoint.GetLeftPart(UriPartial.Authority)} " +
                            $"(the account is not known, so other credentials of the same account are paced apart): {reason}");
            }
            PacingKey = key;
            return AdaptiveRateLimiter.For(key, _session.RequestsPerSecond, _session.RequestBurst);
        }

        /// <summary>
        /// Who the credentials are, as far as the account is concerned: a hash of the access key id (never shown) and
        /// the STS endpoint that would tell its account. Throws <see cref="AmazonClientException"/> when the
        /// credentials cannot be read.
        /// </summary>
        private string CallerIdentity()
        {
            var accessKey = _session.Credentials.GetCredentials().AccessKey ?? "";
            return Hash(accessKey) + "|" + _session.StsEndpoint.GetLeftPart(UriPartial.Authority);
        }

        private static string KeyHash(string? identity) => identity == null ? "unknown" : identity.Substring(0, identity.IndexOf('|'));

        private static string Hash(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return BitConverter.ToString(bytes, 0, 8).Replace("-", "").ToLowerInvariant();
        }

        /// <summary>"aws" for API Gateway's own endpoints (one quota per account and region, whichever endpoint); else the endpoint.</summary>
        private static string EndpointScope(Uri endpoint)
        {
            var host = endpoint.Host.ToLowerInvariant();
            foreach (var suffix in new[] { ".amazonaws.com", ".amazonaws.com.cn", ".api.aws", ".c2s.ic.gov", ".sc2s.sgov.gov" })
                if (host.EndsWith(suffix, StringComparison.Ordinal)) return "aws";
            return endpoint.GetLeftPart(UriPartial.Authority);
        }

        /// <summary>STS GetCallerIdentity for the pacing: one attempt, <see cref="PacingLookupTimeout"/> at most.</summary>
        private async Task<string> LookUpAccountOnceAsync()
        {
            await Task.Yield();
            using var timeout = new CancellationTokenSource(PacingLookupTimeout);
            WireResponse response;
            try
            {
                response = await SendStsOnceAsync(new WireRequest("POST", "/") { Idempotent = true }, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
            {
                throw new ApiGatewayTransportException(
                    $"{StsOperation} at {_session.StsEndpoint.GetLeftPart(UriPartial.Authority)} gave no answer within {PacingLookupTimeout.TotalSeconds:0.#} s.",
                    FailureKind.Timeout, ex) { Operation = StsOperation };
            }
            return AccountOf(response);
        }

        private static bool IsRetryable(ApiGatewayException ex, WireRequest? request)
        {
            if (request == null) return false;
            switch (ex.Kind)
            {
                case FailureKind.Throttled:
                    return true; // the service did not process it
                case FailureKind.ServiceError:
                case FailureKind.Timeout:
                    if (request.Idempotent) return true;
                    ex.Ambiguous = true;
                    return false;
                case FailureKind.ConnectionFailed:
                    if (request.Idempotent || (ex as ApiGatewayTransportException)?.NotSent == true) return true;
                    ex.Ambiguous = true;
                    return false;
                default:
                    return false;
            }
        }

        internal static string Reason(Exception? ex)
        {
            switch (ex)
            {
                case ApiGatewayServiceException service: return $"{service.ErrorCode} (HTTP {service.StatusCode})";
                case ApiGatewayTransportException transport: return transport.Kind == FailureKind.Timeout ? "a timeout" : "a connection failure";
                case null: return "an unknown failure";
                default: return ex.GetType().Name;
            }
        }

        internal static string Summarize(List<string> failures) =>
            string.Join(", ", failures.GroupBy(f => f).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));

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

        #region STS

        public const string StsSigningName = "sts";
        private const string StsVersion = "2011-06-15";
        private const string GetCallerIdentityBody = "Action=GetCallerIdentity&Version=" + StsVersion;
        private static readonly Regex AccountPattern = new Regex(@"^\d{12}$", RegexOptions.CultureInvariant);

        private readonly object _accountLock = new object();
        private Task<string>? _callerAccount;

        /// <summary>
        /// The 12-digit account of the session's credentials: STS GetCallerIdentity (a Query-protocol POST signed for "sts"
        /// by the same session) at <see cref="ResolvedSession.StsEndpoint"/>, with the retry policy. Asked at most once per
        /// access key and STS endpoint in the process when it answers (see <see cref="Accounts"/>; the pacing asks the same),
        /// and once per client when it fails: a failed lookup is remembered by the client (each item reports it; nothing
        /// is asked twice); a cancelled one is asked again.
        /// </summary>
        public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken)
        {
            lock (_accountLock)
            {
                if (_callerAccount == null || _callerAccount.IsCanceled) _callerAccount = CallerAccountAsync(cancellationToken);
                return _callerAccount;
            }
        }

        private async Task<string> CallerAccountAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await Accounts.GetAsync(CallerIdentity(), ReadCallerAccountAsync, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string> ReadCallerAccountAsync()
        {
            await Task.Yield();
            var request = new WireRequest("POST", "/") { Idempotent = true };
            var response = await SendWithRetriesAsync(request, false, SendStsOnceAsync, CancellationToken.None).ConfigureAwait(false);
            return AccountOf(response);
        }

        private string AccountOf(WireResponse response)
        {
            string? account = null;
            try
            {
                account = Xml(response.Body)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Account")?.Value.Trim();
            }
            catch (System.Xml.XmlException)
            {
                // Reported below.
            }
            if (account == null || !AccountPattern.IsMatch(account))
                throw new ApiGatewayResponseException(
                    $"STS GetCallerIdentity at {_session.StsEndpoint.GetLeftPart(UriPartial.Authority)} answered HTTP {response.StatusCode} without a 12-digit account.")
                { Operation = StsOperation };
            return account;
        }

        private const string StsOperation = "STS GetCallerIdentity";

        private Task<WireResponse> SendStsOnceAsync(WireRequest request, CancellationToken cancellationToken)
        {
            var endpoint = _session.StsEndpoint;
            var signed = new DefaultRequest(new WireMarker(), "STS")
            {
                HttpMethod = "POST",
                Endpoint = endpoint,
                ResourcePath = "/",
                AuthenticationRegion = _session.Region,
                Content = Encoding.UTF8.GetBytes(GetCallerIdentityBody),
            };
            const string contentType = "application/x-www-form-urlencoded; charset=utf-8";
            signed.Headers["Content-Type"] = contentType;
            signed.Headers["User-Agent"] = _userAgent;
            SignWithSession(signed, new SigningConfig(_session.Region, endpoint, StsSigningName, StsVersion));
            return TransmitAsync(signed, contentType, StsOperation, endpoint, ToStsException, cancellationToken);
        }

        /// <summary>An STS error answer (awsquery XML: ErrorResponse/Error/Code and Message, RequestId) as a service exception.</summary>
        private static ApiGatewayServiceException ToStsException(HttpResponseMessage response, int status, string? requestId, byte[] body, string describe)
        {
            string? code = null, message = null;
            try
            {
                var doc = Xml(body);
                if (doc != null)
                {
                    code = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                    message = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                    requestId ??= doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
                }
            }
            catch (System.Xml.XmlException)
            {
                message = Truncate(Encoding.UTF8.GetString(body), 300);
            }
            code = NormalizeCode(code) ?? $"Http{status}";
            TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
            return new ApiGatewayServiceException(code, message ?? "", status, requestId, ApiGatewayServiceException.Classify(code, status), retryAfter)
            {
                Operation = describe,
            };
        }

        private static System.Xml.Linq.XDocument? Xml(byte[] body)
        {
            if (body.Length == 0) return null;
            var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
            using var stream = new System.IO.MemoryStream(body);
            using var reader = System.Xml.XmlReader.Create(stream, settings);
            return System.Xml.Linq.XDocument.Load(reader);
        }

        #endregion

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
