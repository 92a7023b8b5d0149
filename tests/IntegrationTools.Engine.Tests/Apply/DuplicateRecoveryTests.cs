using System.Net;
using System.Text.Json;
using IntegrationTools.Definitions;
using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// CreateIntegration after an ambiguous failure (the request was sent; the answer is a 5xx or never comes): the
/// integration it may have made is looked for before the create is sent again, so one definition never leaves two.
/// </summary>
public sealed class DuplicateRecoveryTests
{
    private static readonly ApiInfo Api = new() { ApiId = "a1b2c3d4e5", ProtocolType = "HTTP" };

    /// <summary>A v2 API shaped like apigatewayv2-2018-11-29 whose create can be told to fail after (or instead of) applying.</summary>
    private sealed class FakeApi
    {
        private int _next;

        public List<Dictionary<string, object?>> Integrations { get; } = new();

        /// <summary>What each POST does in turn: "ok", "applied-500", "applied-drop", "500", "drop", "429".</summary>
        public Queue<string> PostFates { get; } = new();

        public int Posts { get; private set; }

        public int Lists { get; private set; }

        public FakeHandler Handler() => new(request =>
        {
            lock (this)
            {
                if (request.Method == "GET" && request.RawPath == $"/v2/apis/{Api.ApiId}/integrations")
                {
                    Lists++;
                    return Responses.Json(JsonSerializer.Serialize(new { items = Integrations }));
                }
                if (request.Method == "POST" && request.RawPath == $"/v2/apis/{Api.ApiId}/integrations")
                {
                    Posts++;
                    var fate = PostFates.Count > 0 ? PostFates.Dequeue() : "ok";
                    if (fate == "429")
                        return Responses.Error((HttpStatusCode)429, "TooManyRequestsException", "{\"message\":\"Too Many Requests\"}");
                    if (fate == "500") return Responses.Error(HttpStatusCode.InternalServerError, "InternalServerErrorException", "{}");
                    if (fate == "drop") throw new HttpRequestException("The response ended prematurely.");
                    var item = JsonSerializer.Deserialize<Dictionary<string, object?>>(request.BodyText!)!;
                    item["integrationId"] = "new" + (++_next);
                    Integrations.Add(item);
                    if (fate == "applied-500") return Responses.Error(HttpStatusCode.InternalServerError, "InternalServerErrorException", "{}");
                    if (fate == "applied-drop") throw new HttpRequestException("The response ended prematurely.");
                    return Responses.Json(JsonSerializer.Serialize(item), HttpStatusCode.Created);
                }
                throw new Xunit.Sdk.XunitException($"Unexpected request {request.Method} {request.RawPath}");
            }
        });
    }

    private static ApiGatewayClient Client(FakeHandler handler, List<string> log, int attempts = 3) => new(TestSessions.Create(), handler)
    {
        MaxAttempts = attempts,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        RateLimiter = TestSessions.Unpaced(),
        Log = line => { lock (log) log.Add(line); },
    };

    private static ApiIntegrationPlan Plan(string url)
    {
        var definition = new ApiIntegrationDefinition { ApiId = Api.ApiId, IntegrationType = "HTTP_PROXY", IntegrationMethod = "ANY", IntegrationUri = url, PayloadFormatVersion = "1.0" };
        return new ApiIntegrationPlan(definition, new List<Finding>(), ApiV2Service.CreateIntegrationRequest(Api.ApiId, definition), null);
    }

    [Theory]
    [InlineData("applied-500")]
    [InlineData("applied-drop")]
    public async Task AppliedButAnswerLost_RecoversTheIntegration_WithoutASecondPost(string fate)
    {
        var api = new FakeApi();
        api.PostFates.Enqueue(fate);
        var log = new List<string>();
        using var client = Client(api.Handler(), log);

        var created = await new ApiV2Service(client).CreateIntegrationAsync(Api, Plan("https://orders.example.com"), new IntegrationLedger(), default);

        Assert.Equal(1, api.Posts);
        Assert.Single(api.Integrations);
        Assert.Equal("new1", created.IntegrationId);
        Assert.Equal(ApplyOutcome.Created, created.Outcome);
        Assert.Contains(log, l => l.Contains("failed ambiguously") && l.Contains("recovered it instead of creating it again"));
    }

    [Theory]
    [InlineData("500")]
    [InlineData("drop")]
    public async Task NotAppliedAndAnswerLost_SendsTheCreateAgain_Once(string fate)
    {
        var api = new FakeApi();
        api.PostFates.Enqueue(fate);
        var log = new List<string>();
        using var client = Client(api.Handler(), log);

        var created = await new ApiV2Service(client).CreateIntegrationAsync(Api, Plan("https://orders.example.com"), new IntegrationLedger(), default);

        Assert.Equal(2, api.Posts);
        Assert.Single(api.Integrations);
        Assert.Equal(created.IntegrationId, api.Integrations[0]["integrationId"]!.ToString());
        Assert.Contains(log, l => l.Contains("created nothing: sending it again (round 2 of 3)"));
    }

    [Fact]
    public async Task AnIdenticalIntegrationThatWasThereBefore_IsNotTakenForTheLostOne()
    {
        var api = new FakeApi();
        api.Integrations.Add(new() { ["integrationId"] = "old1", ["integrationType"] = "HTTP_PROXY", ["integrationMethod"] = "ANY", ["integrationUri"] = "https://orders.example.com", ["payloadFormatVersion"] = "1.0" });
        api.PostFates.Enqueue("500");
        var log = new List<string>();
        using var client = Client(api.Handler(), log);

        var created = await new ApiV2Service(client).CreateIntegrationAsync(Api, Plan("https://orders.example.com"), new IntegrationLedger(), default);

        Assert.Equal("new1", created.IntegrationId);
        Assert.Equal(2, api.Integrations.Count);
        Assert.Equal(2, api.Posts);
    }

    [Fact]
    public async Task TheLedgerListsEachApiOnce_AndRemembersWhatThePipelineCreated()
    {
        var api = new FakeApi();
        var log = new List<string>();
        using var client = Client(api.Handler(), log);
        var service = new ApiV2Service(client);
        var ledger = new IntegrationLedger();

        // Two identical definitions in one pipeline; the second one's answer is lost after it was applied.
        var first = await service.CreateIntegrationAsync(Api, Plan("https://same.example.com"), ledger, default);
        api.PostFates.Enqueue("applied-drop");
        var second = await service.CreateIntegrationAsync(Api, Plan("https://same.example.com"), ledger, default);

        Assert.Equal("new1", first.IntegrationId);
        Assert.Equal("new2", second.IntegrationId);
        Assert.Equal(2, api.Posts);
        Assert.Equal(2, api.Lists); // one before the first create, one after the ambiguous failure
        Assert.Equal(1, ledger.ApiCount);
    }

    [Fact]
    public async Task ThrottledCreates_AreRetriedByTheWireLayer_WithoutListing()
    {
        var api = new FakeApi();
        api.PostFates.Enqueue("429");
        var log = new List<string>();
        using var client = Client(api.Handler(), log);

        await new ApiV2Service(client).CreateIntegrationAsync(Api, Plan("https://orders.example.com"), new IntegrationLedger(), default);

        Assert.Equal(2, api.Posts);
        Assert.Equal(1, api.Lists);
        Assert.Single(api.Integrations);
    }

    [Fact]
    public async Task WhenEveryAttemptFailsAmbiguously_ItGivesUpAfterMaxAttempts_CountingThem()
    {
        var api = new FakeApi();
        for (var i = 0; i < 10; i++) api.PostFates.Enqueue("500");
        var log = new List<string>();
        using var client = Client(api.Handler(), log, attempts: 3);

        var ex = await Assert.ThrowsAnyAsync<ApiGatewayException>(() =>
            new ApiV2Service(client).CreateIntegrationAsync(Api, Plan("https://orders.example.com"), new IntegrationLedger(), default));

        Assert.Equal(3, api.Posts);
        Assert.Empty(api.Integrations);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(FailureKind.ServiceError, ex.Kind);
        Assert.Contains("Gave up after 3 attempts: InternalServerErrorException (HTTP 500) ×3; after each", ex.Message);
        Assert.Contains("GetIntegrations showed no integration it had created", ex.Message);
    }
}
