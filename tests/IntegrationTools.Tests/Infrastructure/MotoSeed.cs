using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationTools.Tests.Infrastructure;

/// <summary>
/// Puts fixtures into moto directly over HTTP (plain JSON, as the service models define the requests), so tests
/// do not depend on the cmdlets they test. moto picks the service from the SigV4 credential scope and does not
/// check signatures, so a scoped Authorization header is all it needs.
/// </summary>
public sealed class MotoSeed(string endpoint)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public (string RestApiId, string RootId) CreateRestApi(string name)
    {
        var api = Send("POST", "/restapis", new { name });
        var id = api["id"]!.GetValue<string>();
        var root = Send("GET", $"/restapis/{id}/resources")["item"]!.AsArray()[0]!["id"]!.GetValue<string>();
        return (id, root);
    }

    public string CreateResource(string restApiId, string parentId, string pathPart) =>
        Send("POST", $"/restapis/{restApiId}/resources/{parentId}", new { pathPart })["id"]!.GetValue<string>();

    public void PutMethod(string restApiId, string resourceId, string httpMethod) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}", new { authorizationType = "NONE" });

    public JsonNode PutIntegration(string restApiId, string resourceId, string httpMethod, object body) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration", body);

    public string CreateApi(string name, string protocolType = "HTTP") =>
        Send("POST", "/v2/apis", protocolType == "WEBSOCKET"
            ? new { name, protocolType, routeSelectionExpression = "$request.body.action" }
            : (object)new { name, protocolType })["apiId"]!.GetValue<string>();

    public string CreateIntegration(string apiId, object body) =>
        Send("POST", $"/v2/apis/{apiId}/integrations", body)["integrationId"]!.GetValue<string>();

    /// <summary>A route of an HTTP or WebSocket API; with an integration id its target is integrations/{id}.</summary>
    public string CreateRoute(string apiId, string routeKey, string? integrationId = null) =>
        Send("POST", $"/v2/apis/{apiId}/routes", integrationId == null
            ? new { routeKey }
            : (object)new { routeKey, target = "integrations/" + integrationId })["routeId"]!.GetValue<string>();

    /// <summary>A VPC link of HTTP APIs (moto makes it AVAILABLE at once).</summary>
    public string CreateVpcLink(string name) =>
        Send("POST", "/v2/vpclinks", new { name, subnetIds = new[] { "subnet-0abc" }, securityGroupIds = new[] { "sg-0abc" } })["vpcLinkId"]!.GetValue<string>();

    /// <summary>A VPC link of REST and WebSocket APIs (v1; moto makes it AVAILABLE at once).</summary>
    public string CreateRestVpcLink(string name) =>
        Send("POST", "/vpclinks", new { name, targetArns = new[] { "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/orders/50dc6c495c0c9188" } })["id"]!.GetValue<string>();

    /// <summary>An integration response of a WebSocket API integration.</summary>
    public string CreateIntegrationResponse(string apiId, string integrationId, object body) =>
        Send("POST", $"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses", body)["integrationResponseId"]!.GetValue<string>();

    /// <summary>The integrations of an HTTP or WebSocket API as moto has them (to prove what was or was not created).</summary>
    public JsonArray GetIntegrations(string apiId) =>
        Send("GET", $"/v2/apis/{apiId}/integrations")["items"]?.AsArray() ?? new JsonArray();

    /// <summary>One integration as moto has it; null when it does not exist.</summary>
    public JsonNode? FindIntegration(string apiId, string integrationId)
    {
        foreach (var item in GetIntegrations(apiId))
            if (item?["integrationId"]?.GetValue<string>() == integrationId) return item;
        return null;
    }

    /// <summary>The integration responses of an integration as moto has them.</summary>
    public JsonArray GetIntegrationResponses(string apiId, string integrationId) =>
        Send("GET", $"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses")["items"]?.AsArray() ?? new JsonArray();

    /// <summary>The integration of a REST API method as moto has it; null when the method has none.</summary>
    public JsonNode? FindRestIntegration(string restApiId, string resourceId, string httpMethod)
    {
        // moto answers an empty body, not a 404, for a method without an integration.
        var integration = TrySend("GET", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration");
        return integration?["type"] == null ? null : integration;
    }

    /// <summary>An integration response of a REST API method as moto has it; null when there is none.</summary>
    public JsonNode? FindRestIntegrationResponse(string restApiId, string resourceId, string httpMethod, string statusCode) =>
        TrySend("GET", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}");

    /// <summary>An integration response of a REST API method's integration.</summary>
    public void PutRestIntegrationResponse(string restApiId, string resourceId, string httpMethod, string statusCode, string? selectionPattern = null) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}",
            selectionPattern == null ? new { } : (object)new { selectionPattern });

    /// <summary>A REST API with /pets (GET: MOCK, POST: HTTP_PROXY) and /pets/{id} (GET: Lambda proxy, DELETE: no integration).</summary>
    public PetStore CreatePetStore(string name)
    {
        var (api, root) = CreateRestApi(name);
        var pets = CreateResource(api, root, "pets");
        var pet = CreateResource(api, pets, "{id}");
        PutMethod(api, pets, "GET");
        PutMethod(api, pets, "POST");
        PutMethod(api, pet, "GET");
        PutMethod(api, pet, "DELETE");
        PutIntegration(api, pets, "GET", new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" } });
        PutIntegration(api, pets, "POST", new { type = "HTTP_PROXY", httpMethod = "POST", uri = "https://petstore.example.com/pets" });
        PutIntegration(api, pet, "GET", new
        {
            type = "AWS_PROXY",
            httpMethod = "POST",
            uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:get-pet/invocations",
        });
        return new PetStore(api, root, pets, pet);
    }

    private JsonNode? TrySend(string method, string path)
    {
        try
        {
            return Send(method, path);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("-> 404"))
        {
            return null;
        }
    }

    private JsonNode Send(string method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), endpoint + path);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/{DateTime.UtcNow:yyyyMMdd}/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body != null)
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = Http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Seeding moto failed: {method} {path} -> {(int)response.StatusCode} {text}");
        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text)!;
    }
}

public sealed record PetStore(string RestApiId, string RootId, string PetsId, string PetId);
