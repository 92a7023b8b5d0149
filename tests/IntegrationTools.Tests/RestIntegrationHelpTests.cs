using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Get-Help for the REST integration cmdlets reads the MAML compiled from docs/help.</summary>
[Collection(MotoCollection.Name)]
public sealed class RestIntegrationHelpTests(MotoFixture moto)
{
    [Theory]
    [InlineData("Set-RestIntegration")]
    [InlineData("Update-RestIntegration")]
    [InlineData("Remove-RestIntegration")]
    [InlineData("Set-RestIntegrationResponse")]
    [InlineData("Get-RestIntegrationResponse")]
    [InlineData("Remove-RestIntegrationResponse")]
    public void EveryCmdletHasSynopsisDescriptionEveryParameterAndExamples(string command)
    {
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            $help = Get-Help {command} -Full
            $help.Synopsis
            ($help.Description | ForEach-Object Text) -join ' '
            @($help.Examples.Example).Count
            (@($help.Parameters.Parameter) | ForEach-Object Name) -join ','
            (Get-Command {command}).Parameters.Keys -join ','
            """);
        result.ThrowIfFailed();
        Assert.False(string.IsNullOrWhiteSpace((string)result.Output[0].BaseObject));
        Assert.DoesNotContain(command + " [", (string)result.Output[0].BaseObject);
        Assert.False(string.IsNullOrWhiteSpace((string)result.Output[1].BaseObject));
        Assert.True((int)result.Output[2].BaseObject >= 2, "fewer than two examples");
        var documented = ((string)result.Output[3].BaseObject).Split(',').ToHashSet();
        var common = System.Management.Automation.PSCmdlet.CommonParameters.ToHashSet();
        var actual = ((string)result.Output[4].BaseObject).Split(',').Where(p => !common.Contains(p) && p != "UseTransaction").ToHashSet();
        Assert.Equal(actual.Order(), documented.Order());
    }
}
