using System.Net;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests;

/// <summary>HTTP and WebSocket API (v2) operations against answers shaped like apigatewayv2-2018-11-29 (camelCase on the wire).</summary>
public class ApiV2ServiceTests
{
    private static readonly ApiInfo HttpApi = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    private const string FirstPage = """
        {
          "items": [
            {
              "apiGatewayManaged": true,
              "connectionId": "vl0abc",
              "connectionType": "VPC_LINK",
              "description": "orders backend",
              "integrationId": "int001",
              "integrationMethod": "ANY",
              "integrationType": "HTTP_PROXY",
              "integrationUri": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
              "payloadFormatVersion": "1.0",
              "requestParameters": { "append:header.x-source": "apigw", "overwrite:path": "$request.path" },
              "responseParameters": {
                "404": { "overwrite:statuscode": "410" },
                "500": { "append:header.x-error": "backend", "overwrite:statuscode": "502" }
              },
              "timeoutInMillis": 30000,
              "tlsConfig": { "serverNameToVerify": "orders.internal.example.com" }
            },
            {
              "integrationId": "int002",
              "integrationType": "AWS_PROXY",
              "integrationSubtype": "SQS-SendMessage",
              "credentialsArn": "arn:aws:iam::123456789012:role/apigw-sqs",
              "payloadFormatVersion": "1.0",
              "requestParameters": { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "MessageBody": "$request.body" }
            }
          ],
          "nextToken": "eyJpbnQiOiJpbnQwMDIifQ=="
        }
        """;

    [Fact]
    public async Task GetIntegrationsPage_MapsCamelCaseMembers_AndReturnsTheNextToken()
    {
        var handler = new FakeHandler(_ => Responses.Json(FirstPage));
        using var client = TestSessions.Client(handler);

        var page = await new ApiV2Service(client.Client).GetIntegrationsPageAsync(HttpApi, null, default);

        Assert.Equal("eyJpbnQiOiJpbnQwMDIifQ==", page.NextToken);
        Assert.Equal(2, page.Items.Count);
        var vpc = page.Items[0];
        Assert.Equal("a1b2c3d4e5", vpc.ApiId);
        Assert.Equal("HTTP", vpc.ProtocolType);
        Assert.Equal("int001", vpc.IntegrationId);
        Assert.True(vpc.ApiGatewayManaged);
        Assert.Equal("VPC_LINK", vpc.ConnectionType);
        Assert.Equal("vl0abc", vpc.ConnectionId);
        Assert.Equal("orders backend", vpc.Description);
        Assert.Equal("ANY", vpc.IntegrationMethod);
        Assert.Equal("HTTP_PROXY", vpc.IntegrationType);
        Assert.StartsWith("arn:aws:elasticloadbalancing:", vpc.IntegrationUri);
        Assert.Equal("1.0", vpc.PayloadFormatVersion);
        Assert.Equal(30000, vpc.TimeoutInMillis);
        Assert.Equal("orders.internal.example.com", vpc.ServerNameToVerify);
        Assert.Equal(new Dictionary<string, string> { ["append:header.x-source"] = "apigw", ["overwrite:path"] = "$request.path" }, vpc.RequestParameters);
        Assert.Equal(new[] { "404", "500" }, vpc.ResponseParameters.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["overwrite:statuscode"] = "410" }, vpc.ResponseParameters["404"]);
        Assert.Equal(new Dictionary<string, string> { ["append:header.x-error"] = "backend", ["overwrite:statuscode"] = "502" }, vpc.ResponseParameters["500"]);

        var sqs = page.Items[1];
        Assert.Equal("int002", sqs.IntegrationId);
        Assert.False(sqs.ApiGatewayManaged);
        Assert.Equal("AWS_PROXY", sqs.IntegrationType);
        Assert.Equal("SQS-SendMessage", sqs.IntegrationSubtype);
        Assert.Equal("arn:aws:iam::123456789012:role/apigw-sqs", sqs.CredentialsArn);
        Assert.Null(sqs.IntegrationUri);
        Assert.Null(sqs.ServerNameToVerify);
        Assert.Null(sqs.TimeoutInMillis);
        Assert.Empty(sqs.ResponseParameters);
        Assert.Empty(sqs.RequestTemplates);
        Assert.Equal("$request.body", sqs.RequestParameters["MessageBody"]);
    }

    [Fact]
    public async Task GetIntegrationsPage_MapsWebSocketMembers()
    {
        var api = new ApiInfo { ApiId = "ws0123abcd", ProtocolType = "WEBSOCKET" };
        var handler = new FakeHandler(_ => Responses.Json("""
            {"items":[{"integrationId":"int900","integrationType":"AWS","integrationMethod":"POST",
              "integrationUri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations",
              "contentHandlingStrategy":"CONVERT_TO_TEXT","passthroughBehavior":"WHEN_NO_MATCH",
              "templateSelectionExpression":"\\$default","integrationResponseSelectionExpression":"${integration.response.statuscode}",
              "requestTemplates":{"$default":"{\"action\":\"send\"}"},"timeoutInMillis":"29000"}]}
            """));
        using var client = TestSessions.Client(handler);

        var page = await new ApiV2Service(client.Client).GetIntegrationsPageAsync(api, null, default);

        var ws = Assert.Single(page.Items);
        Assert.Null(page.NextToken);
        Assert.Equal("ws0123abcd", ws.ApiId);
        Assert.Equal("WEBSOCKET", ws.ProtocolType);
        Assert.Equal("CONVERT_TO_TEXT", ws.ContentHandlingStrategy);
        Assert.Equal("WHEN_NO_MATCH", ws.PassthroughBehavior);
        Assert.Equal("\\$default", ws.TemplateSelectionExpression);
        Assert.Equal("${integration.response.statuscode}", ws.IntegrationResponseSelectionExpression);
        Assert.Equal("{\"action\":\"send\"}", ws.RequestTemplates["$default"]);
        Assert.Equal(29000, ws.TimeoutInMillis);
    }

    [Theory]
    [InlineData("tok2", "tok2", null)]
    [InlineData("tok2", "tok3", "tok3")]
    [InlineData("tok2", "", null)]
    [InlineData(null, null, null)]
    public async Task GetIntegrationsPage_NextToken_IsNullWhenTheServiceRepeatsIt(string? sent, string? answered, string? expected)
    {
        var body = answered == null ? """{"items":[]}""" : $$"""{"items":[],"nextToken":"{{answered}}"}""";
        var handler = new FakeHandler(_ => Responses.Json(body));
        using var client = TestSessions.Client(handler);

        var page = await new ApiV2Service(client.Client).GetIntegrationsPageAsync(HttpApi, sent, default);

        Assert.Equal(expected, page.NextToken);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task GetApis_FollowsNextToken()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"items":[{"apiId":"a1b2c3d4e5","name":"orders","protocolType":"HTTP","apiEndpoint":"https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com","routeSelectionExpression":"$request.method $request.path"}],"nextToken":"page2"}"""),
            () => Responses.Json("""{"items":[{"apiId":"ws0123abcd","name":"chat","protocolType":"WEBSOCKET","description":"chat api","routeSelectionExpression":"$request.body.action"}]}"""));
        using var client = TestSessions.Client(handler);

        var apis = await new ApiV2Service(client.Client).GetApisAsync(default);

        Assert.Equal(new[] { "a1b2c3d4e5", "ws0123abcd" }, apis.Select(a => a.ApiId));
        Assert.Equal("HTTP", apis[0].ProtocolType);
        Assert.Equal("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", apis[0].ApiEndpoint);
        Assert.Equal("$request.body.action", apis[1].RouteSelectionExpression);
        Assert.Equal("chat api", apis[1].Description);
        Assert.Equal("/v2/apis", handler.Requests[0].RawPath);
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "500" }, handler.Requests[0].Query());
        Assert.Equal(new Dictionary<string, string> { ["maxResults"] = "500", ["nextToken"] = "page2" }, handler.Requests[1].Query());
    }

    [Fact]
    public async Task GetApi_MapsTheApi_AndAnAnswerWithoutApiIdIsAResponseError()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"apiId":"a1b2c3d4e5","name":"orders","protocolType":"HTTP"}"""),
            () => Responses.Json("{}"));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        var api = await service.GetApiAsync("a1b2c3d4e5", default);
        var ex = await Assert.ThrowsAsync<ApiGatewayResponseException>(() => service.GetApiAsync("zzz", default));

        Assert.Equal("orders", api.Name);
        Assert.Equal("/v2/apis/a1b2c3d4e5", handler.Requests[0].RawPath);
        Assert.Equal("GET /v2/apis/zzz", ex.Operation);
    }

    [Fact]
    public async Task GetIntegration_MapsOne_AndAnAnswerWithoutIdIsAResponseError()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json("""{"integrationId":"int001","integrationType":"HTTP_PROXY","integrationUri":"https://example.com","tlsConfig":{"serverNameToVerify":"example.com"}}"""),
            () => Responses.Json("""{"integrationType":"HTTP_PROXY"}"""));
        using var client = TestSessions.Client(handler);
        var service = new ApiV2Service(client.Client);

        var integration = await service.GetIntegrationAsync(HttpApi, "int001", default);
        var ex = await Assert.ThrowsAsync<ApiGatewayResponseException>(() => service.GetIntegrationAsync(HttpApi, "int002", default));

        Assert.Equal("example.com", integration.ServerNameToVerify);
        Assert.Equal("int001 HTTP_PROXY https://example.com", integration.ToString());
        Assert.Equal(FailureKind.UnexpectedResponse, ex.Kind);
        Assert.Equal("GET /v2/apis/a1b2c3d4e5/integrations/int002", ex.Operation);
    }

    [Fact]
    public async Task GetIntegration_NotFound_IsAServiceError()
    {
        var handler = new FakeHandler(_ => Responses.Error(HttpStatusCode.NotFound, "NotFoundException",
            """{"message":"Invalid Integration identifier specified","resourceType":"Integration"}"""));
        using var client = TestSessions.Client(handler);

        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(
            () => new ApiV2Service(client.Client).GetIntegrationAsync(HttpApi, "int404", default));

        Assert.Equal(FailureKind.NotFound, ex.Kind);
        Assert.Equal("Invalid Integration identifier specified", ex.ServiceMessage);
    }
}
