using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime.Internal;
using IntegrationTools.Session;

namespace IntegrationTools.Wire
{
    /// <summary>STS GetCallerIdentity: the account of the session's credentials, asked once per client, signed and sent like the API Gateway requests but not paced by their quota.</summary>
    internal sealed partial class ApiGatewayClient
    {
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
    }
}
