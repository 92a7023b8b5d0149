using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Rest;

/// <summary>Friendly changes to patch operations, JSON-pointer escaping, and applying operations for the pre-flight.</summary>
public class RestIntegrationPatchTests
{
    private static RestIntegration Current() => new()
    {
        RestApiId = "a1b2c3d4e5",
        ResourceId = "res123",
        ResourcePath = "/pets",
        HttpMethod = "GET",
        Type = "HTTP",
        IntegrationHttpMethod = "GET",
        Uri = "https://petstore.example.com/pets",
        RequestParameters = new() { ["integration.request.header.x-id"] = "method.request.header.x-id", ["integration.request.querystring.old"] = "'1'" },
        RequestTemplates = new() { ["application/json"] = "{}" },
        CacheKeyParameters = ["method.request.querystring.a", "method.request.querystring.b"],
        TimeoutInMillis = 29000,
    };

    [Theory]
    [InlineData("application/json", "application~1json")]
    [InlineData("integration.request.header.x-id", "integration.request.header.x-id")]
    [InlineData("a~b/c", "a~0b~1c")]
    [InlineData("~1", "~01")]
    public void Escape_TildeFirstThenSlash_AndUnescapeReverses(string key, string escaped)
    {
        Assert.Equal(escaped, RestIntegrationPatch.Escape(key));
        Assert.Equal(key, RestIntegrationPatch.Unescape(escaped));
    }

    [Fact]
    public void Build_OnlyWhatWasNamedChanges()
    {
        var ops = RestIntegrationPatch.Build(Current(), new RestIntegrationDefinition { TimeoutInMillis = 5000 });
        var op = Assert.Single(ops);
        Assert.Equal(("replace", "/timeoutInMillis", "5000"), (op.Op, op.Path, op.Value));
        Assert.Empty(RestIntegrationPatch.Build(Current(), new RestIntegrationDefinition()));
    }

    [Fact]
    public void Build_EveryScalar()
    {
        var ops = RestIntegrationPatch.Build(Current(), new RestIntegrationDefinition
        {
            IntegrationHttpMethod = "POST", Uri = "https://x.example.com", ConnectionType = "VPC_LINK", ConnectionId = "vl1", Credentials = "arn:aws:iam::*:user/*",
            PassthroughBehavior = "NEVER", CacheNamespace = "ns", ContentHandling = "CONVERT_TO_TEXT", TimeoutInMillis = 100,
            InsecureSkipVerification = false, ResponseTransferMode = "BUFFERED", IntegrationTarget = "arn:x",
        });
        Assert.Equal(
        [
            "replace /httpMethod = POST", "replace /uri = https://x.example.com", "replace /connectionType = VPC_LINK", "replace /connectionId = vl1",
            "replace /credentials = arn:aws:iam::*:user/*", "replace /passthroughBehavior = NEVER", "replace /cacheNamespace = ns",
            "replace /contentHandling = CONVERT_TO_TEXT", "replace /timeoutInMillis = 100", "replace /tlsConfig/insecureSkipVerification = false",
            "replace /responseTransferMode = BUFFERED", "replace /integrationTarget = arn:x",
        ], ops.Select(o => o.ToString()));
    }

    [Fact]
    public void Build_Maps_AddReplaceRemovePerKey_WithEscapedKeys()
    {
        var ops = RestIntegrationPatch.Build(Current(), new RestIntegrationDefinition
        {
            RequestParameters = new()
            {
                ["integration.request.header.x-id"] = "method.request.path.id",
                ["integration.request.header.x-new"] = "'v'",
                ["integration.request.querystring.old"] = "",
                ["integration.request.querystring.never"] = "",
            },
            RequestTemplates = new() { ["application/json"] = "{\"a\": 1}", ["application/xml"] = "<a/>" },
        });
        Assert.Equal(
        [
            "replace /requestParameters/integration.request.header.x-id = method.request.path.id",
            "add /requestParameters/integration.request.header.x-new = 'v'",
            "remove /requestParameters/integration.request.querystring.old",
            "replace /requestTemplates/application~1json = {\"a\": 1}",
            "add /requestTemplates/application~1xml = <a/>",
        ], ops.Select(o => o.ToString()));
    }

    [Fact]
    public void Build_CacheKeyParameters_BecomeTheGivenSet()
    {
        var ops = RestIntegrationPatch.Build(Current(), new RestIntegrationDefinition { CacheKeyParameters = ["method.request.querystring.b", "method.request.header.c"] });
        Assert.Equal(["add /cacheKeyParameters/method.request.header.c", "remove /cacheKeyParameters/method.request.querystring.a"], ops.Select(o => o.ToString()));
    }

    [Fact]
    public void Apply_GivesTheIntegrationAsItWillBe_WithoutTouchingTheOriginal()
    {
        var before = RestIntegrationDefinition.FromModel(Current());
        var after = RestIntegrationPatch.Apply(before,
        [
            new PatchOperation("replace", "/timeoutInMillis", "10"),
            new PatchOperation("remove", "/requestParameters/integration.request.querystring.old"),
            new PatchOperation("add", "/requestTemplates/text~1plain", "x"),
            new PatchOperation("add", "/cacheKeyParameters/method.request.header.c"),
            new PatchOperation("replace", "/tlsConfig/insecureSkipVerification", "true"),
            new PatchOperation("replace", "/no/such/path", "1"),
            new PatchOperation("copy", "/uri", from: "/cacheNamespace"),
        ]);
        Assert.Equal(10, after.TimeoutInMillis);
        Assert.Equal(29000, before.TimeoutInMillis);
        Assert.Equal(["integration.request.header.x-id"], after.RequestParameters!.Keys);
        Assert.Equal(2, before.RequestParameters!.Count);
        Assert.Equal("x", after.RequestTemplates!["text/plain"]);
        Assert.Contains("method.request.header.c", after.CacheKeyParameters!);
        Assert.True(after.InsecureSkipVerification);
        Assert.Equal(before.Uri, after.Uri);
    }

    [Fact]
    public void PatchRules_MalformedOperationsAndUnknownPaths()
    {
        var findings = RestInputRules.CheckPatch(RestIntegrationPatch.Normalize(
        [
            new PatchOperation("Replace", "/timeoutInMillis", "5000"),
            new PatchOperation("replce", "/uri", "x"),
            new PatchOperation("replace", "timeoutInMillis", "5000"),
            new PatchOperation("add", "/requestParameters/integration.request.header.a"),
            new PatchOperation("copy", "/uri"),
            new PatchOperation("replace", "/timeout", "5000"),
        ]), "restapi/a /pets GET").ToList();
        Assert.Equal(
        [
            ("IT1301", "PatchOperation[1]"), ("IT1301", "PatchOperation[2]"), ("IT1301", "PatchOperation[3]"), ("IT1301", "PatchOperation[4]"), ("IT1302", "PatchOperation[5]"),
        ], findings.Select(f => (f.RuleId, f.Field!)));
        Assert.Contains("Did you mean 'replace'?", findings[0].Message);
        Assert.Equal(Severity.Warning, findings[4].Severity);
        Assert.Contains("'/timeoutInMillis'", findings[4].Message);
    }
}
