namespace IntegrationTools.Wire
{
    /// <summary>What kind of failure a service error or transport failure is, for callers that pick an error category.</summary>
    public enum FailureKind
    {
        NotFound,
        BadRequest,
        Conflict,
        LimitExceeded,
        Throttled,
        AccessDenied,
        ServiceError,
        ConnectionFailed,
        Timeout,
        UnexpectedResponse,
    }

    /// <summary>Base type of every failure the wire layer reports. Messages never contain credentials or signed headers.</summary>
    public abstract class ApiGatewayException : Exception
    {
        protected ApiGatewayException(string message, FailureKind kind, Exception? inner = null) : base(Text.DisplayText.Safe(message), inner)
        {
            Kind = kind;
        }

        public FailureKind Kind { get; }

        /// <summary>HTTP method and path of the request that failed, e.g. "GET /v2/apis/abc".</summary>
        public string? Operation { get; internal set; }

        /// <summary>How many attempts were made before giving up (1 when the failure was not retried).</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>Why the attempts failed, e.g. "TooManyRequestsException (HTTP 429) ×4, a timeout".</summary>
        public string? AttemptSummary { get; internal set; }

        /// <summary>
        /// True when a request that creates something failed in a way that leaves open whether it was processed
        /// (a timeout, a dropped connection or a 5xx after it was sent): the caller must look before sending it again.
        /// </summary>
        public bool Ambiguous { get; internal set; }

        public override string Message =>
            Attempts > 1 ? $"{Sentence(base.Message)} Gave up after {Attempts} attempts: {AttemptSummary}." : base.Message;

        /// <summary>The text as a sentence: a full stop is added unless it already ends with one (or ? or !).</summary>
        private static string Sentence(string text)
        {
            var trimmed = text.TrimEnd();
            return trimmed.Length == 0 || ".?!".IndexOf(trimmed[trimmed.Length - 1]) >= 0 ? trimmed : trimmed + ".";
        }
    }

    /// <summary>The service answered with an error: its code (x-amzn-ErrorType), message and request id.</summary>
    internal sealed class ApiGatewayServiceException : ApiGatewayException
    {
        public ApiGatewayServiceException(string errorCode, string serviceMessage, int statusCode, string? requestId, FailureKind kind, TimeSpan? retryAfter = null)
            : base(Compose(errorCode, serviceMessage, statusCode, requestId), kind)
        {
            ErrorCode = errorCode;
            ServiceMessage = serviceMessage;
            StatusCode = statusCode;
            RequestId = requestId;
            RetryAfter = retryAfter;
        }

        public string ErrorCode { get; }

        public string ServiceMessage { get; }

        public int StatusCode { get; }

        public string? RequestId { get; }

        public TimeSpan? RetryAfter { get; }

        private static string Compose(string code, string message, int status, string? requestId)
        {
            var text = string.IsNullOrWhiteSpace(message) ? code : $"{code}: {message}";
            return requestId == null ? $"{text} (HTTP {status})" : $"{text} (HTTP {status}, request id {requestId})";
        }

        /// <summary>Maps an AWS error code and HTTP status to a <see cref="FailureKind"/>.</summary>
        public static FailureKind Classify(string errorCode, int statusCode)
        {
            switch (errorCode)
            {
                case "NotFoundException": return FailureKind.NotFound;
                case "BadRequestException":
                case "ValidationException":
                case "SerializationException": return FailureKind.BadRequest;
                case "ConflictException": return FailureKind.Conflict;
                case "LimitExceededException": return FailureKind.LimitExceeded;
                case "TooManyRequestsException":
                case "ThrottlingException":
                case "Throttling": return FailureKind.Throttled;
                case "UnauthorizedException":
                case "AccessDeniedException":
                case "ForbiddenException":
                case "UnrecognizedClientException":
                case "InvalidSignatureException":
                case "ExpiredTokenException":
                case "IncompleteSignatureException":
                case "MissingAuthenticationTokenException": return FailureKind.AccessDenied;
            }
            if (statusCode == 404) return FailureKind.NotFound;
            if (statusCode == 409) return FailureKind.Conflict;
            if (statusCode == 429) return FailureKind.Throttled;
            if (statusCode == 401 || statusCode == 403) return FailureKind.AccessDenied;
            if (statusCode >= 500) return FailureKind.ServiceError;
            return FailureKind.BadRequest;
        }
    }

    /// <summary>No answer: the endpoint could not be reached, the connection dropped, or the request timed out.</summary>
    internal sealed class ApiGatewayTransportException : ApiGatewayException
    {
        public ApiGatewayTransportException(string message, FailureKind kind, Exception? inner = null) : base(message, kind, inner) { }

        /// <summary>True when the connection was never made, so the request certainly was not processed.</summary>
        public bool NotSent { get; internal set; }
    }

    /// <summary>The service answered 2xx with a body this client cannot read.</summary>
    internal sealed class ApiGatewayResponseException : ApiGatewayException
    {
        public ApiGatewayResponseException(string message, Exception? inner = null) : base(message, FailureKind.UnexpectedResponse, inner) { }

        /// <summary>"GET /v2/apis/abc answered without an API.": a 2xx answer that lacks the object <paramref name="request"/> asked for.</summary>
        public static ApiGatewayResponseException Without(WireRequest request, string what) =>
            new ApiGatewayResponseException($"{request.Describe()} answered without {what}.") { Operation = request.Describe() };
    }
}
