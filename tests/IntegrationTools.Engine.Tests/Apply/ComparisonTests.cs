using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// The comparison behind idempotent applies: each member counts, and the service's defaults (which AWS returns and
/// emulators leave out) compare equal to a member left out.
/// </summary>
public sealed class ComparisonTests
{
    private const string ResourceId = "res123";

    private static RestIntegrationDefinition Desired() => new()
    {
        Type = "HTTP_PROXY",
        IntegrationHttpMethod = "GET",
        Uri = "https://orders.example.com/{id}",
        RequestParameters = new() { ["integration.request.path.id"] = "method.request.path.id" },
    };

    /// <summary>The integration as AWS returns it after a PutIntegration of <see cref="Desired"/>: every default spelled out.</summary>
    private static RestIntegration AsAwsReturnsIt() => new()
    {
        ResourceId = ResourceId,
        Type = "HTTP_PROXY",
        IntegrationHttpMethod = "GET",
        Uri = "https://orders.example.com/{id}",
        ConnectionType = "INTERNET",
        RequestParameters = new() { ["integration.request.path.id"] = "method.request.path.id" },
        PassthroughBehavior = "WHEN_NO_MATCH",
        TimeoutInMillis = 29000,
        CacheNamespace = ResourceId,
        CacheKeyParameters = new(),
        InsecureSkipVerification = false,
        ResponseTransferMode = "BUFFERED",
    };

    /// <summary>The same integration as moto returns it: the defaults left out.</summary>
    private static RestIntegration AsMotoReturnsIt() => new()
    {
        ResourceId = ResourceId,
        Type = "HTTP_PROXY",
        IntegrationHttpMethod = "GET",
        Uri = "https://orders.example.com/{id}",
        RequestParameters = new() { ["integration.request.path.id"] = "method.request.path.id" },
        PassthroughBehavior = "WHEN_NO_MATCH",
    };

    [Fact]
    public void Rest_DefaultsSpelledOutOrLeftOut_CompareEqual()
    {
        Assert.Empty(RestIntegrationComparison.Differences(Desired(), AsAwsReturnsIt(), ResourceId));
        Assert.Empty(RestIntegrationComparison.Differences(Desired(), AsMotoReturnsIt(), ResourceId));
    }

    [Fact]
    public void Rest_DefaultsNamedInTheDefinition_CompareEqualToTheServiceLeavingThemOut()
    {
        var desired = Desired();
        desired.TimeoutInMillis = 29000;
        desired.PassthroughBehavior = "when_no_match";
        desired.ConnectionType = "INTERNET";
        desired.CacheNamespace = ResourceId;
        desired.InsecureSkipVerification = false;
        desired.ResponseTransferMode = "BUFFERED";
        desired.CacheKeyParameters = new();
        Assert.Empty(RestIntegrationComparison.Differences(desired, AsMotoReturnsIt(), ResourceId));
    }

    public static TheoryData<string> RestChanges() => new(RestChangeOf.Keys);

    private static readonly Dictionary<string, Action<RestIntegrationDefinition>> RestChangeOf = new()
    {
        { "Type", d => d.Type = "HTTP" },
        { "IntegrationHttpMethod", d => d.IntegrationHttpMethod = "POST" },
        { "Uri", d => d.Uri = "https://other.example.com/{id}" },
        { "ConnectionType", d => d.ConnectionType = "VPC_LINK" },
        { "ConnectionId", d => d.ConnectionId = "vl123" },
        { "Credentials", d => d.Credentials = "arn:aws:iam::123456789012:role/api" },
        { "RequestParameters", d => d.RequestParameters = null },
        { "RequestTemplates", d => d.RequestTemplates = new() { ["application/json"] = "{}" } },
        { "PassthroughBehavior", d => d.PassthroughBehavior = "NEVER" },
        { "CacheNamespace", d => d.CacheNamespace = "orders" },
        { "CacheKeyParameters", d => d.CacheKeyParameters = new() { "method.request.path.id" } },
        { "ContentHandling", d => d.ContentHandling = "CONVERT_TO_TEXT" },
        { "TimeoutInMillis", d => d.TimeoutInMillis = 10000 },
        { "InsecureSkipVerification", d => d.InsecureSkipVerification = true },
        { "ResponseTransferMode", d => d.ResponseTransferMode = "STREAM" },
        { "IntegrationTarget", d => d.IntegrationTarget = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/1/2" },
    };

    [Theory]
    [MemberData(nameof(RestChanges))]
    public void Rest_EachMember_IsCompared(string member)
    {
        var desired = Desired();
        RestChangeOf[member](desired);
        Assert.Equal(new[] { member }, RestIntegrationComparison.Differences(desired, AsAwsReturnsIt(), ResourceId));
        Assert.Equal(new[] { member }, RestIntegrationComparison.Differences(desired, AsMotoReturnsIt(), ResourceId));
    }

    [Fact]
    public void Rest_CacheKeyParameters_CompareAsASet_AndEnumerationsIgnoreCase()
    {
        var desired = Desired();
        desired.CacheKeyParameters = new() { "method.request.path.id", "method.request.header.x-tenant" };
        desired.Type = "http_proxy";
        var live = AsAwsReturnsIt();
        live.CacheKeyParameters = new() { "method.request.header.x-tenant", "method.request.path.id" };
        Assert.Empty(RestIntegrationComparison.Differences(desired, live, ResourceId));
    }

    [Fact]
    public void Rest_MockIntegrations_HaveNoBackendMethodToCompare()
    {
        var desired = new RestIntegrationDefinition { Type = "MOCK", IntegrationHttpMethod = "POST", RequestTemplates = new() { ["application/json"] = "{\"statusCode\": 200}" } };
        var live = new RestIntegration { ResourceId = ResourceId, Type = "MOCK", RequestTemplates = new() { ["application/json"] = "{\"statusCode\": 200}" } };
        Assert.Empty(RestIntegrationComparison.Differences(desired, live, ResourceId));
    }

    private static ApiIntegration LiveHttp() => new()
    {
        ApiId = "api1",
        ProtocolType = "HTTP",
        IntegrationId = "int1",
        IntegrationType = "HTTP_PROXY",
        IntegrationMethod = "ANY",
        IntegrationUri = "https://orders.example.com",
        PayloadFormatVersion = "1.0",
        ConnectionType = "INTERNET",
        TimeoutInMillis = 30000,
        Description = "orders",
        RequestParameters = new() { ["overwrite:header.x-source"] = "$context.requestId" },
        ResponseParameters = new() { ["500"] = new() { ["overwrite:statuscode"] = "502" } },
    };

    [Fact]
    public void Api_OnlyTheNamedMembersAreCompared()
    {
        var patch = new ApiIntegrationDefinition { Description = "orders", IntegrationUri = "https://orders.example.com" };
        Assert.Empty(ApiIntegrationComparison.Differences(patch, LiveHttp()));
        Assert.Null(ApiIntegrationComparison.Changes(patch, LiveHttp()));
    }

    [Fact]
    public void Api_Defaults_CompareEqualWhenTheServiceLeavesThemOut()
    {
        var live = LiveHttp();
        live.TimeoutInMillis = null;
        live.ConnectionType = null;
        var patch = new ApiIntegrationDefinition { TimeoutInMillis = 30000, ConnectionType = "internet" };
        Assert.Empty(ApiIntegrationComparison.Differences(patch, live));

        var ws = new ApiIntegration { ApiId = "ws1", ProtocolType = "WEBSOCKET", IntegrationId = "i", IntegrationType = "MOCK" };
        Assert.Empty(ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { TimeoutInMillis = 29000, PayloadFormatVersion = "1.0", PassthroughBehavior = "WHEN_NO_MATCH" }, ws));
        Assert.Equal(new[] { "TimeoutInMillis" }, ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { TimeoutInMillis = 30000 }, ws));
    }

    [Fact]
    public void Api_Changes_NameOnlyTheDifferingMembers()
    {
        var patch = new ApiIntegrationDefinition
        {
            Description = "orders",
            TimeoutInMillis = 12000,
            IntegrationUri = "https://orders.example.com",
            RequestParameters = new() { ["overwrite:header.x-source"] = "$context.requestId" },
            ResponseParameters = new() { ["500"] = new() { ["overwrite:statuscode"] = "503" } },
        };

        var changes = ApiIntegrationComparison.Changes(patch, LiveHttp());

        Assert.NotNull(changes);
        Assert.Equal(12000, changes!.TimeoutInMillis);
        Assert.Equal("503", changes.ResponseParameters!["500"]["overwrite:statuscode"]);
        Assert.Null(changes.Description);
        Assert.Null(changes.IntegrationUri);
        Assert.Null(changes.RequestParameters);
        Assert.Equal(new[] { "TimeoutInMillis", "ResponseParameters" }, ApiIntegrationComparison.Differences(patch, LiveHttp()));
    }

    [Fact]
    public void Api_EmptyValues_MeanAbsent()
    {
        var live = LiveHttp();
        // Clearing what is already clear changes nothing; clearing what is set does.
        Assert.Empty(ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { ServerNameToVerify = "", RequestParameters = new() { ["overwrite:header.x-other"] = "" } }, live));
        Assert.Equal(new[] { "Description" }, ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { Description = "" }, live));
        Assert.Equal(new[] { "RequestParameters" }, ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { RequestParameters = new() { ["overwrite:header.x-source"] = "" } }, live));
        Assert.Equal(new[] { "ResponseParameters" }, ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { ResponseParameters = new() { ["500"] = new() } }, live));
        Assert.Empty(ApiIntegrationComparison.Differences(new ApiIntegrationDefinition { ResponseParameters = new() { ["404"] = new() } }, live));
    }

    public static TheoryData<string> ApiChanges() => new(ApiChangeOf.Keys);

    private static readonly Dictionary<string, ApiIntegrationDefinition> ApiChangeOf = new()
    {
        { "IntegrationType", new() { IntegrationType = "AWS_PROXY" } },
        { "IntegrationSubtype", new() { IntegrationSubtype = "SQS-SendMessage" } },
        { "IntegrationUri", new() { IntegrationUri = "https://other.example.com" } },
        { "IntegrationMethod", new() { IntegrationMethod = "GET" } },
        { "ConnectionType", new() { ConnectionType = "VPC_LINK" } },
        { "ConnectionId", new() { ConnectionId = "vl1" } },
        { "CredentialsArn", new() { CredentialsArn = "arn:aws:iam::123456789012:role/r" } },
        { "Description", new() { Description = "other" } },
        { "PayloadFormatVersion", new() { PayloadFormatVersion = "2.0" } },
        { "PassthroughBehavior", new() { PassthroughBehavior = "NEVER" } },
        { "ContentHandlingStrategy", new() { ContentHandlingStrategy = "CONVERT_TO_TEXT" } },
        { "TemplateSelectionExpression", new() { TemplateSelectionExpression = "$default" } },
        { "TimeoutInMillis", new() { TimeoutInMillis = 100 } },
        { "ServerNameToVerify", new() { ServerNameToVerify = "orders.internal" } },
        { "RequestParameters", new() { RequestParameters = new() { ["overwrite:header.x-source"] = "$context.stage" } } },
        { "RequestTemplates", new() { RequestTemplates = new() { ["$default"] = "{}" } } },
        { "ResponseParameters", new() { ResponseParameters = new() { ["404"] = new() { ["overwrite:statuscode"] = "410" } } } },
    };

    [Theory]
    [MemberData(nameof(ApiChanges))]
    public void Api_EachMember_IsCompared(string member)
    {
        Assert.Equal(new[] { member }, ApiIntegrationComparison.Differences(ApiChangeOf[member], LiveHttp()));
    }
}
