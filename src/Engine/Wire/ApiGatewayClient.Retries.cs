using Polly;
using Polly.Retry;

namespace IntegrationTools.Wire
{
    /// <summary>The client's retries: the Polly pipeline (exponential back-off with full jitter, Retry-After honoured), which failures are retried, and the summary of the attempts in the final error.</summary>
    internal sealed partial class ApiGatewayClient
    {
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

        public const int DefaultMaxAttempts = IntegrationTools.Session.ResolvedSession.DefaultMaxAttempts;

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
    }
}
