using System.Collections;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// Empty means not given, for every field type and every source: '', blank text, $null, empty lists and maps, a CSV's
/// blank cell ('' for a number, a flag, a map or a list), JSON's "" and the text of an empty JSON object or array. None of
/// them is a reading error, and none of them reaches the request.
/// </summary>
public sealed class EmptyValueTests
{
    public static TheoryData<string> EmptyForms => new() { "''", "'   '", "$null", "@()", "@{}", "'{}'", "'[]'" };

    private static object? Value(string form) => form switch
    {
        "''" => "",
        "'   '" => "   ",
        "$null" => null,
        "@()" => new object[0],
        "@{}" => new Hashtable(),
        "'{}'" => "{}",
        "'[]'" => "[]",
        _ => throw new ArgumentException(form),
    };

    [Theory]
    [MemberData(nameof(EmptyForms))]
    public void Every_rest_field_given_empty_reads_as_not_given(string form)
    {
        foreach (var field in RestIntegrationDefinition.Schema.Fields.Where(f => f.Role != FieldRole.Echo))
        {
            var findings = new List<Finding>();
            var definition = RestIntegrationDefinition.Read(new Hashtable { ["Type"] = "MOCK", [field.Name] = Value(form) }, findings);
            Assert.True(findings.Count == 0, $"{field.Name} = {form}: {string.Join("; ", findings.Select(f => f.RuleId + " " + f.Message))}");
            if (field.Name != "Type") Assert.Null(FieldValues.Get(definition, field));
        }
    }

    [Theory]
    [MemberData(nameof(EmptyForms))]
    public void Every_http_and_websocket_field_given_empty_reads_as_not_given(string form)
    {
        foreach (var field in ApiIntegrationDefinition.Schema.Fields.Where(f => f.Role != FieldRole.Echo))
        {
            var findings = new List<Finding>();
            var definition = ApiIntegrationDefinition.Read(new Hashtable { [field.Name] = Value(form) }, findings);
            Assert.True(findings.Count == 0, $"{field.Name} = {form}: {string.Join("; ", findings.Select(f => f.RuleId + " " + f.Message))}");
            Assert.Null(FieldValues.Get(definition, field));
        }
    }

    [Fact]
    public void Json_empty_strings_for_numbers_flags_maps_and_lists_are_not_given()
    {
        var document = DefinitionDocument.Parse("""
            [{ "restApiId": "abc", "resourcePath": "/pets", "httpMethod": "GET", "type": "MOCK", "timeoutInMillis": "",
               "tlsConfig": { "insecureSkipVerification": "" }, "requestParameters": "", "requestTemplates": {},
               "cacheKeyParameters": [], "cacheNamespace": "" }]
            """, DefinitionFormat.Json, "defs.json");
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(document[0], findings);
        Assert.Empty(findings);
        Assert.Null(definition.TimeoutInMillis);
        Assert.Null(definition.InsecureSkipVerification);
        Assert.Null(definition.RequestParameters);
        Assert.Null(definition.RequestTemplates);
        Assert.Null(definition.CacheKeyParameters);
        Assert.Null(definition.CacheNamespace);
    }

    [Fact]
    public void An_empty_tls_config_container_is_not_given()
    {
        var findings = new List<Finding>();
        var definition = ApiIntegrationDefinition.Read(new Hashtable { ["TlsConfig"] = "", ["IntegrationType"] = "HTTP_PROXY" }, findings);
        Assert.Empty(findings);
        Assert.Null(definition.ServerNameToVerify);
    }

    [Fact]
    public void The_skeleton_placeholders_are_not_empty()
    {
        // The AWS CLI skeleton's 0, "KeyName" and [""] are values: they are read as given (and the rules judge them).
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(new Hashtable
        {
            ["type"] = "MOCK", ["timeoutInMillis"] = 0, ["requestParameters"] = new Hashtable { ["KeyName"] = "" }, ["cacheKeyParameters"] = new object[] { "" },
        }, findings);
        Assert.Empty(findings);
        Assert.Equal(0, definition.TimeoutInMillis);
        Assert.Equal(new[] { "KeyName" }, definition.RequestParameters!.Keys);
        Assert.Equal(new[] { "" }, definition.CacheKeyParameters);
    }

    [Fact]
    public void A_selection_pattern_of_empty_text_is_kept_and_clearing_parameters_keep_their_empty_values()
    {
        var findings = new List<Finding>();
        Assert.Equal("", RestIntegrationResponseDefinition.Read(new Hashtable { ["StatusCode"] = "200", ["SelectionPattern"] = "" }, findings).SelectionPattern);
        var patch = ApiIntegrationDefinition.Read(new Hashtable { ["Description"] = "", ["RequestParameters"] = new Hashtable() }, findings, keepEmpty: true);
        Assert.Empty(findings);
        Assert.Equal("", patch.Description);
        Assert.Empty(patch.RequestParameters!);
    }
}
