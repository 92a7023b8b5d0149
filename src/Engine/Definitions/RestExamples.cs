namespace IntegrationTools.Definitions
{
    /// <summary>
    /// REST API (v1) definitions as a user would write them, for the rules' failing and passing examples: each a valid
    /// integration (or integration response), with the given keys changed (null removes a key).
    /// </summary>
    internal static class RestExamples
    {
        public const string LambdaUri =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:list-pets/invocations";

        /// <summary>An HTTP proxy integration of GET /pets.</summary>
        public static Hashtable HttpProxy(params (string Key, object? Value)[] changes) =>
            Method("/pets", "GET", ("Type", "HTTP_PROXY"), ("IntegrationHttpMethod", "GET"), ("Uri", "https://petstore.example.com/pets")).With(changes);

        /// <summary>A MOCK integration of OPTIONS /pets.</summary>
        public static Hashtable Mock(params (string Key, object? Value)[] changes) =>
            Method("/pets", "OPTIONS", ("Type", "MOCK"), ("RequestTemplates", new Hashtable { ["application/json"] = "{\"statusCode\": 200}" })).With(changes);

        /// <summary>A Lambda proxy integration of GET /pets.</summary>
        public static Hashtable LambdaProxy(params (string Key, object? Value)[] changes) =>
            Method("/pets", "GET", ("Type", "AWS_PROXY"), ("IntegrationHttpMethod", "POST"), ("Uri", LambdaUri)).With(changes);

        /// <summary>An AWS service integration (SQS SendMessage) of POST /orders.</summary>
        public static Hashtable AwsService(params (string Key, object? Value)[] changes) =>
            Method("/orders", "POST", ("Type", "AWS"), ("IntegrationHttpMethod", "POST"), ("Uri", "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"),
                ("Credentials", "arn:aws:iam::123456789012:role/apigw-sqs-send")).With(changes);

        /// <summary>The integration response 200 of GET /pets.</summary>
        public static Hashtable Response(params (string Key, object? Value)[] changes) => Method("/pets", "GET", ("StatusCode", "200")).With(changes);

        /// <summary>A definition for the method <paramref name="httpMethod"/> <paramref name="path"/> of REST API a1b2c3d4e5.</summary>
        private static Hashtable Method(string path, string httpMethod, params (string Key, object? Value)[] members) =>
            Example.Of(("RestApiId", "a1b2c3d4e5"), ("ResourcePath", path), ("HttpMethod", httpMethod)).With(members);
    }
}
