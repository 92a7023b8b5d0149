using System.Text;
using Amazon.Runtime;

namespace IntegrationTools.Wire
{
    /// <summary>The client's pacing: the rate limiter of the account and region, found once per client through the account that STS tells for the credentials (or the access key's, when STS cannot tell in time).</summary>
    internal sealed partial class ApiGatewayClient
    {
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
    }
}
