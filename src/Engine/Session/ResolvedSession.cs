using Amazon.Runtime;

namespace IntegrationTools.Session
{
    /// <summary>
    /// A session ready to sign requests: region, endpoint and credentials, with where each came from
    /// (for Debug output). The credentials themselves never leave the engine.
    /// </summary>
    internal sealed record ResolvedSession(string Region, Uri Endpoint, AWSCredentials Credentials,
        string RegionSource, string EndpointSource, string CredentialSource)
    {
        /// <summary>The STS endpoint that tells the account of the credentials (GetCallerIdentity).</summary>
        public Uri StsEndpoint { get; internal set; } = new Uri("https://sts.amazonaws.com");

        /// <summary>Where <see cref="StsEndpoint"/> came from, for messages.</summary>
        public string StsEndpointSource { get; internal set; } = "the default";

        // The defaults of a session live here, below the wire layer that applies them (API Gateway's management quota:
        // 10 requests a second, a burst of 40; the AWS SDKs' 5 attempts).
        internal const int DefaultMaxAttempts = 5;
        internal const double DefaultRequestsPerSecond = 10;
        internal const double DefaultRequestBurst = 40;

        /// <summary>How many attempts one request may take in all (AWS_MAX_ATTEMPTS, the profile's max_attempts, or 5).</summary>
        public int MaxAttempts { get; internal set; } = DefaultMaxAttempts;

        /// <summary>The client-side pace, in requests per second, to stay under the account's management quota.</summary>
        public double RequestsPerSecond { get; internal set; } = DefaultRequestsPerSecond;

        /// <summary>How many requests may go at once before the pace applies (the quota's burst).</summary>
        public double RequestBurst { get; internal set; } = DefaultRequestBurst;

        /// <summary>Where the retry and pacing settings came from, for Debug output.</summary>
        public string PacingSource { get; internal set; } = "the defaults (5 attempts, 10 requests/s, burst 40)";

        /// <summary>"us-east-1 via https://…": never the credentials (a record would otherwise print every member).</summary>
        public override string ToString() => $"{Region} via {Endpoint}";
    }
}
