using System.Net;
using System.Text;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Session;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// Lambda functions given by name or partial ARN: the forms Lambda takes, the account from STS GetCallerIdentity (asked
/// once per client, signed for "sts" by the same session), the definitions of both families, and the failed lookup.
/// </summary>
public class FunctionNameTests
{
    private const string Account = "210987654321";
    private const string StsEndpoint = "https://sts.us-east-1.amazonaws.com";

    private static readonly string CallerIdentity =
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        $"<UserId>AIDAEXAMPLE</UserId><Account>{Account}</Account><Arn>arn:aws:iam::{Account}:user/ops</Arn>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    private static HttpResponseMessage Sts(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        Responses.Text(body, status, "text/xml");

    private static (LambdaFunctionResolver Resolver, FakeHandler Handler, ApiGatewayClientWithLog Client) Resolver(Func<HttpResponseMessage> answer)
    {
        var handler = new FakeHandler(_ => answer());
        var client = TestSessions.Client(handler);
        return (new LambdaFunctionResolver(client.Client), handler, client);
    }

    [Theory]
    [InlineData("orders-handler", true)]
    [InlineData("orders_handler:live", true)]
    [InlineData("orders-handler:7", true)]
    [InlineData("orders-handler:$LATEST", true)]
    [InlineData("123456789012:function:orders-handler", false)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", false)]
    [InlineData("https://orders.example.com", false)]
    [InlineData("orders handler", false)]
    [InlineData("", false)]
    public void A_function_name_is_a_name_with_an_optional_version_or_alias(string text, bool isName)
    {
        Assert.Equal(isName, LambdaUris.IsFunctionName(text));
    }

    [Theory]
    [InlineData("orders-handler", "arn:aws:lambda:eu-west-1:210987654321:function:orders-handler")]
    [InlineData("orders-handler:live", "arn:aws:lambda:eu-west-1:210987654321:function:orders-handler:live")]
    [InlineData("123456789012:function:orders-handler", "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler")]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:orders-handler:3", "arn:aws:lambda:us-west-2:123456789012:function:orders-handler:3")]
    public void Names_get_the_region_and_account_partial_arns_the_region_and_full_arns_stay(string function, string expected)
    {
        Assert.Equal(expected, LambdaUris.CompleteFunctionArn(function, "eu-west-1", Account));
    }

    [Fact]
    public async Task Many_names_make_one_GetCallerIdentity_call_signed_for_sts_by_the_session()
    {
        var (resolver, handler, client) = Resolver(() => Sts(CallerIdentity));
        using var _ = client;

        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:orders-handler", await resolver.FunctionArnAsync("orders-handler", default));
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:billing:live", await resolver.FunctionArnAsync("billing:live", default));
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:audit", await resolver.FunctionArnAsync(" audit ", default));

        var request = handler.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal(StsEndpoint + "/", request.Uri.AbsoluteUri);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", request.BodyText);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        var auth = SigV4.Parse(request);
        Assert.Equal("sts", auth.Service);
        Assert.Equal("us-east-1", auth.Region);
        Assert.Equal(TestSessions.AccessKey, auth.AccessKey);
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public async Task The_session_token_goes_with_the_sts_call()
    {
        var handler = new FakeHandler(_ => Sts(CallerIdentity));
        using var client = TestSessions.Client(handler, sessionToken: TestSessions.SessionToken);
        await new LambdaFunctionResolver(client.Client).FunctionArnAsync("orders-handler", default);
        Assert.Equal(TestSessions.SessionToken, handler.Single().Header("X-Amz-Security-Token"));
        SigV4.AssertValid(handler.Single(), TestSessions.SecretKey);
    }

    [Theory]
    [InlineData("123456789012:function:orders-handler", "arn:aws:lambda:us-east-1:123456789012:function:orders-handler")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:orders-handler", "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler")]
    [InlineData("https://orders.example.com/", "https://orders.example.com/")]
    public async Task Partial_and_full_arns_need_no_lookup(string function, string expected)
    {
        var (resolver, handler, client) = Resolver(() => throw new Xunit.Sdk.XunitException("no request expected"));
        using var _ = client;
        Assert.Equal(expected, await resolver.FunctionArnAsync(function, default));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_failed_lookup_is_one_clear_error_per_item_and_is_not_asked_again()
    {
        const string denied = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>" +
            "<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error>" +
            "<RequestId>4e3c1d2a-0000-4000-8000-000000000001</RequestId></ErrorResponse>";
        var (resolver, handler, client) = Resolver(() => Sts(denied, HttpStatusCode.Forbidden));
        using var _ = client;

        var first = await Assert.ThrowsAsync<LambdaFunctionNotResolvedException>(() => resolver.FunctionArnAsync("orders-handler", default));
        var second = await Assert.ThrowsAsync<LambdaFunctionNotResolvedException>(() => resolver.FunctionArnAsync("billing", default));

        Assert.Single(handler.Requests);
        Assert.Equal(FailureKind.AccessDenied, first.Kind);
        Assert.Equal("orders-handler", first.Function);
        Assert.Contains("'orders-handler' is given by name", first.Message);
        Assert.Contains("InvalidClientTokenId", first.Message);
        Assert.Contains("sts.us-east-1.amazonaws.com", first.Message);
        Assert.Contains("arn:aws:lambda:us-east-1:123456789012:function:orders-handler", first.RecommendedAction);
        Assert.Contains("'billing'", second.Message);
        foreach (var text in new[] { first.Message, first.RecommendedAction, second.Message })
        {
            Assert.DoesNotContain(TestSessions.SecretKey, text);
            Assert.DoesNotContain("Signature=", text);
        }
    }

    [Fact]
    public async Task An_answer_without_an_account_is_a_failed_lookup()
    {
        var (resolver, _, client) = Resolver(() => Sts("<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>"));
        using var _c = client;
        var ex = await Assert.ThrowsAsync<LambdaFunctionNotResolvedException>(() => resolver.FunctionArnAsync("orders-handler", default));
        Assert.Equal(FailureKind.UnexpectedResponse, ex.Kind);
        Assert.Contains("12-digit account", ex.Message);
    }

    [Fact]
    public async Task An_unreachable_sts_endpoint_is_a_failed_lookup()
    {
        var (resolver, _, client) = Resolver(() => throw new HttpRequestException("Connection refused"));
        using var _c = client;
        var ex = await Assert.ThrowsAsync<LambdaFunctionNotResolvedException>(() => resolver.FunctionArnAsync("orders-handler", default));
        Assert.Equal(FailureKind.ConnectionFailed, ex.Kind);
    }

    [Theory]
    [InlineData("AWS_PROXY", "orders-handler", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:orders-handler/invocations")]
    [InlineData("AWS_PROXY", "orders-handler:live", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:orders-handler:live/invocations")]
    [InlineData("AWS_PROXY", "123456789012:function:orders-handler", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders-handler/invocations")]
    [InlineData("AWS", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/orders-handler/invocations", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:orders-handler/invocations")]
    [InlineData("AWS", "SendMessage", "SendMessage")]
    [InlineData("HTTP_PROXY", "orders-handler", "orders-handler")]
    [InlineData("AWS_PROXY", "arn:aws:lambda:us-east-1:123456789012:function:orders-handler", "arn:aws:lambda:us-east-1:123456789012:function:orders-handler")]
    public async Task Rest_definitions_get_the_invocation_uri_of_a_named_function(string type, string uri, string expected)
    {
        var (resolver, _, client) = Resolver(() => Sts(CallerIdentity));
        using var _c = client;
        var definition = await resolver.ResolveAsync(new RestIntegrationDefinition { Type = type, Uri = uri }, default);
        Assert.Equal(expected, definition.Uri);
    }

    [Theory]
    [InlineData("HTTP", "AWS_PROXY", null, "orders-handler", "arn:aws:lambda:us-east-1:210987654321:function:orders-handler")]
    [InlineData("HTTP", "AWS_PROXY", null, "123456789012:function:orders-handler:2", "arn:aws:lambda:us-east-1:123456789012:function:orders-handler:2")]
    [InlineData("WEBSOCKET", "AWS_PROXY", null, "chat", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:chat/invocations")]
    [InlineData("WEBSOCKET", "AWS", null, "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/chat/invocations", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:210987654321:function:chat/invocations")]
    [InlineData("HTTP", "AWS_PROXY", "SQS-SendMessage", "orders", "orders")]
    [InlineData("HTTP", "HTTP_PROXY", null, "https://orders.example.com", "https://orders.example.com")]
    public async Task Api_definitions_get_the_function_arn_or_invocation_uri_of_a_named_function(string protocol, string type, string? subtype, string uri, string expected)
    {
        var (resolver, _, client) = Resolver(() => Sts(CallerIdentity));
        using var _c = client;
        var definition = await resolver.ResolveAsync(new ApiIntegrationDefinition { IntegrationType = type, IntegrationSubtype = subtype, IntegrationUri = uri }, protocol, default);
        Assert.Equal(expected, definition.IntegrationUri);
    }

    private static ResolvedSession Session(IDictionary<string, string> environment, string? endpointUrl) =>
        TestSessions.Resolver(environment).Resolve(new SessionOptions
        {
            AccessKey = TestSessions.AccessKey,
            SecretKey = TestSessions.SecretKey,
            Region = "eu-west-1",
            EndpointUrl = endpointUrl,
        });

    [Fact]
    public void The_sts_endpoint_is_a_custom_EndpointUrl_itself_and_the_regional_one_for_aws()
    {
        Assert.Equal("http://127.0.0.1:5000/", Session(new Dictionary<string, string>(), "http://127.0.0.1:5000").StsEndpoint.AbsoluteUri);
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/", Session(new Dictionary<string, string>(), "https://apigateway.eu-west-1.amazonaws.com").StsEndpoint.AbsoluteUri);
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/", Session(new Dictionary<string, string>(), null).StsEndpoint.AbsoluteUri);
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/",
            Session(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = "http://127.0.0.1:5000" }, null).StsEndpoint.AbsoluteUri);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_STS_and_AWS_ENDPOINT_URL_set_the_sts_endpoint()
    {
        var sts = Session(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = "http://localhost:4566", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000" }, null);
        Assert.Equal("http://localhost:4566/", sts.StsEndpoint.AbsoluteUri);
        Assert.Contains("AWS_ENDPOINT_URL_STS", sts.StsEndpointSource);
        Assert.Equal("http://127.0.0.1:5000/", Session(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000" }, null).StsEndpoint.AbsoluteUri);
        var ignored = Session(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = "http://localhost:4566", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" }, null);
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/", ignored.StsEndpoint.AbsoluteUri);
    }
}
