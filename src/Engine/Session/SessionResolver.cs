using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace IntegrationTools.Session
{
    /// <summary>
    /// Turns <see cref="SessionOptions"/> into a <see cref="ResolvedSession"/> in AWS Tools for PowerShell's
    /// order: parameters, then the shell defaults of AWS.Tools.Common, then the AWS SDK's default chain
    /// (environment variables, AWS_PROFILE or the default profile of ~/.aws/credentials and ~/.aws/config,
    /// including role, web identity and SSO profiles, then container and instance metadata).
    /// Credential files and signing are AWSSDK.Core's; nothing here parses them.
    /// </summary>
    internal sealed class SessionResolver
    {
        public const string ServiceEndpointVariable = "AWS_ENDPOINT_URL_API_GATEWAY";
        public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
        public const string StsEndpointVariable = "AWS_ENDPOINT_URL_STS";
        public const string IgnoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
        public const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";
        public const string RequestsPerSecondVariable = "INTEGRATIONTOOLS_REQUESTS_PER_SECOND";
        public const string RequestBurstVariable = "INTEGRATIONTOOLS_REQUEST_BURST";

        private static readonly Regex RegionPattern = new Regex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant);

        // What went wrong (the message) and how to fix it (the recommended action) are said once each.
        private const string NoCredentialsFound =
            "No AWS credentials were found: no session parameter, shell default, environment variable, profile or " +
            "instance role supplied them.";

        private const string NoRegionFound =
            "No AWS region was specified: no -Region, shell default, AWS_REGION or AWS_DEFAULT_REGION variable or profile " +
            "region was found.";

        private const string CredentialHelp =
            "Provide credentials in one of these ways: -ProfileName (with -ProfileLocation for a file elsewhere than ~/.aws), " +
            "-AccessKey and -SecretKey (and -SessionToken for temporary keys), -Credential with an object from Get-AWSCredential, " +
            "Set-AWSCredential (AWS.Tools.Common) for the whole session, the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
            "environment variables, AWS_PROFILE or a [default] profile in ~/.aws/credentials or ~/.aws/config, " +
            "or run on AWS compute with a role (container or instance metadata).";

        private const string RegionHelp =
            "Pass -Region (for example -Region us-east-1), run Set-DefaultAWSRegion (AWS.Tools.Common), set the AWS_REGION " +
            "or AWS_DEFAULT_REGION environment variable, or add 'region = ...' to the profile in ~/.aws/config.";

        private readonly Func<string, string?> _getEnvironmentVariable;

        public SessionResolver() : this(Environment.GetEnvironmentVariable) { }

        public SessionResolver(Func<string, string?> getEnvironmentVariable)
        {
            _getEnvironmentVariable = getEnvironmentVariable;
        }

        public ResolvedSession Resolve(SessionOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));

            CredentialProfile? profile = null;
            var credentials = ResolveCredentials(options, ref profile, out var credentialSource);
            var region = ResolveRegion(options, profile, out var regionSource);
            var endpoint = ResolveEndpoint(options, region, out var endpointSource);
            var session = new ResolvedSession(region, endpoint, credentials, regionSource, endpointSource, credentialSource);
            session.StsEndpoint = ResolveStsEndpoint(options, region, endpoint, out var stsSource);
            session.StsEndpointSource = stsSource;
            ResolvePacing(session, profile);
            return session;
        }

        private AWSCredentials ResolveCredentials(SessionOptions o, ref CredentialProfile? profile, out string source)
        {
            if (!string.IsNullOrEmpty(o.AccessKey) || !string.IsNullOrEmpty(o.SecretKey))
            {
                if (string.IsNullOrEmpty(o.AccessKey) || string.IsNullOrEmpty(o.SecretKey))
                    throw new SessionException(SessionProblem.IncompleteCredentials,
                        "-AccessKey and -SecretKey must be given together.",
                        "Pass both -AccessKey and -SecretKey (and -SessionToken for temporary keys), or use -ProfileName.");
                source = string.IsNullOrEmpty(o.SessionToken) ? "the -AccessKey and -SecretKey parameters" : "the -AccessKey, -SecretKey and -SessionToken parameters";
                return string.IsNullOrEmpty(o.SessionToken)
                    ? new BasicAWSCredentials(o.AccessKey, o.SecretKey)
                    : (AWSCredentials)new SessionAWSCredentials(o.AccessKey, o.SecretKey, o.SessionToken);
            }
            if (!string.IsNullOrEmpty(o.SessionToken))
                throw new SessionException(SessionProblem.IncompleteCredentials,
                    "-SessionToken was given without -AccessKey and -SecretKey.",
                    "Pass -AccessKey and -SecretKey with the session token.");

            if (o.Credential != null)
            {
                source = "the -Credential parameter";
                return ForeignCredentials.TryWrap(o.Credential)
                    ?? throw new SessionException(SessionProblem.NoCredentials,
                        $"The -Credential value (a {o.Credential.GetType().FullName}) is not an AWS credentials object.",
                        "Pass the object that Get-AWSCredential or New-AWSCredential returns, or use -ProfileName or -AccessKey/-SecretKey.");
            }

            if (!string.IsNullOrEmpty(o.ProfileName) || !string.IsNullOrEmpty(o.ProfileLocation))
            {
                var name = !string.IsNullOrEmpty(o.ProfileName) ? o.ProfileName! : (_getEnvironmentVariable("AWS_PROFILE") ?? "default");
                var chain = new CredentialProfileStoreChain(string.IsNullOrEmpty(o.ProfileLocation) ? null : o.ProfileLocation);
                var where = string.IsNullOrEmpty(o.ProfileLocation) ? "~/.aws/credentials or ~/.aws/config" : o.ProfileLocation;
                if (!chain.TryGetProfile(name, out profile))
                    throw new SessionException(SessionProblem.ProfileNotFound,
                        $"No profile named '{name}' was found in {where}.",
                        "Check the name with 'aws configure list-profiles', pass -ProfileLocation for a credentials file elsewhere, or create the profile with 'aws configure --profile " + name + "'.");
                if (!chain.TryGetAWSCredentials(name, out var fromProfile) || fromProfile == null)
                    throw new SessionException(SessionProblem.NoCredentials,
                        $"The profile '{name}' in {where} holds no usable credentials.",
                        "Add aws_access_key_id/aws_secret_access_key, a role_arn with a source_profile, or an SSO session to the profile.");
                source = $"the profile '{name}' in {where}";
                return fromProfile;
            }

            if (o.ShellCredential != null)
            {
                var shell = ForeignCredentials.TryWrap(o.ShellCredential);
                if (shell != null)
                {
                    source = "the shell default credentials (Set-AWSCredential)";
                    return shell;
                }
            }

            try
            {
                var resolved = new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
                if (resolved != null)
                {
                    source = "the AWS SDK default chain (" + resolved.GetType().Name + ")";
                    return resolved;
                }
            }
            catch (Exception ex) when (!(ex is SessionException))
            {
                throw new SessionException(SessionProblem.NoCredentials, NoCredentialsFound, CredentialHelp, ex);
            }
            throw new SessionException(SessionProblem.NoCredentials, NoCredentialsFound, CredentialHelp);
        }

        private string ResolveRegion(SessionOptions o, CredentialProfile? profile, out string source)
        {
            string? region = null;
            source = "";
            if (!string.IsNullOrWhiteSpace(o.Region)) { region = o.Region!.Trim(); source = "the -Region parameter"; }
            else if (!string.IsNullOrWhiteSpace(o.ShellRegion)) { region = o.ShellRegion!.Trim(); source = "the shell default region (Set-DefaultAWSRegion)"; }
            else if (profile?.Region != null) { region = profile.Region.SystemName; source = $"the profile '{profile.Name}'"; }
            else
            {
                foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
                {
                    var value = _getEnvironmentVariable(variable);
                    if (!string.IsNullOrWhiteSpace(value)) { region = value!.Trim(); source = "the " + variable + " environment variable"; break; }
                }
                if (region == null)
                {
                    try
                    {
                        var fallback = FallbackRegionFactory.GetRegionEndpoint();
                        if (fallback != null) { region = fallback.SystemName; source = "the AWS SDK default region chain"; }
                    }
                    catch (Exception)
                    {
                        // No region from profiles or instance metadata: reported below.
                    }
                }
            }
            if (region == null)
                throw new SessionException(SessionProblem.NoRegion, NoRegionFound, RegionHelp);
            if (!RegionPattern.IsMatch(region))
                throw new SessionException(SessionProblem.InvalidRegion,
                    $"'{region}' (from {source}) is not an AWS region name.",
                    "Use a region code such as us-east-1, eu-west-2 or ap-southeast-1 (Get-AWSRegion lists them).");
            return region;
        }

        /// <summary>
        /// Retries and pacing: AWS_MAX_ATTEMPTS or the profile's max_attempts (as the AWS CLI and SDKs read them), and
        /// INTEGRATIONTOOLS_REQUESTS_PER_SECOND / INTEGRATIONTOOLS_REQUEST_BURST for an account whose management quota
        /// was raised (or a local server that has none).
        /// </summary>
        private void ResolvePacing(ResolvedSession session, CredentialProfile? profile)
        {
            var sources = new System.Collections.Generic.List<string>();
            var attempts = Number(MaxAttemptsVariable, 1, 20, "a whole number of attempts from 1 (no retries) to 20", whole: true);
            if (attempts.HasValue) { session.MaxAttempts = (int)attempts.Value; sources.Add($"{session.MaxAttempts} attempts from {MaxAttemptsVariable}"); }
            else if (profile?.MaxAttempts is int fromProfile && fromProfile >= 1)
            {
                session.MaxAttempts = Math.Min(fromProfile, 20);
                sources.Add($"{session.MaxAttempts} attempts from the profile's max_attempts");
            }
            var rate = Number(RequestsPerSecondVariable, 0.1, 10000, "a number of requests per second such as 10 (the default quota) or 25", whole: false);
            if (rate.HasValue) { session.RequestsPerSecond = rate.Value; sources.Add($"{rate.Value} requests/s from {RequestsPerSecondVariable}"); }
            var burst = Number(RequestBurstVariable, 1, 10000, "a whole number of requests such as 40 (the default burst)", whole: true);
            if (burst.HasValue) { session.RequestBurst = burst.Value; sources.Add($"a burst of {burst.Value} from {RequestBurstVariable}"); }
            if (sources.Count > 0)
                session.PacingSource = string.Join(", ", sources) + " (the rest default)";
        }

        private double? Number(string variable, double min, double max, string expected, bool whole)
        {
            var text = _getEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (double.TryParse(text!.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && value >= min && value <= max && (!whole || Math.Abs(value - Math.Round(value)) < 1e-9))
                return value;
            throw new SessionException(SessionProblem.InvalidSetting,
                $"The {variable} environment variable is '{text}', which is not {expected}.",
                $"Set {variable} to {expected}, or remove it to use the default.");
        }

        private Uri ResolveEndpoint(SessionOptions o, string region, out string source)
        {
            string? text = null;
            source = "";
            if (!string.IsNullOrWhiteSpace(o.EndpointUrl)) { text = o.EndpointUrl; source = "the -EndpointUrl parameter"; }
            else if (!string.Equals(_getEnvironmentVariable(IgnoreEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var variable in new[] { ServiceEndpointVariable, GlobalEndpointVariable })
                {
                    var value = _getEnvironmentVariable(variable);
                    if (!string.IsNullOrWhiteSpace(value)) { text = value; source = "the " + variable + " environment variable"; break; }
                }
            }
            if (text == null)
            {
                source = "the region's API Gateway endpoint";
                return new Uri($"https://apigateway.{region}.{DnsSuffix(region)}");
            }
            return CheckedEndpoint(o, text, source);
        }

        /// <summary>
        /// Where STS GetCallerIdentity goes (it tells the account a bare Lambda function name belongs to): the endpoint of
        /// -EndpointUrl when that is a custom one (a local emulator serves STS on the same port), else AWS_ENDPOINT_URL_STS
        /// or AWS_ENDPOINT_URL, else the region's STS endpoint.
        /// </summary>
        private Uri ResolveStsEndpoint(SessionOptions o, string region, Uri apiGatewayEndpoint, out string source)
        {
            if (!string.IsNullOrWhiteSpace(o.EndpointUrl) && !IsAwsApiGatewayHost(apiGatewayEndpoint))
            {
                source = "the -EndpointUrl parameter";
                return apiGatewayEndpoint;
            }
            if (!string.Equals(_getEnvironmentVariable(IgnoreEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var variable in new[] { StsEndpointVariable, GlobalEndpointVariable })
                {
                    var value = _getEnvironmentVariable(variable);
                    if (string.IsNullOrWhiteSpace(value)) continue;
                    source = "the " + variable + " environment variable";
                    return CheckedEndpoint(o, value!, source);
                }
            }
            source = "the region's STS endpoint";
            return new Uri($"https://sts.{region}.{DnsSuffix(region)}");
        }

        /// <summary>apigateway.{region}.amazonaws.com (and its FIPS and China forms): the real service, not an emulator.</summary>
        private static bool IsAwsApiGatewayHost(Uri endpoint) =>
            Regex.IsMatch(endpoint.Host, @"^apigateway(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static Uri CheckedEndpoint(SessionOptions o, string text, string source)
        {
            text = text.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
                || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new SessionException(SessionProblem.InvalidEndpoint,
                    $"'{RedactUserInfo(text)}' (from {source}) is not a usable endpoint URL.",
                    "Give an absolute http:// or https:// URL with a host and no query, for example https://apigateway.us-east-1.amazonaws.com or http://127.0.0.1:5000 for a local server.");
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !o.AllowInsecureEndpoint && !IsLoopback(uri))
            {
                throw new SessionException(SessionProblem.InsecureEndpoint,
                    $"'{text}' (from {source}) is a plain http:// endpoint on another computer: the signed requests would cross the network unencrypted, so nothing was sent.",
                    $"Use https://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')} instead; if you trust the network (a test server on your LAN), pass -AllowInsecureEndpoint.");
            }
            // A path that ends in '/' ("http://host/prefix/") is signed with a doubled slash by AWS4Signer but sent without it.
            if (uri.AbsolutePath.Length > 1 && uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
                uri = new Uri(uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/'));
            return uri;
        }

        /// <summary>localhost, 127.0.0.0/8 and ::1: http:// to them never leaves this computer.</summary>
        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            var host = uri.Host.TrimEnd('.');
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || (System.Net.IPAddress.TryParse(uri.DnsSafeHost, out var address) && System.Net.IPAddress.IsLoopback(address));
        }

        /// <summary>"http://user:pw@host" becomes "http://***@host": a password in a URL is never repeated in a message.</summary>
        private static string RedactUserInfo(string text)
        {
            var at = text.IndexOf('@');
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            return at > 0 && scheme >= 0 && at > scheme ? text.Substring(0, scheme + 3) + "***" + text.Substring(at) : text;
        }

        private static string DnsSuffix(string region)
        {
            try
            {
                var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
                if (!string.IsNullOrEmpty(suffix)) return suffix;
            }
            catch (Exception)
            {
                // Unknown to this SDK: the commercial partition.
            }
            return region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        }
    }
}
