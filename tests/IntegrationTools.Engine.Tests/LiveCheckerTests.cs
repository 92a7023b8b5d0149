using System.Collections;
using System.Net;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Rules;
using IntegrationTools.Validation;
using IntegrationTools.Wire;
using IntegrationTools.Models;
using IntegrationTools.Definitions;

namespace IntegrationTools.Engine.Tests;

/// <summary>Test-ApiIntegration -Live's checker against an account answered by a fake API Gateway (apigateway and apigatewayv2 shapes).</summary>
public sealed class LiveCheckerTests
{
    private static readonly HttpResponseMessage NotFound = Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\": \"Invalid API identifier specified\"}");

    private static async Task<List<Finding>> Check(IDictionary definition, Func<string, HttpResponseMessage?> answer, RuleContext? context = null)
    {
        var handler = new FakeHandler(r => answer(r.Method + " " + r.RawPath) ?? Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\": \"not found\"}"));
        using var client = TestSessions.Client(handler);
        var offline = DefinitionValidator.Validate(definition, DefinitionKind.Auto, context ?? RuleContext.Offline);
        return await new LiveChecker(client.Client).CheckAsync(offline, context ?? RuleContext.Offline, default);
    }

    private static readonly Hashtable RestDefinition = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RestApiId"] = "a1b2c3d4e5", ["ResourcePath"] = "/pets", ["HttpMethod"] = "GET",
        ["Type"] = "HTTP_PROXY", ["IntegrationHttpMethod"] = "GET", ["Uri"] = "https://petstore.example.com/pets",
        ["RequestParameters"] = new Hashtable { ["integration.request.header.x-id"] = "context.requestId" },
    };

    private static HttpResponseMessage? RestAccount(string call, string integration) => call switch
    {
        "GET /restapis/a1b2c3d4e5" => Responses.Json("""{ "id": "a1b2c3d4e5", "name": "pets", "rootResourceId": "root01" }"""),
        "GET /restapis/a1b2c3d4e5/resources" => Responses.Json("""
            { "item": [ { "id": "root01", "path": "/" },
                        { "id": "res456", "parentId": "root01", "pathPart": "pets", "path": "/pets", "resourceMethods": { "GET": {}, "POST": {} } } ] }
            """),
        "GET /restapis/a1b2c3d4e5/resources/res456/methods/GET/integration" => Responses.Json(integration),
        "GET /restapis/a1b2c3d4e5/resources/res456/methods/GET" => Responses.Json("""{ "httpMethod": "GET", "authorizationType": "NONE", "requestParameters": { "method.request.header.x-id": true } }"""),
        _ => null,
    };

    [Fact]
    public async Task ServiceDefaultsLeftOutByTheAnswerAreNotDrift_RealDifferencesAreOneFindingPerField()
    {
        // As moto answers: members the service would fill in (timeout, passthrough, connection type, cache namespace) are null.
        var findings = await Check(RestDefinition, call => RestAccount(call, """
            { "type": "HTTP_PROXY", "httpMethod": "POST", "uri": "https://petstore.example.com/pets", "connectionType": null,
              "passthroughBehavior": null, "timeoutInMillis": null, "cacheNamespace": null, "cacheKeyParameters": [],
              "requestParameters": { "integration.request.header.x-id": "context.requestId", "integration.request.header.x-extra": "'1'" } }
            """));

        Assert.All(findings, f => Assert.Equal("IT3006", f.RuleId));
        Assert.Equal(["IntegrationHttpMethod", "RequestParameters"], findings.Select(f => f.Field).Order());
        var method = findings.Single(f => f.Field == "IntegrationHttpMethod");
        Assert.Equal("IntegrationHttpMethod is 'POST' as deployed but 'GET' in the definition.", method.Message);
        Assert.Equal("RequestParameters differ: 'integration.request.header.x-extra' is deployed (''1'') but not defined.", findings.Single(f => f.Field == "RequestParameters").Message);
        Assert.All(findings, f => Assert.Equal("restapi/a1b2c3d4e5 /pets GET", f.Target));
    }

    [Fact]
    public async Task TheMethodsDeclaredParametersAndTheSessionRegionAreUsedByTheRules()
    {
        // Offline, IT1023 cannot know what the method declares; live, GetMethod says it declares only x-id.
        var definition = new Hashtable(RestDefinition, StringComparer.OrdinalIgnoreCase)
        {
            ["RequestParameters"] = new Hashtable { ["integration.request.header.x-id"] = "method.request.header.x-id", ["integration.request.querystring.q"] = "method.request.querystring.q" },
        };
        var deployed = """{ "type": "HTTP_PROXY", "httpMethod": "GET", "uri": "https://petstore.example.com/pets", "requestParameters": { "integration.request.header.x-id": "method.request.header.x-id", "integration.request.querystring.q": "method.request.querystring.q" } }""";
        Assert.Empty(Validation.DefinitionValidator.Validate(definition, DefinitionKind.Auto, RuleContext.Offline).Findings);
        var finding = Assert.Single(await Check(definition, call => RestAccount(call, deployed)));
        Assert.Equal("IT1023", finding.RuleId);
        Assert.Contains("method.request.querystring.q", finding.Message);
    }

    [Fact]
    public async Task AMemberTheServiceLeftOut_IsNamedWithTheServiceDefault_WhenTheDefinitionSetsAnotherValue()
    {
        // As moto answers: no timeoutInMillis (the service would say 29000); the definition asks for 5000.
        var definition = new Hashtable(RestDefinition, StringComparer.OrdinalIgnoreCase) { ["TimeoutInMillis"] = 5000 };
        var finding = Assert.Single(await Check(definition, call => RestAccount(call, """
            { "type": "HTTP_PROXY", "httpMethod": "GET", "uri": "https://petstore.example.com/pets", "timeoutInMillis": null,
              "requestParameters": { "integration.request.header.x-id": "context.requestId" } }
            """)));
        Assert.Equal(("IT3006", "TimeoutInMillis"), (finding.RuleId, finding.Field));
        Assert.Equal("TimeoutInMillis is not set (the default, 29000) as deployed but 5000 in the definition.", finding.Message);
    }

    [Fact]
    public async Task TheSameIntegrationAsDeployedHasNoFindings()
    {
        var findings = await Check(RestDefinition, call => RestAccount(call, """
            { "type": "HTTP_PROXY", "httpMethod": "GET", "uri": "https://petstore.example.com/pets", "connectionType": "INTERNET",
              "passthroughBehavior": "WHEN_NO_MATCH", "timeoutInMillis": 29000, "cacheNamespace": "res456", "cacheKeyParameters": [],
              "requestParameters": { "integration.request.header.x-id": "context.requestId" } }
            """));
        Assert.Empty(findings);
    }

    [Fact]
    public async Task AnIdOfAnotherKindOfApiIsAProtocolFinding_AnUnknownIdIsAMissingApi()
    {
        var http = await Check(RestDefinition, call => call == "GET /v2/apis/a1b2c3d4e5"
            ? Responses.Json("""{ "apiId": "a1b2c3d4e5", "name": "orders", "protocolType": "HTTP" }""")
            : null);
        var protocol = Assert.Single(http);
        Assert.Equal(("IT3002", "RestApiId"), (protocol.RuleId, protocol.Field));
        Assert.Contains("'a1b2c3d4e5' is an HTTP API, but the definition is for a REST API", protocol.Message);

        var missing = Assert.Single(await Check(RestDefinition, _ => null));
        Assert.Equal("IT3001", missing.RuleId);
    }

    [Fact]
    public async Task AMissingPathNamesTheClosestOnes_AMissingMethodNamesTheDeclaredOnes()
    {
        var path = Assert.Single(await Check(new Hashtable(RestDefinition, StringComparer.OrdinalIgnoreCase) { ["ResourcePath"] = "/pet" }, call => RestAccount(call, "{}")));
        Assert.Equal("IT3003", path.RuleId);
        Assert.Contains("Closest existing paths: '/pets'", path.Message);

        var method = Assert.Single(await Check(new Hashtable(RestDefinition, StringComparer.OrdinalIgnoreCase) { ["HttpMethod"] = "DELETE" }, call => RestAccount(call, "{}")));
        Assert.Equal("IT3004", method.RuleId);
        Assert.Contains("it has GET, POST", method.Message);
    }

    [Fact]
    public async Task WebSocketPrivateIntegrationsUseV1VpcLinks()
    {
        var definition = new Hashtable
        {
            ["ApiId"] = "ws0123abcd", ["IntegrationType"] = "HTTP_PROXY", ["IntegrationMethod"] = "POST", ["ConnectionType"] = "VPC_LINK",
            ["ConnectionId"] = "vl1234", ["IntegrationUri"] = "http://orders.internal.example.com",
        };
        var findings = await Check(definition, call => call switch
        {
            "GET /v2/apis/ws0123abcd" => Responses.Json("""{ "apiId": "ws0123abcd", "name": "chat", "protocolType": "WEBSOCKET" }"""),
            "GET /vpclinks/vl1234" => Responses.Json("""{ "id": "vl1234", "name": "orders-nlb", "status": "PENDING", "statusMessage": "VPC link is provisioning ENIs" }"""),
            _ => null,
        });
        var link = Assert.Single(findings, f => f.RuleId == "IT3005");
        Assert.Equal(Severity.Warning, link.Severity);
        Assert.Contains("is PENDING: VPC link is provisioning ENIs", link.Message);
    }

    [Fact]
    public async Task ThrottlingAfterRetriesIsThrownForTheCallerToReport()
    {
        var ex = await Assert.ThrowsAsync<ApiGatewayServiceException>(() => Check(RestDefinition, _ =>
            Responses.Error((HttpStatusCode)429, "TooManyRequestsException", "{\"message\": \"Too Many Requests\"}")));
        Assert.Equal(FailureKind.Throttled, ex.Kind);
    }
}
