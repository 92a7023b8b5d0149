using System.Collections;
using System.Text.Json;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// The Get- cmdlets' output read back as a definition, as ConvertTo-Json/ConvertFrom-Json and Export-Csv/Import-Csv
/// leave it: the module's alias properties (Path, Method, Id, Type, Uri) and the read-only members (Outcome,
/// IntegrationResponses, ApiGatewayManaged, ...) are recognised, never an unknown field, and the maps and lists come
/// back as they were.
/// </summary>
public sealed class OutputEchoTests
{
    private static RestIntegration RestOutput()
    {
        var integration = new RestIntegration
        {
            RestApiId = "abc", ResourceId = "res1", ResourcePath = "/pets", HttpMethod = "GET", Type = "HTTP", IntegrationHttpMethod = "GET",
            Uri = "https://pets.example.com/pets", ConnectionType = "INTERNET", PassthroughBehavior = "WHEN_NO_MATCH", CacheNamespace = "res1",
            TimeoutInMillis = 29000, Outcome = ApplyOutcome.Created,
        };
        integration.RequestParameters["integration.request.querystring.term"] = "method.request.querystring.q";
        integration.RequestTemplates["application/json"] = "{\"q\": \"$input.params('q')\"}";
        integration.CacheKeyParameters.Add("method.request.querystring.q");
        integration.IntegrationResponses.Add(new RestIntegrationResponse { StatusCode = "200" });
        return integration;
    }

    /// <summary>What ConvertTo-Json writes: every property plus the type data's alias properties.</summary>
    private static Hashtable AsJsonCopy(RestIntegration i)
    {
        var json = JsonSerializer.Serialize(i);
        using var doc = JsonDocument.Parse(json);
        var plain = (Hashtable)JsonPlain.From(doc.RootElement, StringComparer.OrdinalIgnoreCase)!;
        plain["Path"] = i.ResourcePath;
        plain["Method"] = i.HttpMethod;
        return plain;
    }

    /// <summary>What Export-Csv then Import-Csv give: each property's text, '' for nothing.</summary>
    private static Hashtable AsCsvCopy(object model, params (string Alias, string Of)[] aliases)
    {
        var row = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var property in model.GetType().GetProperties())
            row[property.Name] = property.GetValue(model) is bool b ? (b ? "True" : "False") : property.GetValue(model)?.ToString() ?? "";
        foreach (var (alias, of) in aliases) row[alias] = row[of];
        return row;
    }

    [Fact]
    public void A_json_copy_of_rest_output_reads_without_findings_and_compares_equal()
    {
        var live = RestOutput();
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(AsJsonCopy(live), findings);
        Assert.Empty(findings);
        Assert.Equal("/pets", definition.ResourcePath);
        Assert.Empty(LiveRules.Drift(definition, RestIntegrationDefinition.FromModel(live), live.ResourceId));
    }

    [Fact]
    public void A_csv_copy_of_rest_output_reads_its_maps_and_lists_back()
    {
        var live = RestOutput();
        var row = AsCsvCopy(live, ("Path", "ResourcePath"), ("Method", "HttpMethod"));
        Assert.StartsWith("{", (string)row["RequestParameters"]!);
        Assert.Equal("", row["ContentHandling"]);
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(row, findings);
        Assert.Empty(findings);
        Assert.Equal(live.RequestTemplates, definition.RequestTemplates);
        Assert.Equal(live.CacheKeyParameters, definition.CacheKeyParameters);
        Assert.Empty(LiveRules.Drift(definition, RestIntegrationDefinition.FromModel(live), live.ResourceId));
    }

    [Fact]
    public void A_csv_copy_of_http_api_output_with_its_aliases_reads_without_findings()
    {
        var live = new ApiIntegration
        {
            ApiId = "a1", ProtocolType = "HTTP", IntegrationId = "i1", IntegrationType = "HTTP_PROXY", IntegrationMethod = "GET",
            IntegrationUri = "https://orders.example.com/{proxy}", PayloadFormatVersion = "1.0", ApiGatewayManaged = false,
            IntegrationResponseSelectionExpression = "x", Outcome = ApplyOutcome.Unchanged,
        };
        live.RequestParameters["overwrite:header.x-source"] = "$context.requestId";
        live.ResponseParameters["404"] = new Dictionary<string, string> { ["overwrite:statuscode"] = "200" };
        var row = AsCsvCopy(live, ("Id", "IntegrationId"), ("Type", "IntegrationType"), ("Uri", "IntegrationUri"));
        var findings = new List<Finding>();
        var definition = ApiIntegrationDefinition.Read(row, findings);
        Assert.Empty(findings);
        Assert.Equal("i1", definition.IntegrationId);
        Assert.Equal("200", definition.ResponseParameters!["404"]["overwrite:statuscode"]);
        Assert.Empty(Operations.ApiIntegrationComparison.Differences(definition, live));
    }

    [Fact]
    public void An_alias_that_disagrees_with_its_field_is_still_a_field_given_twice()
    {
        var findings = new List<Finding>();
        RestIntegrationDefinition.Read(new Hashtable { ["Type"] = "MOCK", ["ResourcePath"] = "/pets", ["Path"] = "/orders" }, findings);
        Assert.Equal(ReadingRules.DuplicateField.Id, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void A_copy_to_another_api_drops_the_resource_id_and_every_spelling_of_an_overridden_member()
    {
        var row = AsCsvCopy(RestOutput(), ("Path", "ResourcePath"), ("Method", "HttpMethod"));
        RestIntegrationKinds.OverrideTarget(row, "other", null, "/orders", "POST");
        var findings = new List<Finding>();
        var definition = RestIntegrationDefinition.Read(row, findings);
        Assert.Empty(findings);
        Assert.Equal(("other", null, "/orders", "POST"), (definition.RestApiId, definition.ResourceId, definition.ResourcePath, definition.HttpMethod));
    }

    [Fact]
    public void Empty_maps_and_lists_of_output_objects_are_blank_cells()
    {
        Assert.Equal("", new RestIntegration().RequestParameters.ToString());
        Assert.Equal("", new RestIntegration().CacheKeyParameters.ToString());
        Assert.Equal("", new ApiIntegration().ResponseParameters.ToString());
    }
}
