using System;
using Amazon.Runtime;

namespace IntegrationTools.Session
{
    /// <summary>
    /// A session ready to sign requests: region, endpoint and credentials, with where each came from
    /// (for Debug output). The credentials themselves never leave the engine.
    /// </summary>
    public sealed class ResolvedSession
    {
        internal ResolvedSession(string region, Uri endpoint, AWSCredentials credentials,
            string regionSource, string endpointSource, string credentialSource)
        {
            Region = region;
            Endpoint = endpoint;
            Credentials = credentials;
            RegionSource = regionSource;
            EndpointSource = endpointSource;
            CredentialSource = credentialSource;
        }

        public string Region { get; }

        public Uri Endpoint { get; }

        public string RegionSource { get; }

        public string EndpointSource { get; }

        public string CredentialSource { get; }

        internal AWSCredentials Credentials { get; }

        public override string ToString() => $"{Region} via {Endpoint}";
    }
}
