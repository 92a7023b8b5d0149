using IntegrationTools.Help;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>
/// docs/help and the code cannot drift apart: every exported cmdlet has a page, every page a cmdlet, the parameters
/// and parameter sets are the same on both sides, and every page has at least two examples.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class HelpDriftTests(MotoFixture moto)
{
    private string Docs => Path.Combine(moto.Repository, "docs", "help");

    private Dictionary<string, (HashSet<string> Parameters, HashSet<string> Sets)> Cmdlets()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("""
            # -WhatIf and -Confirm are documented like any parameter (as PlatyPS does); the other common ones are not.
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters
            Get-Command -Module IntegrationTools | ForEach-Object {
                $parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common }) -join ','
                $sets = @($_.ParameterSets | ForEach-Object Name) -join ','
                "$($_.Name)|$parameters|$sets"
            }
            """);
        result.ThrowIfFailed();
        return result.Output.Select(o => o.ToString().Split('|')).ToDictionary(
            p => p[0],
            p => (p[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), p[2].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet()));
    }

    private Dictionary<string, CommandHelp> Pages() =>
        Directory.GetFiles(Docs, "*-*.md").Select(HelpCompiler.ReadCommandPage).ToDictionary(p => p.Name);

    [Fact]
    public void EveryCmdletHasAPageAndEveryPageACmdlet()
    {
        var cmdlets = Cmdlets().Keys.Order().ToList();
        var pages = Pages().Keys.Order().ToList();
        Assert.Equal(cmdlets, pages);
    }

    [Fact]
    public void ParametersAndParameterSetsMatchTheCode()
    {
        var pages = Pages();
        var problems = new List<string>();
        foreach (var (name, code) in Cmdlets())
        {
            if (!pages.TryGetValue(name, out var page)) continue; // reported by the test above
            var documented = page.Parameters.ToHashSet();
            problems.AddRange(code.Parameters.Except(documented).Select(p => $"{name}: -{p} exists in code but not in docs/help"));
            problems.AddRange(documented.Except(code.Parameters).Select(p => $"{name}: -{p} is documented but does not exist"));
            var sets = page.ParameterSets.ToHashSet();
            problems.AddRange(code.Sets.Except(sets).Select(s => $"{name}: parameter set {s} is not in the page's SYNTAX"));
            problems.AddRange(sets.Except(code.Sets).Select(s => $"{name}: the page documents parameter set {s}, which the cmdlet does not have"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryPageHasAtLeastTwoExamples()
    {
        var thin = Pages().Values.Where(p => p.ExampleCount < 2).Select(p => $"{p.Name}: {p.ExampleCount} example(s)").ToList();
        Assert.True(thin.Count == 0, string.Join(Environment.NewLine, thin));
    }
}
