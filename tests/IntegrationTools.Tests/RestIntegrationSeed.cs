using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationTools.Tests;

/// <summary>
/// REST API fixtures for the integration cmdlet tests, put into moto directly over HTTP (not through the cmdlets under
/// test): methods that declare request parameters, and raw reads of what moto stored.
/// </summary>
public sealed class RestIntegrationSeed(string endpoint)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A REST API with /pets (GET declaring method.request.querystring.q and method.request.header.x-trace, POST, OPTIONS),
    /// /pets/{petId} (GET and DELETE declaring method.request.path.petId) and /orders (POST); no integrations.
    /// </summary>
    public Shop CreateShop(string name)
    {
        var api = Send("POST", "/restapis", new { name })["id"]!.GetValue<string>();
        var root = Send("GET", $"/restapis/{api}/resources")["item"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var pets = Send("POST", $"/restapis/{api}/resources/{root}", new { pathPart = "pets" })["id"]!.GetValue<string>();
        var pet = Send("POST", $"/restapis/{api}/resources/{pets}", new { pathPart = "{petId}" })["id"]!.GetValue<string>();
        var orders = Send("POST", $"/restapis/{api}/resources/{root}", new { pathPart = "orders" })["id"]!.GetValue<string>();
        PutMethod(api, pets, "GET", "method.request.querystring.q", "method.request.header.x-trace");
        PutMethod(api, pets, "POST");
        PutMethod(api, pets, "OPTIONS");
        PutMethod(api, pet, "GET", "method.request.path.petId");
        PutMethod(api, pet, "DELETE", "method.request.path.petId");
        PutMethod(api, orders, "POST");
        return new Shop(api, root, pets, pet, orders);
    }

    public void PutMethod(string restApiId, string resourceId, string httpMethod, params string[] requestParameters) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}", new
        {
            authorizationType = "NONE",
            requestParameters = requestParameters.ToDictionary(p => p, _ => false),
        });

    public JsonNode PutIntegration(string restApiId, string resourceId, string httpMethod, object body) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration", body);

    public JsonNode PutIntegrationResponse(string restApiId, string resourceId, string httpMethod, string statusCode, object body) =>
        Send("PUT", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}", body);

    /// <summary>The integration as moto stores it; null when the method has none (moto answers {}).</summary>
    public JsonObject? Integration(string restApiId, string resourceId, string httpMethod)
    {
        var node = Send("GET", $"/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration").AsObject();
        return node.Count == 0 || node["type"] == null ? null : node;
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

public sealed record Shop(string RestApiId, string RootId, string PetsId, string PetId, string OrdersId);
