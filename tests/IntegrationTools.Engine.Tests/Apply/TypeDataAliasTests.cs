using System.Xml.Linq;
using IntegrationTools.Definitions;

namespace IntegrationTools.Engine.Tests.Apply;

/// <summary>
/// The module's alias properties (module/IntegrationTools.Types.ps1xml) are names the definition readers know, each as
/// another name of the member it refers to, so a JSON or CSV copy of Get- output never has an unknown field.
/// </summary>
public sealed class TypeDataAliasTests
{
    private static readonly Dictionary<string, DefinitionSchema> Schemas = new()
    {
        ["IntegrationTools.Models.RestIntegration"] = RestIntegrationDefinition.Schema,
        ["IntegrationTools.Models.RestIntegrationResponse"] = RestIntegrationResponseDefinition.Schema,
        ["IntegrationTools.Models.ApiIntegration"] = ApiIntegrationDefinition.Schema,
        ["IntegrationTools.Models.ApiIntegrationResponse"] = ApiIntegrationResponseDefinition.Schema,
    };

    private static string TypesFile() => Infrastructure.RepositoryFiles.PathOf("module", "IntegrationTools.Types.ps1xml");

    [Fact]
    public void Every_alias_property_is_a_name_of_the_field_it_refers_to()
    {
        var aliases = XDocument.Load(TypesFile()).Descendants("Type")
            .SelectMany(t => t.Descendants("AliasProperty").Select(a => (Type: t.Element("Name")!.Value, Alias: a.Element("Name")!.Value, Of: a.Element("ReferencedMemberName")!.Value)))
            .ToList();
        Assert.NotEmpty(aliases);
        foreach (var (type, alias, of) in aliases)
        {
            var schema = Schemas[type];
            var field = schema.Find(alias);
            Assert.True(field != null, $"{type}: the alias {alias} is not a name {schema.Description} knows");
            Assert.Equal(schema.Find(of)!.Name, field!.Name);
        }
    }
}
