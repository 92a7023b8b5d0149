using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Bulk;

/// <summary>
/// Which HTTP/WebSocket items may be in flight together: never two that one integration could match (so the recovery of
/// an ambiguous create cannot take another create's integration), never two for one integration or route key; items
/// with different backends and routes may.
/// </summary>
public sealed class ApiIntegrationKeysTests
{
    private const string Api = "http://127.0.0.1:5000|us-east-1|a1b2c3d4e5";

    private static (ApiIntegrationDefinition Definition, ApiIntegrationPlan Plan) Item(string? type, string? uri, string[]? routes = null, ApiIntegration? current = null)
    {
        var definition = new ApiIntegrationDefinition { IntegrationType = type, IntegrationUri = uri, RouteKeys = routes?.ToList() };
        return (definition, new ApiIntegrationPlan(definition, new List<Finding>(), ApiV2Service.CreateIntegrationRequest("a1b2c3d4e5", definition), current));
    }

    private static bool Conflict((ApiIntegrationDefinition D, ApiIntegrationPlan P) inFlight, (ApiIntegrationDefinition D, ApiIntegrationPlan P) later) =>
        ApiIntegrationKeys.Holds(Api, inFlight.D, inFlight.P).Intersect(ApiIntegrationKeys.Waits(Api, later.D, later.P)).Any();

    [Fact]
    public void Creates_of_the_same_backend_wait_for_each_other_whatever_their_routes_and_the_case_of_the_uri()
    {
        Assert.True(Conflict(Item("HTTP_PROXY", "https://a.example.com"), Item("http_proxy", " HTTPS://A.example.com ")));
        Assert.True(Conflict(Item("HTTP_PROXY", "https://a.example.com", new[] { "GET /a" }), Item("HTTP_PROXY", "https://a.example.com", new[] { "GET /b" })));
    }

    [Fact]
    public void Different_backends_and_routes_may_be_in_flight_together()
    {
        Assert.False(Conflict(Item("HTTP_PROXY", "https://a.example.com"), Item("HTTP_PROXY", "https://b.example.com")));
        Assert.False(Conflict(Item("HTTP_PROXY", "https://a.example.com", new[] { "GET /a" }), Item("HTTP_PROXY", "https://b.example.com", new[] { "GET /b" })));
    }

    [Fact]
    public void An_item_without_a_uri_waits_for_every_item_of_its_type_and_they_for_it()
    {
        Assert.True(Conflict(Item("MOCK", null, new[] { "$connect" }), Item("MOCK", null, new[] { "$disconnect" })));
        Assert.True(Conflict(Item("HTTP_PROXY", "https://a.example.com"), Item("HTTP_PROXY", null)));
        Assert.True(Conflict(Item("HTTP_PROXY", null), Item("HTTP_PROXY", "https://a.example.com")));
        Assert.False(Conflict(Item("MOCK", null), Item("HTTP_PROXY", "https://a.example.com")));
    }

    [Fact]
    public void The_same_route_key_or_integration_waits_and_a_change_of_backend_holds_the_old_one_too()
    {
        Assert.True(Conflict(Item("HTTP_PROXY", "https://a.example.com", new[] { "GET /a" }), Item("HTTP_PROXY", "https://b.example.com", new[] { "GET /a" })));
        var current = new ApiIntegration { IntegrationId = "int1", IntegrationType = "HTTP_PROXY", IntegrationUri = "https://old.example.com" };
        var update = Item("HTTP_PROXY", "https://new.example.com", current: current);
        Assert.True(Conflict(update, Item("HTTP_PROXY", "https://old.example.com")));
        var byId = Item(null, null);
        byId.Definition.IntegrationId = "int1";
        Assert.True(Conflict(update, byId));
    }
}
