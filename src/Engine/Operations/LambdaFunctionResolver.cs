using IntegrationTools.Definitions;
using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Completes Lambda functions given the way Lambda itself takes them (name, name:alias or name:version, the partial
    /// ARN {account}:function:name, or the full ARN) to the full function ARN an integration needs, before the rules see
    /// the definition: a partial ARN gets the session's region; a name gets the region and the account of the session's
    /// credentials (STS GetCallerIdentity, asked once per client). A full ARN is left as it is.
    /// </summary>
    internal sealed class LambdaFunctionResolver
    {
        private readonly ApiGatewayClient _client;

        public LambdaFunctionResolver(ApiGatewayClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        private string Region => _client.Session.Region;

        /// <summary>
        /// The full ARN of <paramref name="function"/> (name, partial or full ARN); any other text is returned as given,
        /// for the rules to judge. Throws <see cref="LambdaFunctionNotResolvedException"/> when the account of a name
        /// cannot be looked up.
        /// </summary>
        public async Task<string> FunctionArnAsync(string function, CancellationToken ct)
        {
            var text = (function ?? "").Trim();
            if (!LambdaUris.IsFunctionName(text)) return LambdaUris.ToFunctionArn(text, Region) ?? function!;
            string account;
            try
            {
                account = await _client.GetCallerAccountAsync(ct).ConfigureAwait(false);
            }
            catch (ApiGatewayException ex)
            {
                throw new LambdaFunctionNotResolvedException(text, Region, _client.Session.StsEndpoint, _client.Session.StsEndpointSource, ex.Message, ex.Kind, ex);
            }
            catch (Amazon.Runtime.AmazonClientException ex)
            {
                // The credentials themselves could not be read (an expired SSO token, a role that cannot be assumed).
                throw new LambdaFunctionNotResolvedException(text, Region, _client.Session.StsEndpoint, _client.Session.StsEndpointSource,
                    "the credentials could not be read: " + ex.Message, FailureKind.AccessDenied, ex);
            }
            return LambdaUris.CompleteFunctionArn(text, Region, account);
        }

        /// <summary>
        /// A REST definition piped in: the Uri of a Lambda proxy integration (AWS_PROXY) given as a function name, partial
        /// ARN or function ARN becomes the invocation URI in the session's region; an invocation URI (AWS or AWS_PROXY)
        /// whose function is a name or partial ARN gets the full ARN inside. Other URIs are left to the rules.
        /// </summary>
        public async Task<RestIntegrationDefinition> ResolveAsync(RestIntegrationDefinition definition, CancellationToken ct)
        {
            if (definition?.Uri != null)
                definition.Uri = await CompleteAsync(definition.Uri, definition.Type, proxyFunction: true, asInvocationUri: true, ct).ConfigureAwait(false);
            return definition!;
        }

        /// <summary>
        /// An HTTP or WebSocket API definition: the IntegrationUri of a Lambda proxy integration (AWS_PROXY without a
        /// subtype) given as a name or partial ARN becomes the function ARN (HTTP APIs) or the invocation URI (WebSocket
        /// APIs); an invocation URI whose function is a name or partial ARN gets the full ARN inside.
        /// </summary>
        public async Task<ApiIntegrationDefinition> ResolveAsync(ApiIntegrationDefinition definition, string? protocolType, CancellationToken ct)
        {
            if (definition?.IntegrationUri != null)
            {
                definition.IntegrationUri = await CompleteAsync(definition.IntegrationUri, definition.IntegrationType,
                    proxyFunction: string.IsNullOrWhiteSpace(definition.IntegrationSubtype),
                    asInvocationUri: string.Equals(protocolType, ApiIntegrationValues.WebSocket, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
            }
            return definition!;
        }

        /// <summary>
        /// The integration URI of either API family with its Lambda function completed: in an invocation URI (AWS or
        /// AWS_PROXY) the function inside; with <paramref name="proxyFunction"/>, a function that is the whole URI of an
        /// AWS_PROXY integration, as its invocation URI (<paramref name="asInvocationUri"/>) or its ARN. Any other URI is
        /// returned as given.
        /// </summary>
        private async Task<string> CompleteAsync(string uri, string? type, bool proxyFunction, bool asInvocationUri, CancellationToken ct)
        {
            var text = uri.Trim();
            var kind = type?.Trim().ToUpperInvariant();
            var inner = LambdaUris.FunctionArnOfInvocationUri(text);
            if ((kind == "AWS" || kind == "AWS_PROXY") && inner != null && NeedsCompleting(inner))
                return text.Replace("/functions/" + inner + "/", "/functions/" + await FunctionArnAsync(inner, ct).ConfigureAwait(false) + "/");
            if (kind != "AWS_PROXY" || !proxyFunction || !NeedsCompleting(text)) return uri;
            var arn = await FunctionArnAsync(text, ct).ConfigureAwait(false);
            return asInvocationUri ? LambdaUris.InvocationUri(arn, Region) : arn;
        }

        private static bool NeedsCompleting(string text) => LambdaUris.IsFunctionName(text) || LambdaUris.IsPartialArn(text);
    }

    /// <summary>
    /// A Lambda function given by name whose account could not be looked up (STS GetCallerIdentity failed, or the
    /// credentials could not be read). Nothing was sent for the item; the fix is the function's full ARN.
    /// </summary>
    internal sealed class LambdaFunctionNotResolvedException : ApiGatewayException
    {
        public LambdaFunctionNotResolvedException(string function, string region, Uri stsEndpoint, string stsEndpointSource, string reason, FailureKind kind, Exception? inner)
            : base($"The Lambda function '{function}' is given by name, and the account it belongs to could not be looked up: " +
                   $"{What(stsEndpoint, reason, inner)} (the STS endpoint comes from {stsEndpointSource}). Nothing was sent.", kind, inner)
        {
            Function = function;
            Operation = "STS GetCallerIdentity";
            RecommendedAction =
                $"Give the function's full ARN, such as arn:{LambdaUris.Partition(region)}:lambda:{region}:123456789012:function:{function} " +
                $"('aws lambda get-function --function-name {function}' prints it), or use credentials that may call sts:GetCallerIdentity" +
                " (AWS_ENDPOINT_URL_STS sets the STS endpoint).";
        }

        private static string What(Uri endpoint, string reason, Exception? inner)
        {
            const string call = "STS GetCallerIdentity";
            var text = reason.TrimEnd('.');
            if (inner is ApiGatewayServiceException) return $"{call} at {endpoint.GetLeftPart(UriPartial.Authority)} answered {text}";
            return text.StartsWith(call, StringComparison.Ordinal) ? text : $"{call} at {endpoint.GetLeftPart(UriPartial.Authority)} failed: {text}";
        }

        /// <summary>The function as it was given.</summary>
        public string Function { get; }

        /// <summary>What to do about it.</summary>
        public string RecommendedAction { get; }
    }
}
