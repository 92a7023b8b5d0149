using System.Collections;
using System.Management.Automation;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>ConvertFrom-IntegrationDefinition in the built module: files and text in, hashtables out, into the changing cmdlets.</summary>
[Collection(MotoCollection.Name)]
public sealed class ConvertFromIntegrationDefinitionTests(MotoFixture moto) : IDisposable
{
    private const string Command = "IntegrationTools.Commands.ConvertFromIntegrationDefinitionCommand";
    private readonly string _folder = Directory.CreateTempSubdirectory("definitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void AJsonFilePipedIntoSetRestIntegrationSetsUpTheIntegrations()
    {
        var store = moto.Seed.CreatePetStore("convert-json");
        var file = Write("rest.json", $$"""
            { "Definitions": [
              { "restApiId": "{{store.RestApiId}}", "resourcePath": "/pets/{id}", "httpMethod": "DELETE", "type": "HTTP_PROXY",
                "integrationHttpMethod": "DELETE", "uri": "https://pets.example.com/pets/{id}", "timeoutInMillis": 8000 }
            ] }
            """);
        using var ps = moto.NewSession();
        var result = ps.Run("ConvertFrom-IntegrationDefinition -Path $File | Set-RestIntegration -EndpointUrl $Endpoint",
            new Dictionary<string, object?> { ["File"] = file });
        result.ThrowIfFailed();
        var integration = moto.Seed.FindRestIntegration(store.RestApiId, store.PetId, "DELETE");
        Assert.Equal("HTTP_PROXY", integration!["type"]!.GetValue<string>());
        Assert.Equal(8000, integration["timeoutInMillis"]!.GetValue<int>());
    }

    [Fact]
    public void YamlTextBecomesHashtablesThatNewApiIntegrationAndTestApiIntegrationTake()
    {
        var api = moto.Seed.CreateApi("convert-yaml");
        using var ps = moto.NewSession();
        var yaml = $"""
            - ApiId: {api}
              IntegrationType: HTTP_PROXY
              IntegrationMethod: ANY
              IntegrationUri: https://orders.example.com/{"{proxy}"}
              PayloadFormatVersion: "1.0"
              TimeoutInMillis: 9000
            """;
        var result = ps.Run("""
            $definitions = @($Yaml | ConvertFrom-IntegrationDefinition)
            $definitions[0].GetType().FullName
            $definitions[0].timeoutinmillis.GetType().Name
            @($definitions | Test-ApiIntegration -ApiKind Api -ProtocolType HTTP).Count
            $definitions | New-ApiIntegration -EndpointUrl $Endpoint | ForEach-Object { $_.IntegrationId }
            """, new Dictionary<string, object?> { ["Yaml"] = yaml });
        result.ThrowIfFailed();
        Assert.Equal("System.Collections.Hashtable", result.Output[0].BaseObject);
        Assert.Equal("Int32", result.Output[1].BaseObject);
        Assert.Equal(0, (int)result.Output[2].BaseObject);
        var created = moto.Seed.FindIntegration(api, (string)result.Output[3].BaseObject);
        Assert.Equal(9000, created!["timeoutInMillis"]!.GetValue<int>());
    }

    [Fact]
    public void LinesPipedOneByOneAreReadAsOneDocument_AndWildcardsExpand()
    {
        Write("a.yaml", "- ApiId: one\n- ApiId: two\n");
        Write("b.yml", "ApiId: three\n");
        using var ps = moto.NewSession();
        var result = ps.Run("""
            @('- RestApiId: r1', '  HttpMethod: GET', '- RestApiId: r2') | ConvertFrom-IntegrationDefinition | ForEach-Object { $_.RestApiId }
            ConvertFrom-IntegrationDefinition -Path ($Folder + '/*.y*ml') | ForEach-Object { $_.ApiId }
            """, new Dictionary<string, object?> { ["Folder"] = _folder });
        result.ThrowIfFailed();
        Assert.Equal(["r1", "r2", "one", "two", "three"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ASyntaxErrorNamesTheFileLineAndColumnAndReturnsNothingFromThatFile()
    {
        var bad = Write("bad.yaml", "- ApiId: a\n  IntegrationType: HTTP_PROXY\n   IntegrationUri: x: y\n");
        var good = Write("good.json", "[{ \"ApiId\": \"g\" }]");
        using var ps = moto.NewSession();
        var result = ps.Run("ConvertFrom-IntegrationDefinition -Path $Bad, $Good | ForEach-Object { $_.ApiId }",
            new Dictionary<string, object?> { ["Bad"] = bad, ["Good"] = good });
        Assert.Null(result.Terminating);
        Assert.Equal(["g"], result.Output.Select(o => o.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal("DefinitionSyntaxError," + Command, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ParserError, error.CategoryInfo.Category);
        Assert.Equal(bad, error.TargetObject);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(bad)}, line 3, column \d+: not valid YAML: ", error.ToString());
        Assert.StartsWith("Fix line 3, column", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void AMissingFileIsObjectNotFoundAndTheOtherPathsAreStillRead()
    {
        var good = Write("ok.yaml", "ApiId: ok\n");
        var missing = Path.Combine(_folder, "missing.yaml");
        using var ps = moto.NewSession();
        var result = ps.Run("ConvertFrom-IntegrationDefinition -Path $Missing, $Good, ($Folder + '/none*.json') | ForEach-Object { $_.ApiId }",
            new Dictionary<string, object?> { ["Missing"] = missing, ["Good"] = good, ["Folder"] = _folder });
        Assert.Equal(["ok"], result.Output.Select(o => o.ToString()));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("DefinitionFileNotFound," + Command, e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        });
        Assert.Contains(missing, result.Errors[0].ToString());
        Assert.Equal(missing, result.Errors[0].TargetObject);
    }

    [Fact]
    public void ContentThatIsNotAListOfDefinitionsIsASyntaxErrorOfTheText()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("ConvertFrom-IntegrationDefinition -Content '[1, 2]' -Format Json");
        var error = Assert.Single(result.Errors);
        Assert.Equal("DefinitionSyntaxError," + Command, error.FullyQualifiedErrorId);
        Assert.Equal("the -Content text: item 1 of the list is the value 1, not a definition (an object with named members such as RestApiId or ApiId).", error.ToString());
        Assert.Empty(result.Output);
    }

    [Fact]
    public void NestedMappingsAreHashtablesAndListsAreArrays()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            $d = ConvertFrom-IntegrationDefinition -Content "RequestTemplates:`n  application/json: '{}'`nCacheKeyParameters: [a, b]" -Format Yaml
            $d.RequestTemplates
            $d.CacheKeyParameters
            """);
        result.ThrowIfFailed();
        var templates = Assert.IsType<Hashtable>(result.Output[0].BaseObject);
        Assert.Equal("{}", templates["application/json"]);
        Assert.Equal(["a", "b"], result.Output.Skip(1).Select(o => o.ToString()));
    }
}
