using IntegrationTools.RuleDocs;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests;

/// <summary>docs/rules.md is the catalog written out; it must not drift from the rule objects.</summary>
public sealed class RuleCatalogDocumentTests
{
    private static string RulesDoc() => Infrastructure.RepositoryFiles.PathOf("docs", "rules.md");

    [Fact]
    public void DocsRulesMd_IsTheCatalogWrittenOut()
    {
        var path = RulesDoc();
        var generated = RuleCatalogDocument.ToMarkdown();
        if (Environment.GetEnvironmentVariable("UPDATE_RULES_DOC") == "1") File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), "docs/rules.md is missing: run the engine tests with UPDATE_RULES_DOC=1");
        Assert.True(generated == File.ReadAllText(path), "docs/rules.md differs from the rule catalog: run the engine tests with UPDATE_RULES_DOC=1 and commit the result");
    }

    [Fact]
    public void EveryRuleIdIsUniqueAndEveryRuleHasATitleAndRationale()
    {
        var all = RuleCatalog.All.ToList();
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r =>
        {
            Assert.Matches(@"^IT\d{4}$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Rationale));
        });
        Assert.Equal(all.Select(r => r.Id).Order(), RuleCatalogDocument.Entries().Select(e => e.Info.Id).Where(id => id != "IT0005").Order());
    }

    [Fact]
    public void ExamplesAreWrittenAsPowerShellHashtables()
    {
        var literal = RuleCatalogDocument.PowerShellLiteral(new System.Collections.Hashtable
        {
            ["Type"] = "MOCK",
            ["RequestTemplates"] = new System.Collections.Hashtable { ["application/json"] = "{\"statusCode\": 200}" },
            ["TimeoutInMillis"] = 29000,
            ["CacheKeyParameters"] = new[] { "method.request.path.id" },
            ["Name"] = "it's",
        });
        Assert.Equal("@{ CacheKeyParameters = @('method.request.path.id'); Name = 'it''s'; RequestTemplates = @{ 'application/json' = '{\"statusCode\": 200}' }; TimeoutInMillis = 29000; Type = 'MOCK' }", literal);
    }
}
