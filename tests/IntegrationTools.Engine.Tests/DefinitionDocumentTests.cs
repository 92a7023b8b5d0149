using System.Collections;
using IntegrationTools.Definitions;

namespace IntegrationTools.Engine.Tests;

public class DefinitionDocumentTests
{
    [Fact]
    public void Json_ListOfDefinitions_BecomesCaseInsensitiveHashtablesWithTypedValues()
    {
        var definitions = DefinitionDocument.Parse("""
            [
              { "RestApiId": "abc", "ResourcePath": "/pets", "HttpMethod": "GET", "Type": "MOCK",
                "RequestTemplates": { "application/json": "{\"statusCode\": 200}" }, "TimeoutInMillis": 5000 },
              { "apiId": "xyz", "integrationType": "HTTP_PROXY", "cacheKeyParameters": ["a", "b"], "insecure": true, "big": 5000000000, "ratio": 0.5, "none": null },
            ]
            """, DefinitionFormat.Json, "defs.json");

        Assert.Equal(2, definitions.Count);
        Assert.Equal("abc", definitions[0]["restapiid"]);
        Assert.Equal(5000, definitions[0]["TimeoutInMillis"]);
        var templates = Assert.IsType<Hashtable>(definitions[0]["requestTemplates"]);
        Assert.Equal("{\"statusCode\": 200}", templates["APPLICATION/JSON"]);
        Assert.Equal(new object?[] { "a", "b" }, definitions[1]["CacheKeyParameters"]);
        Assert.Equal(true, definitions[1]["insecure"]);
        Assert.Equal(5000000000L, definitions[1]["big"]);
        Assert.Equal(0.5, definitions[1]["ratio"]);
        Assert.True(definitions[1].ContainsKey("none"));
        Assert.Null(definitions[1]["none"]);
    }

    [Fact]
    public void Yaml_UsesTheCoreSchemaForPlainScalarsAndKeepsQuotedTextAsText()
    {
        var definitions = DefinitionDocument.Parse("""
            # two definitions
            - ApiId: a1b2c3
              IntegrationType: AWS_PROXY
              IntegrationUri: arn:aws:lambda:us-east-1:123456789012:function:orders
              PayloadFormatVersion: "2.0"
              TimeoutInMillis: 10000
            - ApiId: a1b2c3
              IntegrationType: HTTP_PROXY
              IntegrationMethod: GET
              IntegrationUri: https://orders.example.com/{proxy}
              PayloadFormatVersion: 1.0
              Description: ~
              RequestParameters:
                overwrite:header.x-stage: $context.stage
            """, DefinitionFormat.Yaml, "defs.yaml");

        Assert.Equal(2, definitions.Count);
        Assert.Equal("2.0", definitions[0]["PayloadFormatVersion"]);
        Assert.Equal(10000, definitions[0]["TimeoutInMillis"]);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders", definitions[0]["IntegrationUri"]);
        Assert.Equal(1.0, definitions[1]["PayloadFormatVersion"]);
        Assert.Null(definitions[1]["Description"]);
        Assert.Equal("$context.stage", ((Hashtable)definitions[1]["RequestParameters"]!)["overwrite:header.x-stage"]);
    }

    [Fact]
    public void DefinitionsMember_SingleDefinition_AndSeveralYamlDocuments_AllGiveTheDefinitions()
    {
        Assert.Equal(2, DefinitionDocument.Parse("""{ "Definitions": [ { "ApiId": "a" }, { "ApiId": "b" } ] }""", DefinitionFormat.Json, "x").Count);
        Assert.Equal(2, DefinitionDocument.Parse("integrations:\n  - ApiId: a\n  - ApiId: b\n", DefinitionFormat.Yaml, "x").Count);
        Assert.Equal("a", Assert.Single(DefinitionDocument.Parse("""{ "ApiId": "a" }""", DefinitionFormat.Auto, "x"))["ApiId"]);
        var documents = DefinitionDocument.Parse("ApiId: a\n---\n- ApiId: b\n- ApiId: c\n", DefinitionFormat.Yaml, "x");
        Assert.Equal(new[] { "a", "b", "c" }, documents.Select(d => (string)d["ApiId"]!));
        Assert.Empty(DefinitionDocument.Parse("", DefinitionFormat.Yaml, "x"));
    }

    [Fact]
    public void FormatOf_UsesTheExtensionThenTheFirstCharacter()
    {
        Assert.Equal(DefinitionFormat.Json, DefinitionDocument.FormatOf("a.JSON", "x: 1"));
        Assert.Equal(DefinitionFormat.Yaml, DefinitionDocument.FormatOf("a.yml", "[1]"));
        Assert.Equal(DefinitionFormat.Json, DefinitionDocument.FormatOf(null, "  \n [ {} ]"));
        Assert.Equal(DefinitionFormat.Yaml, DefinitionDocument.FormatOf("a.txt", "- ApiId: a"));
    }

    [Fact]
    public void JsonSyntaxError_NamesTheSourceLineAndColumnFromOne()
    {
        var ex = Assert.Throws<DefinitionSyntaxException>(() =>
            DefinitionDocument.Parse("[\n  { \"ApiId\": \"a\" },\n  { \"ApiId\": b }\n]", DefinitionFormat.Json, "/tmp/defs.json"));
        Assert.Equal(3, ex.Line);
        Assert.Equal(14, ex.Column);
        Assert.StartsWith("/tmp/defs.json, line 3, column 14: not valid JSON: ", ex.Message);
        Assert.DoesNotContain("BytePositionInLine", ex.Message);
    }

    [Fact]
    public void YamlSyntaxError_NamesTheSourceLineAndColumn()
    {
        var ex = Assert.Throws<DefinitionSyntaxException>(() =>
            DefinitionDocument.Parse("- ApiId: a\n  IntegrationType: [HTTP_PROXY\n- ApiId: b\n", DefinitionFormat.Yaml, "defs.yaml"));
        Assert.NotNull(ex.Line);
        Assert.InRange(ex.Line!.Value, 2, 4);
        Assert.StartsWith($"defs.yaml, line {ex.Line}, column {ex.Column}: not valid YAML: ", ex.Message);
        Assert.DoesNotContain("Idx:", ex.Message);
    }

    [Fact]
    public void DuplicateYamlKey_AndNonDefinitionItems_AreReportedWithTheirPlace()
    {
        var duplicate = Assert.Throws<DefinitionSyntaxException>(() => DefinitionDocument.Parse("ApiId: a\napiid: b\n", DefinitionFormat.Yaml, "d.yaml"));
        Assert.Equal(2, duplicate.Line);
        Assert.Contains("'apiid' appears twice", duplicate.Message);
        var scalarItem = Assert.Throws<DefinitionSyntaxException>(() => DefinitionDocument.Parse("[ { \"ApiId\": \"a\" }, 42 ]", DefinitionFormat.Json, "d.json"));
        Assert.Equal("d.json: item 2 of the list is the value 42, not a definition (an object with named members such as RestApiId or ApiId).", scalarItem.Message);
        Assert.Throws<DefinitionSyntaxException>(() => DefinitionDocument.Parse("just text", DefinitionFormat.Yaml, "d.yaml"));
    }

    [Fact]
    public void ReadFile_MissingFileNamesIt_AndPicksTheFormatFromTheExtension()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-definitions-" + Guid.NewGuid() + ".yaml");
        var ex = Assert.Throws<FileNotFoundException>(() => DefinitionDocument.ReadFile(missing));
        Assert.Contains(missing, ex.Message);

        var file = Path.Combine(Path.GetTempPath(), "definitions-" + Guid.NewGuid() + ".yml");
        try
        {
            File.WriteAllText(file, "- RestApiId: abc\n  HttpMethod: GET\n");
            var definition = Assert.Single(DefinitionDocument.ReadFile(file));
            Assert.Equal("GET", definition["httpmethod"]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
