using System.Collections.Concurrent;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// Client-side pacing that keeps requests just under API Gateway's management quota (by default 10 requests per
    /// second with a burst of 40, per account and region) and adapts to throttling the way the AWS SDKs' adaptive
    /// retry mode does: a token bucket whose rate drops sharply (×0.7) on every throttled answer and climbs back on
    /// successes, at least as fast as the SDKs' CUBIC curve, which regains the rate before the throttle within about
    /// two seconds (so a stray 429 does not slow a long run for good), and by a small step per success.
    /// One limiter is shared by every client of the same account and region in the process (see
    /// <see cref="ApiGatewayClient"/> for how the account is known), whichever runspace or thread the client runs on.
    /// <para>
    /// Safe for many requests in flight: each caller reserves the next slot under a lock (the bucket may go into debt,
    /// and a caller waits until its slot is paid for), so the rate and the burst hold whatever the number of callers,
    /// nobody spins, and no caller starves: a token that an earlier caller still waits for is never taken by a later
    /// one. What the limiter counts is what the service's bucket would hold, callers still waiting included, so callers
    /// woken late and at once by a busy machine do not go over the burst. A throttled answer to a request
    /// that was granted before the last cut does not cut again: the requests in flight when the quota was hit all
    /// come back throttled, and that is one signal, not eight.
    /// </para>
    /// </summary>
    internal sealed class AdaptiveRateLimiter
    {
        public const double DefaultRate = Session.ResolvedSession.DefaultRequestsPerSecond;
        public const double DefaultBurst = Session.ResolvedSession.DefaultRequestBurst;
        private const double MinimumRate = 0.5;
        private const double DecreaseFactor = 0.7;
        private const double CubicScale = 0.4;

        private static readonly ConcurrentDictionary<string, AdaptiveRateLimiter> Shared = new ConcurrentDictionary<string, AdaptiveRateLimiter>(StringComparer.OrdinalIgnoreCase);

        private readonly object _gate = new object();
        private readonly Func<DateTime> _clock;
        private double _tokens;
        private int _waiting;
        private long _nextTicket;
        private readonly System.Collections.Generic.List<long> _queue = new System.Collections.Generic.List<long>();
        private DateTime _refilledAt;
        private double _rateBeforeThrottle;
        private DateTime? _throttledAt;

        public AdaptiveRateLimiter(double maxRate = DefaultRate, double burst = DefaultBurst, Func<DateTime>? clock = null)
        {
            if (maxRate <= 0) throw new ArgumentOutOfRangeException(nameof(maxRate));
            if (burst < 1) throw new ArgumentOutOfRangeException(nameof(burst));
            MaxRate = maxRate;
            Burst = burst;
            CurrentRate = maxRate;
            _clock = clock ?? (() => DateTime.UtcNow);
            _tokens = burst;
            _refilledAt = _clock();
        }

        /// <summary>The limiter shared by every client of <paramref name="key"/> (account and region) with the same pace.</summary>
        public static AdaptiveRateLimiter For(string key, double maxRate = DefaultRate, double burst = DefaultBurst) =>
            Shared.GetOrAdd(FormattableString.Invariant($"{key}|{maxRate}|{burst}"), _ => new AdaptiveRateLimiter(maxRate, burst));

        public double MaxRate { get; }

        public double Burst { get; }

        /// <summary>The rate the limiter currently allows, in requests per second.</summary>
        public double CurrentRate { get; private set; }

        /// <summary>How many throttled answers it has seen.</summary>
        public int Throttles { get; private set; }

        /// <summary>Waits until a request may be sent.</summary>
        public Task WaitAsync(CancellationToken cancellationToken) => AcquireAsync(cancellationToken);

        /// <summary>
        /// Waits until a request may be sent, and returns when the slot was granted (pass it to
        /// <see cref="OnThrottled(DateTime)"/> if the answer is a throttle). Callers are served in the order they
        /// asked; a cancelled caller gives its slot back.
        /// </summary>
        public async Task<DateTime> AcquireAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            long ticket;
            lock (_gate)
            {
                Refill();
                _tokens -= 1;
                if (_tokens >= 0) return _clock();
                wait = TimeSpan.FromSeconds(-_tokens / CurrentRate);
                _waiting++;
                ticket = _nextTicket++;
                _queue.Add(ticket);
            }
            while (true)
            {
                try
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    lock (_gate)
                    {
                        Refill();
                        _waiting--;
                        _queue.Remove(ticket);
                        _tokens = Math.Min(Burst - _waiting, _tokens + 1);
                    }
                    throw;
                }
                lock (_gate)
                {
                    // What the service's bucket holds now: the tokens plus those of the callers that have not sent
                    // yet. A caller woken on time finds its token there; callers woken late and together (a busy
                    // machine) go one token at a time, the others wait for the next ones. The tokens of callers that
                    // asked earlier and still wait are theirs: a later caller never takes them.
                    Refill();
                    var held = _tokens + _waiting;
                    var older = 0;
                    foreach (var other in _queue)
                        if (other < ticket) older++;
                    if (held >= older + 1 - 1e-9)
                    {
                        _waiting--;
                        _queue.Remove(ticket);
                        return _clock();
                    }
                    wait = TimeSpan.FromSeconds((older + 1 - held) / CurrentRate);
                }
            }
        }

        /// <summary>A throttled answer: slow down at once and drop what was saved up.</summary>
        public void OnThrottled() => OnThrottled(DateTime.MaxValue);

        /// <summary>
        /// A throttled answer to a request granted at <paramref name="grantedAt"/>: slow down at once and drop what
        /// was saved up, unless the request was granted before the last cut (it was in flight when the rate was cut
        /// already; it is counted, but does not cut again).
        /// </summary>
        public void OnThrottled(DateTime grantedAt)
        {
            lock (_gate)
            {
                Refill();
                Throttles++;
                if (_throttledAt.HasValue && grantedAt < _throttledAt.Value) return;
                _rateBeforeThrottle = CurrentRate;
                _throttledAt = _clock();
                CurrentRate = Math.Max(MinimumRate, CurrentRate * DecreaseFactor);
                _tokens = Math.Min(_tokens, 0);
            }
        }

        /// <summary>A successful answer: creep back toward the configured rate.</summary>
        public void OnSuccess()
        {
            lock (_gate)
            {
                CurrentRate = Math.Min(MaxRate, Math.Max(CurrentRate + MaxRate * 0.02, Cubic()));
            }
        }

        /// <summary>
        /// The rate the SDKs' CUBIC curve allows now: W(t) = 0.4 (t - K)^3 + Wmax, with Wmax the rate before the last
        /// throttle, t the seconds since it and K = cbrt(Wmax (1 - 0.7) / 0.4), so W(0) is the reduced rate and W(K) = Wmax.
        /// </summary>
        private double Cubic()
        {
            if (_throttledAt == null) return MaxRate;
            var t = (_clock() - _throttledAt.Value).TotalSeconds;
            var k = Math.Pow(_rateBeforeThrottle * (1 - DecreaseFactor) / CubicScale, 1.0 / 3);
            return CubicScale * Math.Pow(t - k, 3) + _rateBeforeThrottle;
        }

        private void Refill()
        {
            var now = _clock();
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                // The service's bucket holds at most the burst, and the callers still waiting have not sent yet: what
                // the service holds is these tokens plus theirs. So a caller woken late (a busy machine) does not
                // leave room for a full burst on top of its own request.
                _tokens = Math.Min(Burst - _waiting, _tokens + elapsed * CurrentRate);
                _refilledAt = now;
            }
        }
    }
}
