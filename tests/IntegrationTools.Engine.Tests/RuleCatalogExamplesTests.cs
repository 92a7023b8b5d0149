using IntegrationTools.RuleDocs;
using IntegrationTools.Rules;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// Every rule id in the catalog has a failing and a passing example that behave as documented: the failing one is
/// reported under that id, the passing one is not. The examples are the ones docs/rules.md and about_IntegrationTools_Rules show.
/// </summary>
public sealed class RuleCatalogExamplesTests
{
    public static TheoryData<string> RuleIds()
    {
        var ids = new TheoryData<string>();
        foreach (var id in RuleCatalog.All.Select(r => r.Id).Append(Validation.DefinitionValidator.UnknownKind.Id).Distinct().Order()) ids.Add(id);
        return ids;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleHasAFailingAndAPassingExampleThatBehaveAsDocumented(string id)
    {
        var entry = RuleCatalogDocument.Entries().SingleOrDefault(e => e.Info.Id == id);
        Assert.True(entry != null, $"{id} is in the catalog but not in the rules document.");
        Assert.True(entry!.Example != null, $"{id} has no failing/passing example pair.");
        Assert.NotNull(entry.Failing);
        Assert.NotNull(entry.Passing);

        var failing = entry.Example!.CheckFailing();
        Assert.True(failing.Any(f => f.RuleId == id), $"{id}: its failing example is not reported under {id} (found: {string.Join(", ", failing.Select(f => f.RuleId))}).");
        Assert.All(failing.Where(f => f.RuleId == id), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
        });

        var passing = entry.Example.CheckPassing();
        Assert.True(passing.All(f => f.RuleId != id), $"{id}: its passing example is still reported: {string.Join(" ", passing.Where(f => f.RuleId == id).Select(f => f.Message))}");
    }

    [Fact]
    public void TheCatalogListsTheLiveAndInvokeRules()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "IT3001", "IT3002", "IT3003", "IT3004", "IT3005", "IT3006", "IT3007", "IT3101", "IT3102" }, ids);
        var doc = RuleCatalogDocument.ToMarkdown();
        Assert.Contains("## IT3006: The integration as deployed matches the definition", doc);
        Assert.Contains("when the account holds: `@{ Deployed = @{ ", doc);
        Assert.Contains("when TestInvokeMethod answers: `@{ Body = ", doc);
    }
}
