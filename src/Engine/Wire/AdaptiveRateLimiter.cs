using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace IntegrationTools.Wire
{
    /// <summary>
    /// Client-side pacing that keeps requests just under API Gateway's management quota (by default 10 requests per
    /// second with a burst of 40, per account and region) and adapts to throttling the way the AWS SDKs' adaptive
    /// retry mode does: a token bucket whose rate drops sharply (×0.7) on every throttled answer and climbs back on
    /// successes, at least as fast as the SDKs' CUBIC curve, which regains the rate before the throttle within about
    /// two seconds (so a stray 429 does not slow a long run for good), and by a small step per success.
    /// One limiter is shared by every client of the same endpoint and region in the process.
    /// </summary>
    public sealed class AdaptiveRateLimiter
    {
        public const double DefaultRate = 10;
        public const double DefaultBurst = 40;
        private const double MinimumRate = 0.5;
        private const double DecreaseFactor = 0.7;
        private const double CubicScale = 0.4;

        private static readonly ConcurrentDictionary<string, AdaptiveRateLimiter> Shared = new ConcurrentDictionary<string, AdaptiveRateLimiter>(StringComparer.OrdinalIgnoreCase);

        private readonly object _gate = new object();
        private readonly Func<DateTime> _clock;
        private double _tokens;
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

        /// <summary>The limiter shared by every client of <paramref name="key"/> (endpoint and region) with the same pace.</summary>
        public static AdaptiveRateLimiter For(string key, double maxRate = DefaultRate, double burst = DefaultBurst) =>
            Shared.GetOrAdd(FormattableString.Invariant($"{key}|{maxRate}|{burst}"), _ => new AdaptiveRateLimiter(maxRate, burst));

        public double MaxRate { get; }

        public double Burst { get; }

        /// <summary>The rate the limiter currently allows, in requests per second.</summary>
        public double CurrentRate { get; private set; }

        /// <summary>How many throttled answers it has seen.</summary>
        public int Throttles { get; private set; }

        /// <summary>Waits until a request may be sent.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    Refill();
                    if (_tokens >= 1)
                    {
                        _tokens -= 1;
                        return;
                    }
                    wait = TimeSpan.FromSeconds((1 - _tokens) / CurrentRate);
                }
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>A throttled answer: slow down at once and drop what was saved up.</summary>
        public void OnThrottled()
        {
            lock (_gate)
            {
                Refill();
                Throttles++;
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
                _tokens = Math.Min(Burst, _tokens + elapsed * CurrentRate);
                _refilledAt = now;
            }
        }
    }
}
