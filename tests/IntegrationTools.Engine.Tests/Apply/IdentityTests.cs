using System.Net;
using System.Text.Json;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// Which integration a definition without an IntegrationId means (its route keys, else its backend), what applying it
/// sends (nothing when it already is as defined; only the differing members; a create), the routes pointed at it, and
/// the refusal of an ambiguous definition with nothing sent, against an API shaped like apigatewayv2-2018-11-29.
/// </summary>
public sealed class IdentityTests
{
    private static readonly ApiInfo Api = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    /// <summary>An HTTP API with integrations and routes that answers GetIntegrations, GetIntegration, GetRoutes and the writes.</summary>
    private sealed class FakeApi
    {
        public List<Dictionary<string, object?>> Integrations { get; } = new();

        public List<Dictionary<string, object?>> Routes { get; } = new();

        public FakeHandler Handler() => new(request =>
        {
            var prefix = $"/v2/apis/{Api.ApiId}";
            var path = request.RawPath;
            if (request.Method == "GET" && path == prefix + "/integrations") return Responses.Json(JsonSerializer.Serialize(new { items = Integrations }));
            if (request.Method == "GET" && path == prefix + "/routes") return Responses.Json(JsonSerializer.Serialize(new { items = Routes }));
            if (request.Method == "GET" && path.StartsWith(prefix + "/integrations/", StringComparison.Ordinal))
                return Responses.Json(JsonSerializer.Serialize(Integrations.Single(i => (string?)i["integrationId"] == path.Substring(path.LastIndexOf('/') + 1))));
            if (request.Method == "POST" && path == prefix + "/integrations")
            {
                var item = JsonSerializer.Deserialize<Dictionary<string, object?>>(request.BodyText!)!;
                item["integrationId"] = "new" + Integrations.Count;
                Integrations.Add(item);
                return Responses.Json(JsonSerializer.Serialize(item), HttpStatusCode.Created);
            }
            if (request.Method == "POST" && path == prefix + "/routes")
            {
                var route = JsonSerializer.Deserialize<Dictionary<string, object?>>(request.BodyText!)!;
                route["routeId"] = "made" + Routes.Count;
                Routes.Add(route);
                return Responses.Json(JsonSerializer.Serialize(route), HttpStatusCode.Created);
            }
            if (request.Method == "PATCH" && path.StartsWith(prefix + "/routes/", StringComparison.Ordinal))
            {
                var route = Routes.Single(r => (string?)r["routeId"]?.ToString() == path.Substring(path.LastIndexOf('/') + 1));
                route["target"] = JsonDocument.Parse(request.BodyText!).RootElement.GetProperty("target").GetString();
                return Responses.Json(JsonSerializer.Serialize(route));
            }
            if (request.Method == "PATCH" && path.StartsWith(prefix + "/integrations/", StringComparison.Ordinal))
            {
                var item = Integrations.Single(i => (string?)i["integrationId"]?.ToString() == path.Substring(path.LastIndexOf('/') + 1));
                foreach (var member in JsonDocument.Parse(request.BodyText!).RootElement.EnumerateObject()) item[member.Name] = member.Value.Clone();
                return Responses.Json(JsonSerializer.Serialize(item));
            }
            throw new Xunit.Sdk.XunitException($"Unexpected request {request.Method} {path}");
        });

        public FakeApi With(string id, string type, string uri, string? method = null, string? description = null)
        {
            Integrations.Add(new Dictionary<string, object?>
            {
                ["integrationId"] = id, ["integrationType"] = type, ["integrationUri"] = uri, ["integrationMethod"] = method,
                ["payloadFormatVersion"] = type == "AWS_PROXY" ? "2.0" : "1.0", ["description"] = description,
            });
            return this;
        }

        public FakeApi Route(string id, string key, string? integrationId)
        {
            Routes.Add(new Dictionary<string, object?> { ["routeId"] = id, ["routeKey"] = key, ["target"] = integrationId == null ? null : "integrations/" + integrationId });
            return this;
        }
    }

    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private static ApiIntegrationDefinition Http(string uri, params string[] routeKeys) => new()
    {
        IntegrationType = "HTTP_PROXY", IntegrationMethod = "ANY", IntegrationUri = uri, PayloadFormatVersion = "1.0",
        RouteKeys = routeKeys.Length == 0 ? null : routeKeys.ToList(),
    };

    private static async Task<(ApiIntegrationPlan Plan, FakeHandler Handler, ApiIntegrationPlanner Planner, ApiIntegrationInventory Inventory, ApiGatewayClientWithLog Client)> Plan(FakeApi api, ApiIntegrationDefinition definition)
    {
        var handler = api.Handler();
        var client = TestSessions.Client(handler);
        var planner = new ApiIntegrationPlanner(new ApiV2Service(client.Client));
        var inventory = new ApiIntegrationInventory();
        var plan = await planner.PlanApplyAsync(Api, "us-east-1", definition, inventory, null, default);
        return (plan, handler, planner, inventory, client);
    }

    [Fact]
    public async Task A_definition_that_names_route_keys_is_the_integration_they_target_whatever_its_backend()
    {
        var api = new FakeApi().With("int1", "HTTP_PROXY", "https://old.example.com", "ANY").With("int2", "HTTP_PROXY", "https://new.example.com", "ANY")
            .Route("r1", "GET /orders", "int1");
        var (plan, handler, _, _, client) = await Plan(api, Http("https://new.example.com", "GET /orders"));
        using (client)
        {
            Assert.Equal("int1", plan.Current!.IntegrationId);
            Assert.Equal(ApplyOutcome.Updated, plan.Outcome);
            Assert.Equal(new[] { "IntegrationUri" }, plan.Differences);
            Assert.Equal("{\"integrationUri\":\"https://new.example.com\"}", JsonSerializer.Serialize(plan.Request.Body));
            Assert.Empty(plan.RouteChanges);
            Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
        }
    }

    [Fact]
    public async Task Without_route_keys_the_backend_decides_and_an_equal_one_is_Unchanged_with_nothing_to_send()
    {
        var api = new FakeApi().With("int1", "AWS_PROXY", Function).With("int2", "HTTP_PROXY", "https://orders.example.com", "ANY");
        var (plan, _, _, _, client) = await Plan(api, Http("https://orders.example.com"));
        using (client)
        {
            Assert.Equal("int2", plan.Match!.Single!.IntegrationId);
            Assert.Equal(ApplyOutcome.Unchanged, plan.Outcome);
            Assert.True(plan.NothingToSend);
            Assert.Empty(plan.Requests());
        }
    }

    [Theory]
    [InlineData("https://other.example.com", null, "HTTP_PROXY")]
    [InlineData("https://orders.example.com", "GET", "HTTP_PROXY")]
    [InlineData(Function, null, "AWS_PROXY")]
    public async Task A_definition_whose_backend_no_integration_has_is_Created(string uri, string? method, string type)
    {
        var api = new FakeApi().With("int2", "HTTP_PROXY", "https://orders.example.com", "ANY").With("int3", "AWS", Function, "POST");
        var definition = new ApiIntegrationDefinition { IntegrationType = type, IntegrationUri = uri, IntegrationMethod = method };
        var (plan, _, _, _, client) = await Plan(api, definition);
        using (client)
        {
            Assert.Empty(plan.Match!.Candidates);
            Assert.Equal(ApplyOutcome.Created, plan.Outcome);
            Assert.Equal("POST /v2/apis/a1b2c3d4e5/integrations", Assert.Single(plan.Requests()).Describe());
        }
    }

    [Fact]
    public async Task A_definition_with_route_keys_no_route_targets_yet_is_Created_even_when_an_integration_has_its_backend()
    {
        var api = new FakeApi().With("int2", "HTTP_PROXY", "https://orders.example.com", "ANY").Route("r1", "GET /orders", null);
        var (plan, _, planner, inventory, client) = await Plan(api, Http("https://orders.example.com", "GET /orders", "POST /orders"));
        using (client)
        {
            Assert.Equal(ApplyOutcome.Created, plan.Outcome);
            Assert.Equal(new[] { "PATCH /v2/apis/a1b2c3d4e5/routes/r1", "POST /v2/apis/a1b2c3d4e5/routes" }, plan.Requests().Skip(1).Select(r => r.Describe()));
            Assert.Contains("integrations/{integrationId}", JsonSerializer.Serialize(plan.Requests()[1].Body));

            var created = await planner.ApplyAsync(Api, plan, inventory, new IntegrationLedger(), default);

            Assert.Equal("new1", created.IntegrationId);
            Assert.Equal(new[] { "GET /orders", "POST /orders" }, created.RouteKeys);
            Assert.All(api.Routes, r => Assert.Equal("integrations/new1", r["target"]?.ToString()));
            // Applied again: the routes name it now, so it is that integration, as it is.
            var again = await planner.PlanApplyAsync(Api, "us-east-1", Http("https://orders.example.com", "GET /orders", "POST /orders"), inventory, null, default);
            Assert.Equal("new1", again.Current!.IntegrationId);
            Assert.Equal(ApplyOutcome.Unchanged, again.Outcome);
            Assert.Empty(again.Requests());
        }
    }

    [Fact]
    public async Task A_route_that_targets_another_integration_is_re_targeted_and_makes_an_equal_integration_Updated()
    {
        var api = new FakeApi().With("int1", "AWS_PROXY", Function).With("int2", "HTTP_PROXY", "https://orders.example.com", "ANY")
            .Route("r1", "GET /orders", "int1").Route("r2", "$default", "int2");
        var definition = Http("https://orders.example.com");
        definition.IntegrationId = "int2";
        definition.RouteKeys = new List<string> { "$default", "GET /orders" };
        var (plan, handler, planner, inventory, client) = await Plan(api, definition);
        using (client)
        {
            Assert.Equal(ApplyOutcome.Updated, plan.Outcome);
            Assert.Equal(new[] { "RouteKeys" }, plan.Differences);
            Assert.False(plan.SendsIntegration);
            var change = Assert.Single(plan.RouteChanges);
            Assert.Equal("GET /orders", change.RouteKey);

            var result = await planner.ApplyAsync(Api, plan, inventory, new IntegrationLedger(), default);

            Assert.Equal(new[] { "PATCH /v2/apis/a1b2c3d4e5/routes/r1" }, handler.Requests.Where(r => r.Method != "GET").Select(r => r.Method + " " + r.RawPath));
            Assert.Equal("{\"target\":\"integrations/int2\"}", handler.Requests.Last().BodyText);
            Assert.Equal(new[] { "$default", "GET /orders" }, result.RouteKeys);
            Assert.Equal(ApplyOutcome.Updated, result.Outcome);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_definition_that_matches_several_integrations_is_ambiguous_names_them_and_sends_nothing(bool byRoutes)
    {
        var api = new FakeApi().With("int1", "HTTP_PROXY", "https://twice.example.com", "ANY").With("int2", "HTTP_PROXY", "https://twice.example.com", "ANY")
            .Route("r1", "GET /a", "int1").Route("r2", "GET /b", "int2");
        var definition = byRoutes ? Http("https://elsewhere.example.com", "GET /a", "GET /b") : Http("https://twice.example.com");
        var (plan, handler, planner, inventory, client) = await Plan(api, definition);
        using (client)
        {
            Assert.True(plan.Match!.Ambiguous);
            Assert.Equal("int1, int2", plan.Match.Ids);
            Assert.Contains(byRoutes ? "'GET /a', 'GET /b'" : "https://twice.example.com", plan.Match.By);
            Assert.Null(plan.Outcome);
            await Assert.ThrowsAsync<InvalidOperationException>(() => planner.ApplyAsync(Api, plan, inventory, new IntegrationLedger(), default));
            Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
        }
    }

    [Fact]
    public async Task New_tells_the_integrations_a_definition_already_describes_including_those_the_pipeline_created()
    {
        var api = new FakeApi().With("int1", "HTTP_PROXY", "https://orders.example.com", "ANY");
        using var client = TestSessions.Client(api.Handler());
        var planner = new ApiIntegrationPlanner(new ApiV2Service(client.Client));
        var inventory = new ApiIntegrationInventory();

        var existing = await planner.PlanNewAsync(Api, "us-east-1", Http("https://orders.example.com"), null, inventory, null, default);
        var fresh = await planner.PlanNewAsync(Api, "us-east-1", Http("https://fresh.example.com"), null, inventory, null, default);
        var made = await planner.ApplyAsync(Api, fresh, inventory, new IntegrationLedger(), default);
        var again = await planner.PlanNewAsync(Api, "us-east-1", Http("https://fresh.example.com"), null, inventory, null, default);

        Assert.Equal("int1", Assert.Single(existing.Match!.Candidates).IntegrationId);
        Assert.Empty(fresh.Match!.Candidates);
        Assert.Equal(made.IntegrationId, Assert.Single(again.Match!.Candidates).IntegrationId);
        Assert.Equal(1, inventory.ApiCount);
    }

    [Fact]
    public void The_backend_comparison_fills_in_the_service_defaults_and_ignores_members_the_definition_leaves_out()
    {
        var lambda = new ApiIntegration { IntegrationId = "int1", ProtocolType = "HTTP", IntegrationType = "AWS_PROXY", IntegrationUri = Function };
        var match = ApiIntegrationMatcher.Find(new ApiIntegrationDefinition { IntegrationType = "aws_proxy", IntegrationUri = Function, IntegrationMethod = "POST", Description = "other" },
            new[] { lambda }, Array.Empty<ApiRoute>());
        var none = ApiIntegrationMatcher.Find(new ApiIntegrationDefinition { Description = "no backend" }, new[] { lambda }, Array.Empty<ApiRoute>());

        Assert.Same(lambda, match.Single);
        Assert.Empty(none.Candidates);
    }
}
