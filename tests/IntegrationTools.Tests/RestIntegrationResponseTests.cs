using System.Collections;
using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Set-, Get- and Remove-RestIntegrationResponse against moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class RestIntegrationResponseTests(MotoFixture moto)
{
    private const string SetSuffix = ",IntegrationTools.Commands.SetRestIntegrationResponseCommand";
    private readonly RestIntegrationSeed _seed = new(moto.Endpoint);

    private Shop ShopWithMock(string name)
    {
        var shop = _seed.CreateShop(name);
        _seed.PutIntegration(shop.RestApiId, shop.PetsId, "OPTIONS", new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" } });
        _seed.PutIntegration(shop.RestApiId, shop.OrdersId, "POST", new { type = "MOCK" });
        return shop;
    }

    [Fact]
    public void Set_ById_PutsTheResponse_AndGetReadsItBack()
    {
        var shop = ShopWithMock("response-set");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            Set-RestIntegrationResponse -RestApiId {{shop.RestApiId}} -ResourcePath /pets -HttpMethod OPTIONS -StatusCode 200 -SelectionPattern '2\d{2}' `
                -ResponseParameters @{ 'method.response.header.Access-Control-Allow-Origin' = "'*'" } `
                -ResponseTemplates @{ 'application/json' = '{}' } -ContentHandling convert_to_text -EndpointUrl $Endpoint
            Get-RestIntegrationResponse {{shop.RestApiId}} -ResourcePath /pets -HttpMethod OPTIONS -StatusCode 200 -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        foreach (var item in result.Output)
        {
            Assert.Equal("IntegrationTools.Models.RestIntegrationResponse", item.TypeNames[0]);
            Assert.Equal(shop.RestApiId, item.Properties["RestApiId"].Value);
            Assert.Equal(shop.PetsId, item.Properties["ResourceId"].Value);
            Assert.Equal("/pets", item.Properties["ResourcePath"].Value);
            Assert.Equal("OPTIONS", item.Properties["HttpMethod"].Value);
            Assert.Equal("200", item.Properties["StatusCode"].Value);
            Assert.Equal("2\\d{2}", item.Properties["SelectionPattern"].Value);
            Assert.Equal("'*'", ((IDictionary)item.Properties["ResponseParameters"].Value)["method.response.header.Access-Control-Allow-Origin"]);
            Assert.Equal("CONVERT_TO_TEXT", item.Properties["ContentHandling"].Value);
        }
    }

    [Fact]
    public void Get_WithoutStatusCode_ListsEveryResponse_AndTakesGetRestIntegrationFromThePipeline()
    {
        var shop = ShopWithMock("response-list");
        _seed.PutIntegrationResponse(shop.RestApiId, shop.OrdersId, "POST", "200", new { selectionPattern = "" });
        _seed.PutIntegrationResponse(shop.RestApiId, shop.OrdersId, "POST", "400", new { selectionPattern = "4\\d{2}" });
        _seed.PutIntegrationResponse(shop.RestApiId, shop.PetsId, "OPTIONS", "200", new { selectionPattern = "" });
        using var ps = moto.NewSession();
        var one = ps.Run($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint");
        one.ThrowIfFailed();
        Assert.Equal(["200", "400"], one.Output.Select(o => (string)o.Properties["StatusCode"].Value));
        var all = ps.Run($"Get-RestIntegration {shop.RestApiId} -EndpointUrl $Endpoint | Get-RestIntegrationResponse -EndpointUrl $Endpoint");
        all.ThrowIfFailed();
        Assert.Equal(["POST /orders 200", "POST /orders 400", "OPTIONS /pets 200"],
            all.Output.Select(o => $"{o.Properties["HttpMethod"].Value} {o.Properties["ResourcePath"].Value} {o.Properties["StatusCode"].Value}"));
    }

    [Fact]
    public void Get_AMissingStatusCode_IsObjectNotFound()
    {
        var shop = ShopWithMock("response-missing");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 404 -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("GetRestIntegrationResponseNotFound,IntegrationTools.Commands.GetRestIntegrationResponseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void Set_FromHashtablesAndFromGetOutput()
    {
        var shop = ShopWithMock("response-pipe");
        using var ps = moto.NewSession();
        var result = ps.Run($$"""
            @{ restApiId = '{{shop.RestApiId}}'; resourceId = '{{shop.OrdersId}}'; httpMethod = 'POST'; statusCode = '500'; selectionPattern = '5\d{2}' } |
                Set-RestIntegrationResponse -EndpointUrl $Endpoint
            Get-RestIntegrationResponse {{shop.RestApiId}} -ResourcePath /orders -HttpMethod POST -StatusCode 500 -EndpointUrl $Endpoint |
                Set-RestIntegrationResponse -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint
            """);
        result.ThrowIfFailed();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("/pets", result.Output[1].Properties["ResourcePath"].Value);
        Assert.Equal("5\\d{2}", result.Output[1].Properties["SelectionPattern"].Value);
    }

    [Fact]
    public void Set_WhatIf_SendsNothing_AndShowsTheRequest()
    {
        var shop = ShopWithMock("response-whatif");
        using var ps = moto.NewSession();
        var text = ps.Render($"Set-RestIntegrationResponse -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 201 -SelectionPattern '' -EndpointUrl $Endpoint -WhatIf");
        Assert.Contains($"What if: Performing the operation \"PUT /restapis/{shop.RestApiId}/resources/{shop.OrdersId}/methods/POST/integration/responses/201 {{\"selectionPattern\":\"\"}}\" on target \"restapi/{shop.RestApiId} /orders POST 201\".", text);
        var check = ps.Run($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint");
        check.ThrowIfFailed();
        Assert.Empty(check.Output);
    }

    [Theory]
    [InlineData("-StatusCode 2XX", "IT1102")]
    [InlineData("-StatusCode 200 -ResponseParameters @{ 'Access-Control-Allow-Origin' = \"'*'\" }", "IT1104")]
    [InlineData("-StatusCode 200 -ResponseParameters @{ 'method.response.header.Access-Control-Allow-Origin' = '*' }", "IT1105")]
    [InlineData("-StatusCode 200 -ResponseTemplates @{ json = '{}' }", "IT1106")]
    [InlineData("-StatusCode 200 -ResponseTemplates @{ 'application/json' = @{ a = 1 } }", "IT0003")]
    public void Set_PreFlight_RefusesBeforeAnyRequest(string arguments, string ruleId)
    {
        var shop = ShopWithMock("response-refused");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegrationResponse -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod POST {arguments} -EndpointUrl $Endpoint -Verbose");
        var error = Assert.Single(result.Errors);
        Assert.Equal("SetRestIntegrationResponseInvalidDefinition" + SetSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(ruleId, error.Exception.Message);
        Assert.Empty(result.Verbose);
    }

    [Fact]
    public void Set_SelectionPatternThatDoesNotCompile_WarnsAndSends()
    {
        var shop = ShopWithMock("response-pattern");
        using var ps = moto.NewSession();
        var result = ps.Run($"Set-RestIntegrationResponse -RestApiId {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 400 -SelectionPattern '(4' -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.StartsWith("IT1107", Assert.Single(result.Warnings));
        Assert.Single(result.Output);
    }

    [Fact]
    public void Remove_PipedFromGet_WithPassThru_AndWhatIfKeepsIt()
    {
        var shop = ShopWithMock("response-remove");
        _seed.PutIntegrationResponse(shop.RestApiId, shop.OrdersId, "POST", "200", new { selectionPattern = "" });
        _seed.PutIntegrationResponse(shop.RestApiId, shop.OrdersId, "POST", "400", new { selectionPattern = "4\\d{2}" });
        using var ps = moto.NewSession();
        var text = ps.Render($"Remove-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 400 -EndpointUrl $Endpoint -WhatIf");
        Assert.Contains($"\"DELETE /restapis/{shop.RestApiId}/resources/{shop.OrdersId}/methods/POST/integration/responses/400\" on target \"restapi/{shop.RestApiId} /orders POST 400\"", text);

        var result = ps.Run($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint | Remove-RestIntegrationResponse -Confirm:$false -PassThru -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(["200", "400"], result.Output.Select(o => (string)o.Properties["StatusCode"].Value));
        var left = ps.Run($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -EndpointUrl $Endpoint");
        left.ThrowIfFailed();
        Assert.Empty(left.Output);
    }

    [Fact]
    public void Remove_AMissingResponse_IsObjectNotFound_AndABadStatusCodeIsInvalidTarget()
    {
        var shop = ShopWithMock("response-remove-missing");
        using var ps = moto.NewSession();
        var missing = ps.Run($"Remove-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 404 -Confirm:$false -EndpointUrl $Endpoint");
        Assert.Equal("RemoveRestIntegrationResponseNotFound,IntegrationTools.Commands.RemoveRestIntegrationResponseCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        var bad = ps.Run($"Remove-RestIntegrationResponse {shop.RestApiId} -ResourcePath /orders -HttpMethod POST -StatusCode 20 -Confirm:$false -EndpointUrl $Endpoint");
        var error = Assert.Single(bad.Errors);
        Assert.Equal("RemoveRestIntegrationResponseInvalidTarget,IntegrationTools.Commands.RemoveRestIntegrationResponseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("IT1102", error.Exception.Message);
    }

    [Fact]
    public void TheTableViewShowsMethodPathStatusPatternAndHeaders()
    {
        var shop = ShopWithMock("response-view");
        _seed.PutIntegrationResponse(shop.RestApiId, shop.PetsId, "OPTIONS", "200", new
        {
            selectionPattern = "",
            responseParameters = new Dictionary<string, string> { ["method.response.header.Access-Control-Allow-Origin"] = "'*'" },
        });
        using var ps = moto.NewSession();
        var text = ps.Render($"Get-RestIntegrationResponse {shop.RestApiId} -ResourcePath /pets -HttpMethod OPTIONS -EndpointUrl $Endpoint");
        Assert.Contains("REST API: " + shop.RestApiId, text);
        Assert.Matches(@"(?m)^Method\s+ResourcePath\s+Status\s+SelectionPattern\s+ContentHandling\s+Headers\s*$", text);
        Assert.Matches(@"(?m)^OPTIONS\s+/pets\s+200\s+Access-Control-Allow-Origin\s*$", text);
    }
}
