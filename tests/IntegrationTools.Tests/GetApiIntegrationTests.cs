using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

[Collection(MotoCollection.Name)]
public sealed class GetApiIntegrationTests(MotoFixture moto)
{
    private (string ApiId, string LambdaId, string HttpId) SeedHttpApi(string name)
    {
        var api = moto.Seed.CreateApi(name);
        var lambda = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "AWS_PROXY",
            integrationUri = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            payloadFormatVersion = "2.0",
            description = "orders lambda",
        });
        var http = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "HTTP_PROXY",
            integrationMethod = "GET",
            integrationUri = "https://orders.example.com/{proxy}",
            payloadFormatVersion = "1.0",
            requestParameters = new Dictionary<string, string> { ["overwrite:header.x-source"] = "$context.requestId" },
        });
        return (api, lambda, http);
    }

    [Fact]
    public void ListsEveryIntegrationWithTheApiIdAndProtocol()
    {
        var (api, lambda, http) = SeedHttpApi("v2-list");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration -ApiId {api} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            Assert.Equal("IntegrationTools.Models.ApiIntegration", o.TypeNames[0]);
            Assert.Equal(api, o.Properties["ApiId"].Value);
            Assert.Equal("HTTP", o.Properties["ProtocolType"].Value);
        });
        var byId = result.Output.ToDictionary(o => (string)o.Properties["IntegrationId"].Value);
        Assert.Equal("AWS_PROXY", byId[lambda].Properties["IntegrationType"].Value);
        Assert.Equal("2.0", byId[lambda].Properties["PayloadFormatVersion"].Value);
        Assert.Equal("orders lambda", byId[lambda].Properties["Description"].Value);
        Assert.Equal("GET", byId[http].Properties["IntegrationMethod"].Value);
        var parameters = (System.Collections.IDictionary)byId[http].Properties["RequestParameters"].Value;
        Assert.Equal("$context.requestId", parameters["overwrite:header.x-source"]);
    }

    [Fact]
    public void GetsOneIntegrationAndReadsTheWebSocketProtocol()
    {
        var api = moto.Seed.CreateApi("ws-one", "WEBSOCKET");
        var id = moto.Seed.CreateIntegration(api, new
        {
            integrationType = "MOCK",
            requestTemplates = new Dictionary<string, string> { ["$default"] = "{\"statusCode\": 200}" },
            templateSelectionExpression = "\\$default",
        });
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-ApiIntegration {api} {id} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("WEBSOCKET", item.Properties["ProtocolType"].Value);
        Assert.Equal("MOCK", item.Properties["IntegrationType"].Value);
        Assert.Equal("\\$default", item.Properties["TemplateSelectionExpression"].Value);
    }

    [Fact]
    public void ApiIdsPipeInByValueAndObjectsByPropertyName()
    {
        var first = SeedHttpApi("v2-pipe-a");
        var second = SeedHttpApi("v2-pipe-b");
        using var ps = moto.NewSession();
        var byValue = ps.Run($"'{first.ApiId}', '{second.ApiId}' | Get-ApiIntegration -EndpointUrl $Endpoint");
        byValue.ThrowIfFailed();
        Assert.Equal(4, byValue.Output.Count);
        var byProperty = ps.Run($"Get-ApiIntegration {first.ApiId} -EndpointUrl $Endpoint | Get-ApiIntegration -EndpointUrl $Endpoint");
        byProperty.ThrowIfFailed();
        Assert.Equal(
            new[] { first.LambdaId, first.HttpId }.Order(),
            byProperty.Output.Select(o => (string)o.Properties["IntegrationId"].Value).Order());
    }

    [Fact]
    public void AMissingApiIsObjectNotFoundAndTheBatchGoesOn()
    {
        var good = SeedHttpApi("v2-missing");
        using var ps = moto.NewSession();
        var result = ps.Run($"'nosuchapi', '{good.ApiId}' | Get-ApiIntegration -EndpointUrl $Endpoint");
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GetApiIntegrationNotFound,IntegrationTools.Commands.GetApiIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("api/nosuchapi", error.TargetObject);
        Assert.Contains("NotFoundException", error.Exception.Message);
    }

    [Fact]
    public void TheTableViewGroupsByApiAndShowsTheOperatorColumns()
    {
        var (api, lambda, _) = SeedHttpApi("v2-view");
        using var ps = moto.NewSession();
        var text = ps.Render($"Get-ApiIntegration {api} -EndpointUrl $Endpoint");
        Assert.Contains($"API: {api} (HTTP)", text);
        Assert.Contains(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^IntegrationId\s+Type\s+Method\s+IntegrationUri\s+Payload\s+TimeoutMs\s*$"));
        Assert.Contains(text.Split('\n'), l => l.StartsWith(lambda) && l.Contains("AWS_PROXY") && l.Contains("function:orders") && l.Contains("2.0"));
    }
}
