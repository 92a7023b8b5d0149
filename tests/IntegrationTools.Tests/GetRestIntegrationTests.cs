using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

[Collection(MotoCollection.Name)]
public sealed class GetRestIntegrationTests(MotoFixture moto)
{
    private const string FullErrorIdSuffix = ",IntegrationTools.Commands.GetRestIntegrationCommand";

    [Fact]
    public void GetsOneIntegrationByIds()
    {
        var store = moto.Seed.CreatePetStore("get-one");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourceId {store.PetId} -HttpMethod get -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var item = Assert.Single(result.Output);
        Assert.Equal("IntegrationTools.Models.RestIntegration", item.TypeNames[0]);
        Assert.Equal(store.RestApiId, item.Properties["RestApiId"].Value);
        Assert.Equal(store.PetId, item.Properties["ResourceId"].Value);
        Assert.Equal("/pets/{id}", item.Properties["ResourcePath"].Value);
        Assert.Equal("GET", item.Properties["HttpMethod"].Value);
        Assert.Equal("AWS_PROXY", item.Properties["Type"].Value);
        // The backend method travels as the wire member httpMethod; the module shows it as IntegrationHttpMethod.
        Assert.Equal("POST", item.Properties["IntegrationHttpMethod"].Value);
        Assert.EndsWith("function:get-pet/invocations", (string)item.Properties["Uri"].Value);
    }

    [Fact]
    public void ListsEveryIntegrationOfTheApiAndSkipsMethodsWithoutOne()
    {
        var store = moto.Seed.CreatePetStore("list-all");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        var rows = result.Output.Select(o => $"{o.Properties["HttpMethod"].Value} {o.Properties["ResourcePath"].Value} {o.Properties["Type"].Value}").ToList();
        Assert.Equal(["GET /pets MOCK", "POST /pets HTTP_PROXY", "GET /pets/{id} AWS_PROXY"], rows);
        var mock = result.Output[0];
        var templates = (System.Collections.IDictionary)mock.Properties["RequestTemplates"].Value;
        Assert.Equal("{\"statusCode\": 200}", templates["application/json"]);
    }

    [Fact]
    public void AMethodFilterListsThatMethodAcrossResourcesAndSkipsThoseWithoutIntegration()
    {
        var store = moto.Seed.CreatePetStore("method-filter");
        using var ps = moto.NewSession();
        var gets = ps.Run($"Get-RestIntegration {store.RestApiId} -HttpMethod GET -EndpointUrl $Endpoint");
        gets.ThrowIfFailed();
        Assert.Equal(["/pets", "/pets/{id}"], gets.Output.Select(o => (string)o.Properties["ResourcePath"].Value));
        // DELETE /pets/{id} is declared but has no integration: a listing skips it rather than failing.
        var deletes = ps.Run($"Get-RestIntegration {store.RestApiId} -HttpMethod DELETE -EndpointUrl $Endpoint");
        deletes.ThrowIfFailed();
        Assert.Empty(deletes.Output);
    }

    [Fact]
    public void FindsAResourceByItsPath()
    {
        var store = moto.Seed.CreatePetStore("by-path");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourcePath '/pets' -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(["GET", "POST"], result.Output.Select(o => (string)o.Properties["HttpMethod"].Value));
        Assert.All(result.Output, o => Assert.Equal(store.PetsId, o.Properties["ResourceId"].Value));
    }

    [Fact]
    public void AMistypedPathIsObjectNotFoundNamingTheClosestPaths()
    {
        var store = moto.Seed.CreatePetStore("typo-path");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourcePath '/pet/{{id}}' -HttpMethod GET -EndpointUrl $Endpoint");
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GetRestIntegrationNotFound" + FullErrorIdSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.IsType<ItemNotFoundException>(error.Exception);
        Assert.Contains("'/pets/{id}'", error.Exception.Message);
        Assert.Contains("Closest existing paths", error.Exception.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction));
    }

    [Fact]
    public void AMethodWithoutIntegrationIsObjectNotFound()
    {
        var store = moto.Seed.CreatePetStore("no-integration");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourceId {store.PetId} -HttpMethod DELETE -EndpointUrl $Endpoint");
        var error = Assert.Single(result.Errors);
        Assert.Equal("GetRestIntegrationNotFound" + FullErrorIdSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal($"restapi/{store.RestApiId} resource/{store.PetId} DELETE", error.TargetObject);
    }

    [Fact]
    public void OutputPipesBackInByPropertyName()
    {
        var store = moto.Seed.CreatePetStore("pipe");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint | Get-RestIntegration -EndpointUrl $Endpoint");
        result.ThrowIfFailed();
        Assert.Equal(3, result.Output.Count);
        Assert.Equal(["MOCK", "HTTP_PROXY", "AWS_PROXY"], result.Output.Select(o => (string)o.Properties["Type"].Value));
    }

    [Fact]
    public void ABatchWithOneBadItemYieldsOutputForTheGoodOnesAndAnErrorForTheBadOne()
    {
        var store = moto.Seed.CreatePetStore("batch");
        using var ps = moto.NewSession();
        var result = ps.Run(
            $"@([pscustomobject]@{{ RestApiId='{store.RestApiId}'; ResourceId='{store.PetsId}'; HttpMethod='GET' }}, " +
            $"[pscustomobject]@{{ RestApiId='nosuchapi'; ResourceId='{store.PetsId}'; HttpMethod='GET' }}, " +
            $"[pscustomobject]@{{ RestApiId='{store.RestApiId}'; ResourceId='{store.PetId}'; HttpMethod='GET' }}) | Get-RestIntegration -EndpointUrl $Endpoint");
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.StartsWith("GetRestIntegration", error.FullyQualifiedErrorId);
        Assert.Contains("nosuchapi", (string)error.TargetObject);
    }

    [Fact]
    public void TheTableViewShowsMethodPathTypeBackendAndUri()
    {
        var store = moto.Seed.CreatePetStore("view");
        using var ps = moto.NewSession();
        var text = ps.Render($"Get-RestIntegration {store.RestApiId} -EndpointUrl $Endpoint");
        Assert.Contains("REST API: " + store.RestApiId, text);
        var header = text.Split('\n').First(l => l.StartsWith("Method"));
        Assert.Matches(@"^Method\s+ResourcePath\s+Type\s+Backend\s+Uri\s+TimeoutMs\s*$", header);
        Assert.Contains(text.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^POST\s+/pets\s+HTTP_PROXY\s+POST\s+https://petstore\.example\.com/pets"));
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void VerboseNamesEachRequestAndItsAnswer()
    {
        var store = moto.Seed.CreatePetStore("verbose");
        using var ps = moto.NewSession();
        var result = ps.Run($"Get-RestIntegration -RestApiId {store.RestApiId} -ResourceId {store.PetsId} -HttpMethod GET -EndpointUrl $Endpoint -Verbose");
        result.ThrowIfFailed();
        Assert.Contains(result.Verbose, v => v.StartsWith("GET ") && v.Contains($"/restapis/{store.RestApiId}/resources/{store.PetsId}/methods/GET/integration"));
        Assert.Contains(result.Verbose, v => v.StartsWith("HTTP 200"));
    }
}
