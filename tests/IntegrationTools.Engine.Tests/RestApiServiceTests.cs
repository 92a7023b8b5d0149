using System.Net;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>REST API (v1) operations against answers shaped like apigateway-2015-07-09.</summary>
public class RestApiServiceTests
{
    // A Lambda (AWS) integration as GetIntegration returns it, integration responses out of key order.
    private const string LambdaIntegration = """
        {
          "type": "AWS",
          "httpMethod": "POST",
          "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations",
          "connectionType": "INTERNET",
          "credentials": "arn:aws:iam::123456789012:role/apigw-invoke",
          "requestParameters": { "integration.request.header.X-Pet-Id": "method.request.path.id", "integration.request.querystring.q": "'static'" },
          "requestTemplates": { "application/json": "{\"id\": \"$input.params('id')\"}" },
          "passthroughBehavior": "WHEN_NO_TEMPLATES",
          "contentHandling": "CONVERT_TO_TEXT",
          "timeoutInMillis": 29000,
          "cacheNamespace": "res456",
          "cacheKeyParameters": [ "method.request.path.id", "method.request.querystring.q" ],
          "integrationResponses": {
            "500": { "statusCode": "500", "selectionPattern": ".*Error.*", "responseTemplates": { "application/json": null } },
            "200": {
              "statusCode": "200",
              "responseParameters": { "method.response.header.X-Trace": "integration.response.header.X-Amzn-Trace-Id" },
              "responseTemplates": { "application/json": "$input.json('$')" },
              "contentHandling": "CONVERT_TO_TEXT"
            }
          },
          "tlsConfig": { "insecureSkipVerification": true },
          "responseTransferMode": "BUFFERED"
        }
        """;

    private static (RestApiService Service, FakeHandler Handler, ApiGatewayClientWithLog Client) Create(params Func<HttpResponseMessage>[] responses)
    {
        var handler = FakeHandler.Sequence(responses);
        var client = TestSessions.Client(handler);
        return (new RestApiService(client.Client), handler, client);
    }

    [Fact]
    public async Task GetIntegration_MapsTheV1Body()
    {
        var (service, _, client) = Create(() => Responses.Json(LambdaIntegration));
        using var _c = client;

        var integration = await service.GetIntegrationAsync("abc123", "res456", "GET", "/pets/{id}", default);

        Assert.Equal("abc123", integration.RestApiId);
        Assert.Equal("res456", integration.ResourceId);
        Assert.Equal("/pets/{id}", integration.ResourcePath);
        Assert.Equal("GET", integration.HttpMethod);
        Assert.Equal("AWS", integration.Type);
        Assert.Equal("POST", integration.IntegrationHttpMethod);
        Assert.Equal("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations", integration.Uri);
        Assert.Equal("INTERNET", integration.ConnectionType);
        Assert.Null(integration.ConnectionId);
        Assert.Equal("arn:aws:iam::123456789012:role/apigw-invoke", integration.Credentials);
        Assert.Equal(new Dictionary<string, string>
        {
            ["integration.request.header.X-Pet-Id"] = "method.request.path.id",
            ["integration.request.querystring.q"] = "'static'",
        }, integration.RequestParameters);
        Assert.Equal("{\"id\": \"$input.params('id')\"}", integration.RequestTemplates["application/json"]);
        Assert.Equal("WHEN_NO_TEMPLATES", integration.PassthroughBehavior);
        Assert.Equal("CONVERT_TO_TEXT", integration.ContentHandling);
        Assert.Equal(29000, integration.TimeoutInMillis);
        Assert.Equal("res456", integration.CacheNamespace);
        Assert.Equal(new[] { "method.request.path.id", "method.request.querystring.q" }, integration.CacheKeyParameters);
        Assert.True(integration.InsecureSkipVerification);
        Assert.Equal("BUFFERED", integration.ResponseTransferMode);
        Assert.Null(integration.IntegrationTarget);

        Assert.Equal(new[] { "200", "500" }, integration.IntegrationResponses.Select(r => r.StatusCode));
        var ok = integration.IntegrationResponses[0];
        Assert.Equal("abc123", ok.RestApiId);
        Assert.Equal("res456", ok.ResourceId);
        Assert.Equal("/pets/{id}", ok.ResourcePath);
        Assert.Equal("GET", ok.HttpMethod);
        Assert.Null(ok.SelectionPattern);
        Assert.Equal("integration.response.header.X-Amzn-Trace-Id", ok.ResponseParameters["method.response.header.X-Trace"]);
        Assert.Equal("$input.json('$')", ok.ResponseTemplates["application/json"]);
        Assert.Equal("CONVERT_TO_TEXT", ok.ContentHandling);
        var error = integration.IntegrationResponses[1];
        Assert.Equal(".*Error.*", error.SelectionPattern);
        // The service sends "application/json": null for a passthrough template.
        Assert.Equal("", error.ResponseTemplates["application/json"]);
        Assert.Empty(error.ResponseParameters);
        Assert.Equal("GET /pets/{id} -> AWS arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations", integration.ToString());
    }

    [Fact]
    public async Task GetIntegration_MapsAMinimalMockIntegration()
    {
        var (service, _, client) = Create(() => Responses.Json(
            """{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"},"passthroughBehavior":"WHEN_NO_MATCH","timeoutInMillis":29000,"cacheNamespace":"res456","cacheKeyParameters":[],"integrationResponses":{"200":{"selectionPattern":""}}}"""));
        using var _c = client;

        var integration = await service.GetIntegrationAsync("abc123", "res456", "OPTIONS", null, default);

        Assert.Equal("MOCK", integration.Type);
        Assert.Null(integration.IntegrationHttpMethod);
        Assert.Null(integration.Uri);
        Assert.Null(integration.InsecureSkipVerification);
        Assert.Empty(integration.CacheKeyParameters);
        Assert.Empty(integration.RequestParameters);
        Assert.Null(integration.ResourcePath);
        // An integration response without statusCode takes its map key.
        Assert.Equal("200", Assert.Single(integration.IntegrationResponses).StatusCode);
        Assert.Equal("OPTIONS res456 -> MOCK", integration.ToString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    public async Task GetIntegration_EmptySuccessAnswer_IsNotFound(string body)
    {
        // moto answers a method without integration with 200 and {}.
        var (service, _, client) = Create(() => Responses.Json(body));
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(
            () => service.GetIntegrationAsync("abc123", "res456", "DELETE", "/pets/{id}", default));

        Assert.Equal("NotFoundException", ex.ErrorCode);
        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("GET /restapis/abc123/resources/res456/methods/DELETE/integration", ex.Operation);
        Assert.Contains("DELETE", ex.Message);
        Assert.Contains("/pets/{id}", ex.Message);
        Assert.Contains("abc123", ex.Message);
    }

    [Fact]
    public async Task GetResources_FollowsPositionAcrossPages_AndSortsByPath()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""
                {"position":"eyJpZCI6InBldHMwMiJ9","item":[
                  {"id":"root00","path":"/","resourceMethods":{"GET":{}}},
                  {"id":"pets02","parentId":"pets01","pathPart":"{id}","path":"/pets/{id}","resourceMethods":{"PUT":{},"DELETE":{},"GET":{}}}
                ]}
                """),
            () => Responses.Json("""
                {"item":[
                  {"id":"pets01","parentId":"root00","pathPart":"pets","path":"/pets","resourceMethods":{"POST":{"httpMethod":"POST"},"GET":{"httpMethod":"GET"}}},
                  {"id":"users1","parentId":"root00","pathPart":"users","path":"/users"}
                ]}
                """));
        using var _c = client;

        var resources = await service.GetResourcesAsync("abc123", default);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("eyJpZCI6InBldHMwMiJ9", handler.Requests[1].Query()["position"]);
        Assert.Equal(new[] { "/", "/pets", "/pets/{id}", "/users" }, resources.Select(r => r.Path));
        var pets = resources[1];
        Assert.Equal("abc123", pets.RestApiId);
        Assert.Equal("pets01", pets.ResourceId);
        Assert.Equal("root00", pets.ParentId);
        Assert.Equal("pets", pets.PathPart);
        Assert.Equal(new[] { "GET", "POST" }, pets.HttpMethods);
        Assert.Equal(new[] { "DELETE", "GET", "PUT" }, resources[2].HttpMethods);
        Assert.Null(resources[0].ParentId);
        Assert.Empty(resources[3].HttpMethods);
    }

    [Fact]
    public async Task GetResources_StopsWhenTheServiceRepeatsThePosition()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"position":"same","item":[{"id":"root00","path":"/"}]}"""),
            () => Responses.Json("""{"position":"same","item":[{"id":"pets01","path":"/pets"}]}"""));
        using var _c = client;

        var resources = await service.GetResourcesAsync("abc123", default);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, resources.Count);
    }

    private static Func<HttpResponseMessage> PetStoreResources() => () => Responses.Json("""
        {"item":[
          {"id":"root00","path":"/"},
          {"id":"pets01","parentId":"root00","pathPart":"pets","path":"/pets","resourceMethods":{"GET":{},"POST":{}}},
          {"id":"pets02","parentId":"pets01","pathPart":"{id}","path":"/pets/{id}","resourceMethods":{"GET":{}}},
          {"id":"toys01","parentId":"pets02","pathPart":"toys","path":"/pets/{id}/toys"},
          {"id":"users1","parentId":"root00","pathPart":"users","path":"/users"}
        ]}
        """);

    [Theory]
    [InlineData("/pets/{id}")]
    [InlineData("pets/{id}")]
    [InlineData(" /pets/{id}/ ")]
    public async Task FindResourceByPath_ReturnsTheMatch(string path)
    {
        var (service, _, client) = Create(PetStoreResources());
        using var _c = client;

        var resource = await service.FindResourceByPathAsync("abc123", path, default);

        Assert.Equal("pets02", resource.ResourceId);
        Assert.Equal("/pets/{id}", resource.Path);
        Assert.Equal(new[] { "GET" }, resource.HttpMethods);
    }

    [Fact]
    public async Task FindResourceByPath_Typo_NamesTheClosestPaths()
    {
        var (service, _, client) = Create(PetStoreResources());
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ResourcePathNotFoundException>(
            () => service.FindResourceByPathAsync("abc123", "/pet/{id}", default));

        Assert.Equal("abc123", ex.RestApiId);
        Assert.Equal("/pet/{id}", ex.Path);
        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal(new[] { "/pets/{id}", "/pets", "/pets/{id}/toys" }, ex.ClosestPaths);
        Assert.Equal("REST API abc123 has no resource with the path '/pet/{id}'. Closest existing paths: '/pets/{id}', '/pets', '/pets/{id}/toys'.", ex.Message);
    }

    [Fact]
    public async Task FindResourceByPath_IsCaseSensitive()
    {
        var (service, _, client) = Create(PetStoreResources());
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ResourcePathNotFoundException>(
            () => service.FindResourceByPathAsync("abc123", "/Pets", default));

        Assert.Equal("/pets", ex.ClosestPaths[0]);
    }

    [Fact]
    public async Task FindResourceByPath_InAnApiWithoutResources_SaysSo()
    {
        var (service, _, client) = Create(() => Responses.Json("""{"item":[]}"""));
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ResourcePathNotFoundException>(
            () => service.FindResourceByPathAsync("abc123", "/pets", default));

        Assert.Empty(ex.ClosestPaths);
        Assert.EndsWith("It has no resources at all.", ex.Message);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("//", "/")]
    [InlineData("pets", "/pets")]
    [InlineData("/pets/", "/pets")]
    [InlineData("  /pets/{id}  ", "/pets/{id}")]
    public void NormalizePath_AddsTheLeadingSlashAndDropsTheTrailingOne(string input, string expected)
    {
        Assert.Equal(expected, RestApiService.NormalizePath(input));
    }

    [Fact]
    public async Task GetResource_MapsOne_AndAnAnswerWithoutIdIsAResponseError()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"id":"pets01","parentId":"root00","pathPart":"pets","path":"/pets","resourceMethods":{"GET":{}}}"""),
            () => Responses.Json("{}"));
        using var _c = client;

        var resource = await service.GetResourceAsync("abc123", "pets01", default);
        var ex = await Assert.ThrowsAsync<ApiGatewayResponseException>(() => service.GetResourceAsync("abc123", "gone01", default));

        Assert.Equal("/pets", resource.Path);
        Assert.Equal("/restapis/abc123/resources/pets01", handler.Requests[0].RawPath);
        Assert.Equal("GET /restapis/abc123/resources/gone01", ex.Operation);
    }

    [Fact]
    public async Task GetRestApis_FollowsPosition_AndMapsEndpointTypes()
    {
        var (service, handler, client) = Create(
            () => Responses.Json("""{"position":"next1","item":[{"id":"abc123","name":"PetStore","description":"Pets","rootResourceId":"root00","endpointConfiguration":{"types":["REGIONAL"]},"createdDate":1700000000}]}"""),
            () => Responses.Json("""{"item":[{"id":"def456","name":"Private","endpointConfiguration":{"types":["PRIVATE"],"vpcEndpointIds":["vpce-1"]}}]}"""));
        using var _c = client;

        var apis = await service.GetRestApisAsync(default);

        Assert.Equal(new[] { "abc123", "def456" }, apis.Select(a => a.RestApiId));
        Assert.Equal("PetStore", apis[0].Name);
        Assert.Equal("Pets", apis[0].Description);
        Assert.Equal("root00", apis[0].RootResourceId);
        Assert.Equal(new[] { "REGIONAL" }, apis[0].EndpointTypes);
        Assert.Equal(new[] { "PRIVATE" }, apis[1].EndpointTypes);
        Assert.Equal("/restapis", handler.Requests[0].RawPath);
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "500", ["position"] = "next1" }, handler.Requests[1].Query());
    }

    [Fact]
    public async Task ServiceErrors_PassThroughTheOperations()
    {
        var (service, _, client) = Create(() => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", """{"message":"Invalid API identifier specified 123456789012:nope00"}"""));
        using var _c = client;

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => service.FindResourceByPathAsync("nope00", "/pets", default));

        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal("GET /restapis/nope00/resources", ex.Operation);
    }
}
