using System.Management.Automation.Language;
using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>The PowerShell scripts the suite cannot run here (tests/Pester needs pwsh and Pester) at least parse, as do the examples.</summary>
[Collection(MotoCollection.Name)]
public sealed class ScriptParseTests(MotoFixture moto)
{
    public static TheoryData<string> Scripts()
    {
        var root = LocalAws.RepositoryRoot.Find();
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine("tests", "Pester"), "examples" })
            foreach (var file in Directory.GetFiles(Path.Combine(root, folder)).Where(f => f.EndsWith(".ps1") || f.EndsWith(".psm1")).Order())
                data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParsesWithoutErrors(string script)
    {
        Parser.ParseFile(Path.Combine(moto.Repository, script), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{script}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}")));
    }
}
