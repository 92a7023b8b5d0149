namespace IntegrationTools.Session
{
    /// <summary>
    /// What the caller said about the AWS session, before anything is resolved. Every member is optional;
    /// the resolver fills the gaps the way the AWS CLI and AWS Tools for PowerShell do.
    /// </summary>
    internal sealed class SessionOptions
    {
        public string? Region { get; set; }
        public string? ProfileName { get; set; }
        public string? ProfileLocation { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }

        /// <summary>
        /// A credentials object made by any copy of AWSSDK.Core (for example by AWS.Tools' Get-AWSCredential).
        /// It is read through its public members only, so its assembly version does not matter.
        /// </summary>
        public object? Credential { get; set; }

        public string? EndpointUrl { get; set; }

        /// <summary>
        /// Allows a plain http:// endpoint on a host other than this computer. Without it such an endpoint is refused:
        /// the signed requests (and what they carry) would cross the network unencrypted.
        /// </summary>
        public bool AllowInsecureEndpoint { get; set; }

        /// <summary>The shell default credentials ($StoredAWSCredentials of AWS.Tools.Common), if any.</summary>
        public object? ShellCredential { get; set; }

        /// <summary>The shell default region ($StoredAWSRegion of AWS.Tools.Common), if any.</summary>
        public string? ShellRegion { get; set; }

        /// <summary>
        /// A key that is equal for two option sets that resolve to the same session. It is a hash, so the secret key
        /// and session token are not kept in plain text by whoever caches it.
        /// </summary>
        public string CacheKey()
        {
            var text = string.Join("\u001f", new[]
            {
                Region, ProfileName, ProfileLocation, AccessKey, SecretKey, SessionToken,
                Credential == null ? null : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Credential).ToString(),
                EndpointUrl,
                AllowInsecureEndpoint ? "insecure" : null,
                ShellCredential == null ? null : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(ShellCredential).ToString(),
                ShellRegion,
            });
            using (var sha = System.Security.Cryptography.SHA256.Create())
                return System.Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text)));
        }
    }
}
