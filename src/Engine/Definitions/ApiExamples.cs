namespace IntegrationTools.Definitions
{
    /// <summary>
    /// HTTP and WebSocket API (v2) definitions as a user would write them, for the rules' failing and passing examples:
    /// each a valid integration (or integration response) in <see cref="Region"/>, with the given keys changed (null
    /// removes a key).
    /// </summary>
    internal static class ApiExamples
    {
        /// <summary>The region the examples are written for, and checked in.</summary>
        public const string Region = "us-east-1";

        public const string HttpApiId = "a1b2c3d4e5";

        public const string WebSocketApiId = "ws0123abcd";

        /// <summary>A Lambda proxy integration of an HTTP API, payload format 2.0.</summary>
        public static Hashtable LambdaProxy(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", HttpApiId), ("IntegrationType", "AWS_PROXY"), ("IntegrationUri", "arn:aws:lambda:us-east-1:123456789012:function:orders"),
                ("PayloadFormatVersion", "2.0")).With(changes);

        /// <summary>An HTTP proxy integration of an HTTP API: ANY https://orders.example.com/{proxy}.</summary>
        public static Hashtable HttpProxy(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", HttpApiId), ("IntegrationType", "HTTP_PROXY"), ("IntegrationMethod", "ANY"), ("IntegrationUri", "https://orders.example.com/{proxy}"),
                ("PayloadFormatVersion", "1.0")).With(changes);

        /// <summary>A private integration of an HTTP API: the HTTP proxy through the VPC link abc123 to a Cloud Map service.</summary>
        public static Hashtable Private(params (string Key, object? Value)[] changes) =>
            HttpProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "abc123"),
                ("IntegrationUri", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-e4anhexw6hcouhwd")).With(changes);

        /// <summary>An AWS service integration of an HTTP API: SQS-SendMessage with its role and request parameters.</summary>
        public static Hashtable AwsService(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", HttpApiId), ("IntegrationType", "AWS_PROXY"), ("IntegrationSubtype", "SQS-SendMessage"), ("PayloadFormatVersion", "1.0"),
                ("CredentialsArn", "arn:aws:iam::123456789012:role/apigw-sqs"),
                ("RequestParameters", new Hashtable { ["QueueUrl"] = "https://sqs.us-east-1.amazonaws.com/123456789012/orders", ["MessageBody"] = "$request.body" }))
                .With(changes);

        /// <summary>A MOCK integration of a WebSocket API.</summary>
        public static Hashtable WebSocketMock(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", WebSocketApiId), ("IntegrationType", "MOCK")).With(changes);

        /// <summary>An HTTP integration of a WebSocket API: POST https://chat.example.com/messages.</summary>
        public static Hashtable WebSocketHttp(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", WebSocketApiId), ("IntegrationType", "HTTP"), ("IntegrationMethod", "POST"), ("IntegrationUri", "https://chat.example.com/messages"))
                .With(changes);

        /// <summary>A Lambda proxy integration of a WebSocket API, through the function's invocation URI.</summary>
        public static Hashtable WebSocketLambda(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", WebSocketApiId), ("IntegrationType", "AWS_PROXY"), ("IntegrationMethod", "POST"),
                ("IntegrationUri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations"))
                .With(changes);

        /// <summary>The $default integration response of the WebSocket API integration int900.</summary>
        public static Hashtable Response(params (string Key, object? Value)[] changes) =>
            Example.Of(("ApiId", WebSocketApiId), ("IntegrationId", "int900"), ("IntegrationResponseKey", "$default")).With(changes);
    }
}
