using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>What ApiGatewayClient puts on the wire: SigV4 headers, URLs, query strings, bodies and its log lines.</summary>
public class WireTests
{
    private static readonly ApiInfo HttpApi = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    private const string ResourcesPage = """{"item":[{"id":"root00","path":"/"}]}""";
    private const string IntegrationsPage = """{"items":[]}""";

    [Fact]
    public async Task Request_IsSignedWithSigV4ForApiGatewayInTheSessionRegion()
    {
        var handler = new FakeHandler(_ => Responses.Json(ResourcesPage));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        var request = handler.Single();
        var amzDate = request.Header("X-Amz-Date");
        Assert.NotNull(amzDate);
        Assert.Matches(new Regex("^[0-9]{8}T[0-9]{6}Z$"), amzDate!);
        var parsed = DateTime.ParseExact(amzDate!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.True(Math.Abs((parsed - DateTime.UtcNow).TotalHours) < 1, "X-Amz-Date is not the current UTC time: " + amzDate);
        var date = amzDate!.Substring(0, 8);
        Assert.StartsWith(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/{date}/us-east-1/apigateway/aws4_request, SignedHeaders=",
            request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("IntegrationTools/", request.Header("User-Agent"));
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public async Task EveryRequestOfAPagedListingIsSignedAndValid()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"position":"cDI=","item":[{"id":"root00","path":"/"}]}"""),
            () => Responses.Json("""{"item":[{"id":"pets01","parentId":"root00","pathPart":"pets","path":"/pets"}]}"""));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        Assert.Equal(2, handler.Requests.Count);
        foreach (var request in handler.Requests)
        {
            Assert.Equal("AKIDEXAMPLE", SigV4.Parse(request).AccessKey);
            Assert.Equal("application/json", request.Header("Accept"));
            SigV4.AssertValid(request, TestSessions.SecretKey);
        }
    }

    [Fact]
    public async Task Request_WithoutSessionToken_HasNoSecurityTokenHeader()
    {
        var handler = new FakeHandler(_ => Responses.Json(ResourcesPage));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        Assert.Null(handler.Single().Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Request_WithSessionToken_CarriesSecurityTokenHeader()
    {
        var handler = new FakeHandler(_ => Responses.Json(ResourcesPage));
        using var client = TestSessions.Client(handler, sessionToken: TestSessions.SessionToken);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        var request = handler.Single();
        Assert.Equal(TestSessions.SessionToken, request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4.Parse(request).SignedHeaders);
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public async Task SecretKey_NeverGoesOnTheWire()
    {
        var handler = new FakeHandler(_ => Responses.Json(ResourcesPage));
        using var client = TestSessions.Client(handler, sessionToken: TestSessions.SessionToken);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        Assert.DoesNotContain(TestSessions.SecretKey, handler.Single().Dump());
    }

    [Fact]
    public async Task GetResources_SendsLimitAndThenPosition()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"position":"eyJpZCI6InBldHMwMSJ9","item":[{"id":"root00","path":"/"}]}"""),
            () => Responses.Json("""{"item":[{"id":"pets01","parentId":"root00","pathPart":"pets","path":"/pets"}]}"""));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        var first = handler.Requests[0];
        var second = handler.Requests[1];
        Assert.Equal("GET", first.Method);
        Assert.Equal("/restapis/abc123/resources", first.RawPath);
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "500" }, first.Query());
        Assert.Equal("/restapis/abc123/resources", second.RawPath);
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "500", ["position"] = "eyJpZCI6InBldHMwMSJ9" }, second.Query());
        Assert.Null(first.Body);
    }

    [Fact]
    public async Task GetIntegration_FillsThePathMembers()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"type":"MOCK"}"""));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetIntegrationAsync("abc123", "res456", "POST", "/pets", default);

        var request = handler.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://apigateway.us-east-1.amazonaws.com/restapis/abc123/resources/res456/methods/POST/integration", request.Uri.OriginalString);
        Assert.Equal("", request.RawQuery);
        Assert.Null(request.Body);
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public async Task V2GetIntegrations_SendsMaxResultsAndNextToken()
    {
        // v2 tokens are opaque and often base64: '+', '/' and '=' must survive the query string and the signature.
        const string token = "eyJsYXN0IjoiYWJjIn0+/x==";
        var handler = FakeHandler.Sequence(() => Responses.Json(IntegrationsPage), () => Responses.Json(IntegrationsPage));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        await service.GetIntegrationsPageAsync(HttpApi, null, default);
        await service.GetIntegrationsPageAsync(HttpApi, token, default, pageSize: 25);

        var first = handler.Requests[0];
        var second = handler.Requests[1];
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations", first.RawPath);
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "100" }, first.Query());
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations", second.RawPath);
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "25", ["nextToken"] = token }, second.Query());
        Assert.DoesNotContain("+", second.RawQuery);
        SigV4.AssertValid(first, TestSessions.SecretKey);
        SigV4.AssertValid(second, TestSessions.SecretKey);
    }

    [Fact]
    public async Task V2GetIntegration_FillsThePathMembers()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int789","integrationType":"HTTP_PROXY"}"""));
        using var client = TestSessions.Client(handler);

        await new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int789", default);

        var request = handler.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/apis/a1b2c3d4e5/integrations/int789", request.RawPath);
        Assert.Equal("", request.RawQuery);
    }

    [Fact]
    public async Task PathMembers_AreEscapedAndTheSignatureCoversTheEscapedPath()
    {
        var handler = new FakeHandler(_ => Responses.Json("{}"));
        using var client = TestSessions.Client(handler);
        var request = new WireRequest("GET", "/restapis/{restapi_id}/resources/{resource_id}")
            .With("restapi_id", "a b").With("resource_id", "x/y%z");

        await client.Client.SendAsync(request, default);

        var sent = handler.Single();
        Assert.Equal("/restapis/a%20b/resources/x%2Fy%25z", sent.RawPath);
        SigV4.AssertValid(sent, TestSessions.SecretKey);
    }

    [Fact]
    public async Task Body_IsJsonWithTheWireMemberNames()
    {
        var handler = new FakeHandler(_ => Responses.Json("{}"));
        using var client = TestSessions.Client(handler);
        var request = new WireRequest("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration")
            .With("restapi_id", "abc123").With("resource_id", "res456").With("http_method", "GET");
        request.Body = new IntegrationShape
        {
            Type = "HTTP_PROXY",
            HttpMethod = "POST",
            Uri = "https://backend.example.com/pets",
            TimeoutInMillis = 29000,
            TlsConfig = new RestTlsConfigShape { InsecureSkipVerification = true },
        };

        await client.Client.SendAsync(request, default);

        var sent = handler.Single();
        Assert.Equal("PUT", sent.Method);
        Assert.StartsWith("application/json", sent.Header("Content-Type"));
        using var json = JsonDocument.Parse(sent.Body!);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "httpMethod", "timeoutInMillis", "tlsConfig", "type", "uri" }, names);
        Assert.Equal("HTTP_PROXY", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("POST", json.RootElement.GetProperty("httpMethod").GetString());
        Assert.Equal(29000, json.RootElement.GetProperty("timeoutInMillis").GetInt32());
        Assert.True(json.RootElement.GetProperty("tlsConfig").GetProperty("insecureSkipVerification").GetBoolean());
        Assert.Contains("content-type", SigV4.Parse(sent).SignedHeaders);
        SigV4.AssertValid(sent, TestSessions.SecretKey);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566", "http://127.0.0.1:4566/v2/apis/a1b2c3d4e5/integrations/int789")]
    [InlineData("http://localhost:4566/", "http://localhost:4566/v2/apis/a1b2c3d4e5/integrations/int789")]
    [InlineData("https://gateway.internal.example:8443", "https://gateway.internal.example:8443/v2/apis/a1b2c3d4e5/integrations/int789")]
    [InlineData("http://localhost:4566/prefix", "http://localhost:4566/prefix/v2/apis/a1b2c3d4e5/integrations/int789")]
    public async Task CustomEndpoint_IsUsedWithItsPortAndSignedForIt(string endpoint, string expectedUrl)
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int789"}"""));
        using var client = TestSessions.Client(handler, endpoint: endpoint);

        await new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int789", default);

        var request = handler.Single();
        Assert.Equal(expectedUrl, request.Uri.OriginalString);
        Assert.Equal("us-east-1", SigV4.Parse(request).Region);
        SigV4.AssertValid(request, TestSessions.SecretKey);
    }

    [Fact]
    public async Task CustomEndpoint_WithPathAndTrailingSlash_IsSignedForThePathSent()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"integrationId":"int789"}"""));
        using var client = TestSessions.Client(handler, endpoint: "http://localhost:4566/prefix/");

        await new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int789", default);

        SigV4.AssertValid(handler.Single(), TestSessions.SecretKey);
    }

    [Fact]
    public async Task Log_HasOneLinePerRequestAndPerResponse()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"position":"p2","item":[]}""", requestId: "req-1"),
            () => Responses.Json("""{"item":[]}""", requestId: null));
        using var client = TestSessions.Client(handler);

        await new RestApiService(client.Client).GetResourcesAsync("abc123", default);

        Assert.Equal(new[]
        {
            "GET https://apigateway.us-east-1.amazonaws.com/restapis/abc123/resources?limit=500",
            "HTTP 200 request id req-1 for GET /restapis/abc123/resources",
            "GET https://apigateway.us-east-1.amazonaws.com/restapis/abc123/resources?limit=500&position=p2",
            "HTTP 200 for GET /restapis/abc123/resources",
        }, client.LogLines);
    }

    [Fact]
    public async Task EmptySuccessBody_DeserializesToNull()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.Accepted));
        using var client = TestSessions.Client(handler);

        var result = await client.Client.SendAsync<ResourceShape>(new WireRequest("DELETE", "/restapis/{id}").With("id", "abc123"), default);

        Assert.Null(result);
    }

    [Fact]
    public async Task SendAsync_ReturnsStatusRequestIdAndBody()
    {
        var handler = new FakeHandler(_ => Responses.Json("""{"id":"abc123"}""", System.Net.HttpStatusCode.Created, requestId: "rid-42"));
        using var client = TestSessions.Client(handler);

        var response = await client.Client.SendAsync(new WireRequest("POST", "/restapis"), default);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("rid-42", response.RequestId);
        Assert.Equal("""{"id":"abc123"}""", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public void WireRequest_RejectsEmptyPathMembers_AndSkipsEmptyQueryMembers()
    {
        var request = new WireRequest("GET", "/restapis/{restapi_id}/resources");

        Assert.Throws<ArgumentException>(() => request.With("restapi_id", ""));
        request.With("restapi_id", "abc123").WithQuery("limit", "25").WithQuery("position", null).WithQuery("embed", "");

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "25" }, request.Query);
        Assert.Equal("GET /restapis/abc123/resources", request.Describe());
    }
}
