using System.Reflection;
using System.Text.Json.Serialization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// The field tables keep every member of an integration in one place: a property of a model or definition type that
/// the table does not declare, a table entry that no definition property carries, or a wire name that the service's
/// answer shape does not read, fails here (a member missing from the table would silently drop out of request bodies,
/// patches and the Unchanged comparison).
/// </summary>
public sealed class FieldTableTests
{
    public static TheoryData<Type, string> ModelTypes => new()
    {
        { typeof(RestIntegration), "REST" },
        { typeof(RestIntegrationDefinition), "REST" },
        { typeof(ApiIntegration), "V2" },
        { typeof(ApiIntegrationDefinition), "V2" },
    };

    private static DefinitionSchema Table(string family) => family == "REST" ? RestIntegrationDefinition.Schema : ApiIntegrationDefinition.Schema;

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Every_settable_property_of_the_type_is_in_its_family_table(Type type, string family)
    {
        var table = Table(family);
        var missing = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .Where(name => table.Fields.All(f => f.Name != name))
            .ToList();
        Assert.True(missing.Count == 0, $"{type.Name} has members the {family} field table does not declare: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("REST")]
    [InlineData("V2")]
    public void Every_field_but_the_echoes_is_a_property_of_the_definition_and_the_model(string family)
    {
        var definition = family == "REST" ? typeof(RestIntegrationDefinition) : typeof(ApiIntegrationDefinition);
        var model = family == "REST" ? typeof(RestIntegration) : typeof(ApiIntegration);
        foreach (var field in Table(family).Fields.Where(f => f.Role != FieldRole.Echo))
        {
            Assert.True(FieldValues.Has(definition, field), $"{definition.Name} has no property {field.Name}");
            Assert.True(FieldValues.Has(model, field), $"{model.Name} has no property {field.Name}");
        }
    }

    [Theory]
    [InlineData("REST")]
    [InlineData("V2")]
    public void Every_integration_field_has_a_wire_name_the_answer_shape_reads(string family)
    {
        var shape = family == "REST" ? typeof(IntegrationShape) : typeof(V2IntegrationShape);
        var names = shape.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).ToHashSet();
        foreach (var field in Table(family).IntegrationFields)
        {
            Assert.NotNull(field.Wire);
            Assert.Contains(field.Container ?? field.Wire, names);
            Assert.True(field.Compared, $"{field.Name} is sent but not compared");
        }
    }

    [Fact]
    public void The_patch_paths_are_the_wire_names()
    {
        Assert.Equal(
            new[] { "/type", "/httpMethod", "/uri", "/connectionType", "/connectionId", "/credentials", "/passthroughBehavior",
                "/cacheNamespace", "/contentHandling", "/timeoutInMillis", "/tlsConfig/insecureSkipVerification",
                "/responseTransferMode", "/integrationTarget" },
            RestIntegrationPatch.ScalarPaths);
    }

    [Fact]
    public void A_field_added_to_a_definition_is_sent_and_compared_without_other_edits()
    {
        // Every integration field of the table, set to a value unlike the service default: each one is in the body, and
        // each one differing from the live integration is reported by the comparison.
        var definition = new ApiIntegrationDefinition { ApiId = "a1", IntegrationId = "i1" };
        foreach (var field in ApiIntegrationDefinition.Schema.IntegrationFields)
        {
            object value = field.Kind switch
            {
                FieldKind.Integer => 1234,
                FieldKind.StringMap => new Dictionary<string, string> { ["k"] = "v" },
                FieldKind.MapOfStringMaps => new Dictionary<string, Dictionary<string, string>> { ["200"] = new() { ["k"] = "v" } },
                _ => "X-" + field.Name,
            };
            FieldValues.Set(definition, field, value);
        }
        var body = WireBody.From(ApiIntegrationDefinition.Schema, definition, keepEmpty: false, wireOrder: true);
        Assert.Equal(ApiIntegrationDefinition.Schema.IntegrationFields.Select(f => f.Container ?? f.Wire).Distinct().OrderBy(w => w, StringComparer.Ordinal), body.Keys);
        var live = new ApiIntegration { ApiId = "a1", IntegrationId = "i1", ProtocolType = "HTTP" };
        Assert.Equal(ApiIntegrationDefinition.Schema.IntegrationFields.Select(f => f.Name), ApiIntegrationComparison.Differences(definition, live));
    }
}
