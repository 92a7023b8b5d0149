using System.Collections;
using System.Collections.Specialized;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// What Export-IntegrationDefinition writes, derived from the field tables: the targets, then every integration field
/// that has a value, in table order; no read-only echo, no id the service assigns where a path names the object, no
/// empty value, no value that is the table's default. The document writer's text reads back to the same definitions.
/// </summary>
public sealed class ExportTests
{
    public static TheoryData<string> Families => new() { "REST", "REST response", "V2" };

    private static DefinitionSchema Table(string family) => family switch
    {
        "REST" => RestIntegrationDefinition.Schema,
        "REST response" => RestIntegrationResponseDefinition.Schema,
        _ => ApiIntegrationDefinition.Schema,
    };

    private static object NewDefinition(string family) => family switch
    {
        "REST" => new RestIntegrationDefinition(),
        "REST response" => new RestIntegrationResponseDefinition(),
        _ => new ApiIntegrationDefinition(),
    };

    private static OrderedDictionary Export(object definition) => definition switch
    {
        RestIntegrationDefinition rest => DefinitionExport.Of(rest),
        RestIntegrationResponseDefinition response => DefinitionExport.Of(response),
        ApiIntegrationDefinition api => DefinitionExport.Of(api),
        _ => throw new ArgumentException(definition.GetType().Name),
    };

    /// <summary>A value of the field's kind that no table declares as a default.</summary>
    private static object Sample(FieldSpec field) => field.Kind switch
    {
        FieldKind.Integer => 1234,
        FieldKind.Boolean => true,
        FieldKind.StringMap => new Dictionary<string, string> { ["b.key"] = "2", ["a.key"] = "1" },
        FieldKind.StringList => new List<string> { "method.request.querystring.q" },
        FieldKind.MapOfStringMaps => new Dictionary<string, Dictionary<string, string>> { ["500"] = new() { ["k"] = "v" }, ["200"] = new() { ["k"] = "v" } },
        // Enumerated values are in the service's upper case, as reading leaves them.
        _ => field.Enumerated ? "VALUE_OF_" + field.Name.ToUpperInvariant() : "value-of-" + field.Name,
    };

    private static object Filled(string family)
    {
        var definition = NewDefinition(family);
        foreach (var field in Table(family).Fields.Where(f => f.Role != FieldRole.Echo))
            FieldValues.Set(definition, field, Sample(field));
        return definition;
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_field_of_the_table_with_a_value_is_exported_targets_first_in_table_order(string family)
    {
        var table = Table(family);
        var exported = Export(Filled(family));

        var expected = table.Fields.Where(f => f.Role == FieldRole.Target && !f.AssignedByService)
            .Concat(table.Fields.Where(f => f.Role == FieldRole.Route))
            .Concat(table.Fields.Where(f => f.Role == FieldRole.Integration))
            .Select(f => f.Name).ToList();
        Assert.Equal(expected, exported.Keys.Cast<string>().ToList());
        foreach (var field in table.Fields.Where(f => f.Role == FieldRole.Integration && f.Kind is FieldKind.String or FieldKind.Integer or FieldKind.Boolean))
            Assert.Equal(Sample(field), exported[field.Name]);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_service_assigned_id_is_left_out_unless_nothing_else_names_the_object(string family)
    {
        var table = Table(family);
        foreach (var field in table.Fields.Where(f => f.AssignedByService))
        {
            var definition = Filled(family);
            Assert.False(Export(definition).Contains(field.Name), $"{field.Name} is exported although {field.PortableName ?? "nothing"} is given");
            if (field.PortableName == null) continue;
            FieldValues.Set(definition, table[field.PortableName], null);
            Assert.Equal(FieldValues.Get(definition, field), Export(definition)[field.Name]);
        }
        Assert.Contains(table.Fields, f => f.AssignedByService);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Empty_values_are_left_out_whatever_the_kind(string family)
    {
        var table = Table(family);
        var definition = NewDefinition(family);
        foreach (var field in table.Fields.Where(f => f.Role != FieldRole.Echo))
        {
            object? empty = field.Kind switch
            {
                FieldKind.StringMap => new Dictionary<string, string>(),
                FieldKind.StringList => new List<string> { " " },
                FieldKind.MapOfStringMaps => new Dictionary<string, Dictionary<string, string>> { ["200"] = new() },
                FieldKind.String => field.EmptyIsValue ? null : "  ",
                _ => null,
            };
            FieldValues.Set(definition, field, empty);
        }
        Assert.Empty(Export(definition));
    }

    [Fact]
    public void Empty_text_that_is_a_value_of_its_own_is_kept()
    {
        var response = new RestIntegrationResponseDefinition { RestApiId = "abc", ResourcePath = "/pets", HttpMethod = "GET", StatusCode = "200", SelectionPattern = "" };
        Assert.Equal("", DefinitionExport.Of(response)["SelectionPattern"]);
    }

    public static TheoryData<string, string?, string?> DefaultContexts => new()
    {
        { "REST", null, null },
        { "V2", "HTTP", "HTTP_PROXY" },
        { "V2", "WEBSOCKET", "HTTP" },
        { "V2", "HTTP", "AWS_PROXY" },
    };

    [Theory]
    [MemberData(nameof(DefaultContexts))]
    public void A_value_that_is_the_tables_default_is_left_out_and_any_other_value_kept(string family, string? protocol, string? type)
    {
        var table = Table(family);
        var definition = Filled(family);
        FieldValues.Set(definition, table[family == "REST" ? "ResourceId" : "ProtocolType"], family == "REST" ? "res1" : protocol);
        if (type != null) FieldValues.Set(definition, table["IntegrationType"], type);
        var context = new FieldContext
        {
            ResourceId = "res1", WebSocket = protocol == "WEBSOCKET", DeployedType = type,
            DefinedType = family == "REST" ? (string?)FieldValues.Get(definition, table["Type"]) : null,
        };
        var defaulted = table.IntegrationFields.Where(f => f.DefaultIn(context) != null).ToList();
        Assert.NotEmpty(defaulted);
        foreach (var field in defaulted)
        {
            var fallback = field.DefaultIn(context)!;
            FieldValues.Set(definition, field, field.Enumerated ? ((string)fallback).ToLowerInvariant() : fallback);
        }

        var exported = Export(definition);

        foreach (var field in defaulted) Assert.False(exported.Contains(field.Name), $"{field.Name} = {field.DefaultIn(context)} is the default and was exported");
        foreach (var field in table.IntegrationFields.Except(defaulted)) Assert.True(exported.Contains(field.Name), $"{field.Name} was left out");
    }

    [Fact]
    public void Defaults_depend_on_the_definition_a_cache_namespace_of_another_resource_a_websocket_timeout_on_http_and_a_websocket_lambda_method_are_kept()
    {
        var rest = DefinitionExport.Of(new RestIntegrationDefinition { RestApiId = "abc", ResourceId = "res1", ResourcePath = "/pets", HttpMethod = "GET", Type = "MOCK", CacheNamespace = "res2" });
        Assert.Equal("res2", rest["CacheNamespace"]);
        var http = DefinitionExport.Of(new ApiIntegrationDefinition { ApiId = "a", ProtocolType = "HTTP", IntegrationType = "HTTP_PROXY", TimeoutInMillis = 29000, PayloadFormatVersion = "1.0" });
        Assert.Equal(29000, http["TimeoutInMillis"]);
        Assert.Equal("1.0", http["PayloadFormatVersion"]);
        // An HTTP API's Lambda proxy calls with POST whatever it says; a WebSocket API's must name the method to be created again.
        var lambda = new ApiIntegrationDefinition { ApiId = "a", IntegrationType = "AWS_PROXY", IntegrationMethod = "POST", IntegrationUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations" };
        Assert.False(DefinitionExport.Of(lambda).Contains("IntegrationMethod"));
        lambda.ProtocolType = "WEBSOCKET";
        Assert.Equal("POST", DefinitionExport.Of(lambda)["IntegrationMethod"]);
    }

    [Fact]
    public void Maps_are_ordered_by_key_and_lists_become_arrays()
    {
        var exported = Export(Filled("V2"));
        Assert.Equal(new[] { "a.key", "b.key" }, ((OrderedDictionary)exported["RequestParameters"]!).Keys.Cast<string>());
        Assert.Equal(new[] { "200", "500" }, ((OrderedDictionary)exported["ResponseParameters"]!).Keys.Cast<string>());
        Assert.Equal(new[] { "method.request.querystring.q" }, Export(Filled("REST"))["CacheKeyParameters"]);
    }

    [Fact]
    public void Get_output_is_read_with_its_aliases_and_echoes_and_exported_as_what_reapplies()
    {
        var output = new Hashtable(StringComparer.OrdinalIgnoreCase)
        {
            ["RestApiId"] = "abc", ["ResourceId"] = "res1", ["ResourcePath"] = "/pets", ["Path"] = "/pets", ["HttpMethod"] = "get", ["Method"] = "GET",
            ["Type"] = "http_proxy", ["IntegrationHttpMethod"] = "GET", ["Uri"] = "https://pets.example.com", ["ConnectionType"] = "INTERNET",
            ["PassthroughBehavior"] = "WHEN_NO_MATCH", ["CacheNamespace"] = "res1", ["TimeoutInMillis"] = 29000, ["RequestParameters"] = new Hashtable(),
            ["CacheKeyParameters"] = new object[0], ["IntegrationResponses"] = new object[] { new Hashtable { ["StatusCode"] = "200" } }, ["Outcome"] = "Created",
        };
        var findings = new List<Finding>();

        var exported = DefinitionExport.Read(output, findings, "input 1");

        Assert.Empty(findings);
        Assert.NotNull(exported);
        Assert.Equal(new[] { "RestApiId", "ResourcePath", "HttpMethod", "Type", "IntegrationHttpMethod", "Uri" }, exported!.Keys.Cast<string>());
        Assert.Equal("HTTP_PROXY", exported["Type"]);
    }

    [Fact]
    public void Http_and_websocket_output_and_rest_integration_responses_are_told_apart()
    {
        var findings = new List<Finding>();
        var api = DefinitionExport.Read(new Hashtable { ["ApiId"] = "a", ["IntegrationId"] = "i1", ["Id"] = "i1", ["ProtocolType"] = "WEBSOCKET",
            ["IntegrationType"] = "MOCK", ["TimeoutInMillis"] = 29000, ["PassthroughBehavior"] = "WHEN_NO_MATCH", ["ApiGatewayManaged"] = false }, findings, "input 1");
        var response = DefinitionExport.Read(new Hashtable { ["RestApiId"] = "abc", ["ResourcePath"] = "/pets", ["HttpMethod"] = "GET", ["StatusCode"] = "200",
            ["ResponseTemplates"] = new Hashtable { ["application/json"] = "{}" } }, findings, "input 2");

        Assert.Empty(findings);
        Assert.Equal(new[] { "ApiId", "ProtocolType", "IntegrationType" }, api!.Keys.Cast<string>());
        Assert.Equal(new[] { "RestApiId", "ResourcePath", "HttpMethod", "StatusCode", "ResponseTemplates" }, response!.Keys.Cast<string>());
    }

    [Theory]
    [InlineData("unknown key", "IT0002")]
    [InlineData("websocket response", "IT0005")]
    [InlineData("no family", "IT0005")]
    [InlineData("not a map", "IT0001")]
    [InlineData("only defaults", "IT0005")]
    [InlineData("only shared fields", "IT0005")]
    public void What_cannot_be_read_is_not_exported_and_says_why(string input, string rule)
    {
        object? plain = input switch
        {
            "unknown key" => new Hashtable { ["RestApiId"] = "abc", ["ResourcePath"] = "/pets", ["HttpMethod"] = "GET", ["Typo"] = "MOCK" },
            "websocket response" => new Hashtable { ["ApiId"] = "a", ["IntegrationId"] = "i", ["IntegrationResponseKey"] = "$default" },
            "no family" => new Hashtable { ["Colour"] = "blue" },
            // Told apart by a member that is empty or a default: nothing of it would read back as the same kind.
            "only defaults" => new Hashtable { ["RestApiId"] = "", ["PassthroughBehavior"] = "WHEN_NO_MATCH", ["CacheKeyParameters"] = new object[0] },
            "only shared fields" => new Hashtable { ["Type"] = "MOCK", ["ContentHandling"] = "" },
            _ => "text",
        };
        var findings = new List<Finding>();

        Assert.Null(DefinitionExport.Read(plain, findings, "input 1"));
        Assert.Contains(findings, f => f.RuleId == rule && f.Severity == Severity.Error);
    }

    public static TheoryData<string> Texts => new()
    {
        "2.0", "1.0", "true", "False", "null", "~", "", "0123", "-5", "1e3", ".5", "- item", "key: value", "#hash", "a #b", "@at", "`tick", "%pct",
        "'single'", "\"double\"", "{\"statusCode\": 200}", "[a, b]", "$input.params('petId')", "https://pets.example.com/pets/{id}?q=1&r=2",
        "line one\nline two\n", "no final break\nsecond", "  leading\nspaces", "trailing \nspace", "tab\there", "\n", "\n\nafter breaks", "two breaks\n\n", "\t\ttabs\nfirst", "é ✓ 漢字", "x\r\ny",
        "#set($body = $input.json('$'))\n{\n  \"items\": $body,\n  \"count\": 2\n}\n", new string('w', 300) + " " + new string('z', 300),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_reads_back_as_the_same_text_in_both_formats(string text)
    {
        var definition = new OrderedDictionary { ["ApiId"] = "a", ["Description"] = text, ["RequestTemplates"] = new OrderedDictionary { [text.Length == 0 ? "k" : text] = text } };
        foreach (var format in new[] { DefinitionFormat.Json, DefinitionFormat.Yaml })
        {
            var written = DefinitionWriter.Write(new[] { definition }, format);
            var read = DefinitionDocument.Parse(written, format, "export");
            Assert.Single(read);
            Assert.Equal(text, read[0]["Description"]);
            Assert.Equal(text, ((Hashtable)read[0]["RequestTemplates"]!)[text.Length == 0 ? "k" : text]);
        }
    }

    [Fact]
    public void The_yaml_is_plain_where_it_can_be_quoted_where_it_must_and_templates_are_literal_blocks()
    {
        var definition = new OrderedDictionary
        {
            ["ApiId"] = "a1b2c3", ["IntegrationType"] = "HTTP_PROXY", ["IntegrationUri"] = "https://orders.example.com/{proxy}",
            ["PayloadFormatVersion"] = "2.0", ["TimeoutInMillis"] = 10000,
            ["RequestTemplates"] = new OrderedDictionary { ["application/json"] = "{\n  \"id\": 1\n}\n" },
            ["CacheKeyParameters"] = new[] { "a", "b" }, ["InsecureSkipVerification"] = true,
        };

        var yaml = DefinitionWriter.Write(new[] { definition }, DefinitionFormat.Yaml);

        Assert.Equal("""
            - ApiId: a1b2c3
              IntegrationType: HTTP_PROXY
              IntegrationUri: https://orders.example.com/{proxy}
              PayloadFormatVersion: "2.0"
              TimeoutInMillis: 10000
              RequestTemplates:
                application/json: |
                  {
                    "id": 1
                  }
              CacheKeyParameters:
                - a
                - b
              InsecureSkipVerification: true

            """.Replace("\r\n", "\n"), yaml);
    }

    [Fact]
    public void The_json_is_an_indented_list_with_only_the_escapes_json_needs()
    {
        var definition = new OrderedDictionary { ["RestApiId"] = "abc", ["TimeoutInMillis"] = 5000, ["RequestTemplates"] = new OrderedDictionary { ["application/json"] = "{\"q\": \"<$input.params('q')>\"}" } };

        var json = DefinitionWriter.Write(new[] { definition }, DefinitionFormat.Json);

        Assert.Equal("""
            [
              {
                "RestApiId": "abc",
                "TimeoutInMillis": 5000,
                "RequestTemplates": {
                  "application/json": "{\"q\": \"<$input.params('q')>\"}"
                }
              }
            ]

            """.Replace("\r\n", "\n"), json);
    }

    [Theory]
    [InlineData("Json", "[]\n")]
    [InlineData("Yaml", "[]\n")]
    public void No_definitions_are_an_empty_list_that_reads_back_as_none(string formatName, string expected)
    {
        var format = Enum.Parse<DefinitionFormat>(formatName);
        var text = DefinitionWriter.Write(Array.Empty<IDictionary>(), format);
        Assert.Equal(expected, text);
        Assert.Empty(DefinitionDocument.Parse(text, format, "empty"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void An_export_read_back_exports_the_same_in_both_formats(string family)
    {
        var first = Export(Filled(family));
        foreach (var format in new[] { DefinitionFormat.Json, DefinitionFormat.Yaml })
        {
            var read = DefinitionDocument.Parse(DefinitionWriter.Write(new[] { first }, format), format, "export");
            var findings = new List<Finding>();
            var again = DefinitionExport.Read(read.Single(), findings, "input 1");
            Assert.Empty(findings);
            Assert.Equal(DefinitionWriter.Write(new[] { first }, DefinitionFormat.Json), DefinitionWriter.Write(new[] { again! }, DefinitionFormat.Json));
        }
    }

    [Theory]
    [InlineData("x.json", "Json")]
    [InlineData("x.YAML", "Yaml")]
    [InlineData("x.yml", "Yaml")]
    [InlineData("x.txt", "Auto")]
    [InlineData("x", "Auto")]
    public void The_format_of_a_file_name_is_its_extension(string path, string formatName) =>
        Assert.Equal(Enum.Parse<DefinitionFormat>(formatName), DefinitionDocument.FormatOfExtension(path));

    [Fact]
    public void A_model_of_either_family_exports_what_its_definition_exports()
    {
        var model = new RestIntegration { RestApiId = "abc", ResourceId = "res1", ResourcePath = "/pets", HttpMethod = "GET", Type = "MOCK", Outcome = ApplyOutcome.Unchanged };
        Assert.Equal(new[] { "RestApiId", "ResourcePath", "HttpMethod", "Type" }, DefinitionExport.Of(RestIntegrationDefinition.FromModel(model)).Keys.Cast<string>());
        var api = new ApiIntegration { ApiId = "a", IntegrationId = "i", ProtocolType = "HTTP", IntegrationType = "AWS_PROXY", IntegrationMethod = "POST", PayloadFormatVersion = "2.0", TimeoutInMillis = 30000 };
        Assert.Equal(new[] { "ApiId", "ProtocolType", "IntegrationType", "PayloadFormatVersion" }, DefinitionExport.Of(ApiIntegrationDefinition.FromIntegration(api)).Keys.Cast<string>());
    }
}
