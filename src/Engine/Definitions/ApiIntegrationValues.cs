namespace IntegrationTools.Definitions
{
    /// <summary>
    /// The values API Gateway v2 (HTTP and WebSocket APIs) accepts for integrations, in one place: the enums of the
    /// service model (apigatewayv2-2018-11-29), the integration subtypes of HTTP APIs with the request parameters each
    /// takes (Integration subtype reference, API Gateway Developer Guide), and the headers HTTP APIs refuse to map.
    /// The rules, the cmdlets' tab completion and the parameter validation all read these lists.
    /// </summary>
    internal static class ApiIntegrationValues
    {
        public const string Http = "HTTP";
        public const string WebSocket = "WEBSOCKET";

        public const string Aws = "AWS";
        public const string AwsProxy = "AWS_PROXY";
        public const string HttpType = "HTTP";
        public const string HttpProxy = "HTTP_PROXY";
        public const string Mock = "MOCK";

        public const string Internet = "INTERNET";
        public const string VpcLink = "VPC_LINK";

        public static readonly IReadOnlyList<string> IntegrationTypes = new[] { Aws, AwsProxy, HttpType, HttpProxy, Mock };

        /// <summary>The integration types an HTTP API takes.</summary>
        public static readonly IReadOnlyList<string> HttpApiIntegrationTypes = new[] { AwsProxy, HttpProxy };

        public static readonly IReadOnlyList<string> ConnectionTypes = new[] { Internet, VpcLink };

        public static readonly IReadOnlyList<string> PassthroughBehaviors = new[] { "WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES" };

        public static readonly IReadOnlyList<string> ContentHandlingStrategies = new[] { "CONVERT_TO_BINARY", "CONVERT_TO_TEXT" };

        public static readonly IReadOnlyList<string> PayloadFormatVersions = new[] { "1.0", "2.0" };

        /// <summary>Backend methods of HTTP integrations (ANY forwards the client's method).</summary>
        public static readonly IReadOnlyList<string> IntegrationMethods = new[] { "ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

        public const int MinTimeout = 50;
        public const int MaxHttpApiTimeout = 30000;
        public const int MaxWebSocketTimeout = 29000;

        /// <summary>The integration subtypes of HTTP APIs (AWS_PROXY integrations with an AWS service action).</summary>
        public static readonly IReadOnlyList<IntegrationSubtype> Subtypes = new[]
        {
            new IntegrationSubtype("EventBridge-PutEvents", "Sends custom events to Amazon EventBridge.",
                new[] { "Detail", "DetailType", "Source" }, new[] { "Time", "EventBusName", "Resources", "Region", "TraceHeader" }),
            new IntegrationSubtype("SQS-SendMessage", "Delivers a message to an Amazon SQS queue.",
                new[] { "QueueUrl", "MessageBody" }, new[] { "DelaySeconds", "MessageAttributes", "MessageDeduplicationId", "MessageGroupId", "MessageSystemAttributes", "Region" }),
            new IntegrationSubtype("SQS-ReceiveMessage", "Retrieves up to 10 messages from an Amazon SQS queue.",
                new[] { "QueueUrl" }, new[] { "AttributeNames", "AttributeName", "MaxNumberOfMessages", "MessageAttributeNames", "ReceiveRequestAttemptId", "VisibilityTimeout", "WaitTimeSeconds", "Region" }),
            new IntegrationSubtype("SQS-DeleteMessage", "Deletes a message from an Amazon SQS queue.",
                new[] { "QueueUrl", "ReceiptHandle" }, new[] { "Region" }),
            new IntegrationSubtype("SQS-PurgeQueue", "Deletes every message in an Amazon SQS queue.",
                new[] { "QueueUrl" }, new[] { "Region" }),
            new IntegrationSubtype("AppConfig-GetConfiguration", "Reads a configuration from AWS AppConfig.",
                new[] { "Application", "Environment", "Configuration", "ClientId" }, new[] { "ClientConfigurationVersion", "Region" }),
            new IntegrationSubtype("Kinesis-PutRecord", "Writes a record into an Amazon Kinesis data stream.",
                new[] { "StreamName", "Data", "PartitionKey" }, new[] { "SequenceNumberForOrdering", "ExplicitHashKey", "Region" }),
            new IntegrationSubtype("StepFunctions-StartExecution", "Starts an AWS Step Functions state machine execution.",
                new[] { "StateMachineArn" }, new[] { "Name", "Input", "Region" }),
            new IntegrationSubtype("StepFunctions-StartSyncExecution", "Starts a synchronous (Express) state machine execution.",
                new[] { "StateMachineArn" }, new[] { "Name", "Input", "Region", "TraceHeader" }),
            new IntegrationSubtype("StepFunctions-StopExecution", "Stops an AWS Step Functions execution.",
                new[] { "ExecutionArn" }, new[] { "Cause", "Error", "Region" }),
        };

        public static IntegrationSubtype? FindSubtype(string? name) =>
            name == null ? null : Subtypes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

        /// <summary>
        /// Headers HTTP APIs do not let request or response parameters map ("Reserved headers" in the HTTP API
        /// parameter mapping guide). Entries ending in '-' are prefixes (access-control-*, apigw-*, x-amz-*, x-amzn-*).
        /// </summary>
        public static readonly IReadOnlyList<string> ReservedHeaders = new[]
        {
            "access-control-", "apigw-", "authorization", "connection", "content-encoding", "content-length",
            "content-location", "forwarded", "keep-alive", "origin", "proxy-authenticate", "proxy-authorization", "te",
            "trailers", "transfer-encoding", "upgrade", "x-amz-", "x-amzn-", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "via",
        };

        /// <summary>Whether HTTP APIs refuse to map this header; <paramref name="entry"/> is the reserved name or prefix.</summary>
        public static bool IsReservedHeader(string header, out string entry)
        {
            var name = header.Trim().ToLowerInvariant();
            foreach (var reserved in ReservedHeaders)
            {
                if (reserved.EndsWith("-", StringComparison.Ordinal) ? name.StartsWith(reserved, StringComparison.Ordinal) : name == reserved)
                {
                    entry = reserved.EndsWith("-", StringComparison.Ordinal) ? reserved + "*" : reserved;
                    return true;
                }
            }
            entry = "";
            return false;
        }

        /// <summary>The protocol a rule should assume: what the API says, else what the definition says, upper-cased.</summary>
        public static string? Protocol(string? fromContext, string? fromDefinition)
        {
            var protocol = string.IsNullOrEmpty(fromContext) ? fromDefinition : fromContext;
            return string.IsNullOrEmpty(protocol) ? null : protocol!.ToUpperInvariant();
        }
    }

    /// <summary>One integration subtype of HTTP APIs and the request parameters it takes.</summary>
    /// <param name="Name">"SQS-SendMessage".</param>
    /// <param name="Description">What the subtype does, for tab completion.</param>
    /// <param name="Required">Request parameters the subtype needs.</param>
    /// <param name="Optional">Request parameters the subtype may take.</param>
    internal sealed record IntegrationSubtype(string Name, string Description, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
    {
        public IEnumerable<string> All => Required.Concat(Optional);

        public override string ToString() => Name;
    }
}
