using System.Collections;
using System.Net;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests.Bulk;

/// <summary>
/// The listing Set-RestIntegration plans from: one GetResources?embed=methods per API (pages of 500, shaped like
/// apigateway-2015-07-09's Resources with embedded Method and Integration), from which the method, its declared request
/// parameters and its integration are read with no request per item, and which the writes keep up to date.
/// </summary>
public sealed class RestApiListingTests
{
    private const string Page1 = """
        {"position":"p2","item":[
          {"id":"root00","path":"/"},
          {"id":"res001","parentId":"root00","pathPart":"pets","path":"/pets","resourceMethods":{
            "GET":{"httpMethod":"GET","authorizationType":"NONE","requestParameters":{"method.request.querystring.q":false},
                   "methodIntegration":{"type":"HTTP_PROXY","httpMethod":"GET","uri":"https://pets.example.com","connectionType":"INTERNET",
                                        "passthroughBehavior":"WHEN_NO_MATCH","timeoutInMillis":29000,"cacheNamespace":"res001","cacheKeyParameters":[]}},
            "POST":{"httpMethod":"POST","authorizationType":"NONE"}}}]}
        """;

    private const string Page2 = """
        {"item":[{"id":"res002","parentId":"res001","pathPart":"{id}","path":"/pets/{id}","resourceMethods":{"DELETE":{}}}]}
        """;

    private static RestIntegrationDefinition Definition(string path, string method, string uri, Hashtable? requestParameters = null)
    {
        var fields = new Hashtable
        {
            ["RestApiId"] = "abc123", ["ResourcePath"] = path, ["HttpMethod"] = method, ["Type"] = "HTTP_PROXY",
            ["IntegrationHttpMethod"] = "GET", ["Uri"] = uri,
        };
        if (requestParameters != null) fields["RequestParameters"] = requestParameters;
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(fields, findings);
        Assert.Empty(findings);
        return definition;
    }

    [Fact]
    public async Task One_listing_follows_the_pages_and_asks_for_the_embedded_methods()
    {
        var handler = FakeHandler.Sequence(() => Responses.Json(Page1), () => Responses.Json(Page2));
        using var client = TestSessions.Client(handler);

        var listing = await new RestApiService(client.Client).GetListingAsync("abc123", default);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/restapis/abc123/resources", r.RawPath));
        Assert.Equal("embed=methods&limit=500", handler.Requests[0].RawQuery);
        Assert.Equal("embed=methods&limit=500&position=p2", handler.Requests[1].RawQuery);
        Assert.Equal(new[] { "/", "/pets", "/pets/{id}" }, listing.Resources.Select(r => r.Path));
    }

    [Fact]
    public async Task Planning_from_the_listing_sends_nothing_and_reads_parameters_and_integration_from_it()
    {
        var handler = FakeHandler.Sequence(() => Responses.Json(Page1), () => Responses.Json(Page2));
        using var client = TestSessions.Client(handler);
        var service = new RestApiService(client.Client);
        var listing = await service.GetListingAsync("abc123", default);
        var planner = new RestIntegrationPlanner(service, "us-east-1");

        var same = await planner.PlanPutAsync(Definition("/pets", "get", "https://pets.example.com"), listing, default);
        var created = await planner.PlanPutAsync(Definition("/pets/", "POST", "https://pets.example.com"), listing, default);
        var undeclared = await planner.PlanPutAsync(Definition("/pets", "GET", "https://pets.example.com",
            new Hashtable { ["integration.request.querystring.t"] = "method.request.querystring.term" }), listing, default);

        Assert.Equal(2, handler.Requests.Count); // the two pages, nothing per item
        Assert.Equal(ApplyOutcome.Unchanged, same.Outcome);
        Assert.Equal("restapi/abc123 /pets GET", same.Target.ToString());
        Assert.Equal(ApplyOutcome.Created, created.Outcome);
        Assert.Equal("IT1023", Assert.Single(undeclared.Findings).RuleId);
    }

    [Fact]
    public async Task Unknown_paths_ids_and_methods_are_the_same_NotFound_errors_as_from_the_service()
    {
        var handler = FakeHandler.Sequence(() => Responses.Json(Page1), () => Responses.Json(Page2));
        using var client = TestSessions.Client(handler);
        var listing = await new RestApiService(client.Client).GetListingAsync("abc123", default);

        var path = Assert.Throws<ResourcePathNotFoundException>(() => listing.Resolve(null, "/pet", "GET"));
        Assert.Contains("'/pets'", path.Message);
        var id = Assert.Throws<ApiGatewayServiceException>(() => listing.Resolve("nope00", null, "GET"));
        Assert.Equal(FailureKind.NotFound, id.Kind);
        Assert.Contains("no resource with the id 'nope00'", id.ServiceMessage);
        var method = Assert.Throws<ApiGatewayServiceException>(() => listing.Resolve("res001", "/ignored", "PATCH"));
        Assert.Equal("The resource '/pets' of REST API abc123 has no PATCH method (it has GET, POST).", method.ServiceMessage);
        Assert.Equal("restapi/abc123 /pets/{id} DELETE", listing.Resolve(null, "/pets/{id}", "delete").ToString());
    }

    [Fact]
    public async Task A_method_the_listing_does_not_embed_is_read_per_item_and_a_write_is_remembered()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Json(Page1), () => Responses.Json(Page2),
            () => Responses.Error(HttpStatusCode.NotFound, "NotFoundException", "{\"message\":\"Invalid Integration identifier specified\"}"),
            () => Responses.Json("""{"type":"HTTP_PROXY","httpMethod":"GET","uri":"https://one.example.com"}""", HttpStatusCode.Created));
        using var client = TestSessions.Client(handler);
        var service = new RestApiService(client.Client);
        var listing = await service.GetListingAsync("abc123", default);
        var planner = new RestIntegrationPlanner(service, "us-east-1");

        // DELETE /pets/{id} came as an empty object (not embedded): its integration is read (GetIntegration).
        var plan = await planner.PlanPutAsync(Definition("/pets/{id}", "DELETE", "https://one.example.com"), listing, default);
        Assert.Equal("/restapis/abc123/resources/res002/methods/DELETE/integration", handler.Requests[2].RawPath);
        Assert.Equal(ApplyOutcome.Created, plan.Outcome);
        var written = await planner.ApplyAsync(plan, default);
        listing.Remember(written);

        var again = await planner.PlanPutAsync(Definition("/pets/{id}", "DELETE", "https://one.example.com"), listing, default);
        Assert.Equal(ApplyOutcome.Unchanged, again.Outcome);
        Assert.Equal(4, handler.Requests.Count);
        // What the listing hands out is a copy: the written result keeps its own Outcome.
        (await planner.ApplyAsync(again, default)).Outcome = ApplyOutcome.Unchanged;
        Assert.Equal(ApplyOutcome.Created, written.Outcome);
    }
}
