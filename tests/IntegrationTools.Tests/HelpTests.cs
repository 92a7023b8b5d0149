using IntegrationTools.Tests.Infrastructure;

namespace IntegrationTools.Tests;

/// <summary>Get-Help in the built module reads the MAML compiled from docs/help.</summary>
[Collection(MotoCollection.Name)]
public sealed class HelpTests(MotoFixture moto)
{
    [Theory]
    [InlineData("Get-RestIntegration")]
    [InlineData("Get-ApiIntegration")]
    public void EveryCmdletHasSynopsisDescriptionParametersAndExamples(string command)
    {
        using var ps = moto.NewSession();
        var result = ps.Run($"""
            $help = Get-Help {command} -Full
            $help.Synopsis
            ($help.Description | ForEach-Object Text) -join ' '
            @($help.Examples.Example).Count
            (@($help.Parameters.Parameter) | ForEach-Object Name) -join ','
            """);
        result.ThrowIfFailed();
        var synopsis = (string)result.Output[0].BaseObject;
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.DoesNotContain(command + " [", synopsis); // a real synopsis, not the generated syntax line
        Assert.False(string.IsNullOrWhiteSpace((string)result.Output[1].BaseObject));
        Assert.True((int)result.Output[2].BaseObject >= 2, "fewer than two examples");
        var documented = ((string)result.Output[3].BaseObject).Split(',');
        var actual = ps.Run($"(Get-Command {command}).Parameters.Keys | Where-Object {{ $_ -notin ([System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters) }}");
        actual.ThrowIfFailed();
        Assert.Equal(actual.Output.Select(o => o.ToString()).Order(), documented.Order());
    }

    [Fact]
    public void TheAboutTopicIsThere()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("Get-Help about_IntegrationTools | ForEach-Object { $_.ToString() }");
        result.ThrowIfFailed();
        var text = string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.Contains("about_integrationtools", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AWS_ENDPOINT_URL_API_GATEWAY", text);
    }

    [Fact]
    public void TheRulesTopicListsTheCatalog()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("Get-Help about_IntegrationTools_Rules | ForEach-Object { $_.ToString() }");
        result.ThrowIfFailed();
        var text = string.Join("\n", result.Output.Select(o => o.ToString()));
        foreach (var id in new[] { "IT0001", "IT0002", "IT1008", "IT2005" }) Assert.Contains(id, text);
        Assert.Contains("Fails:", text);
        Assert.Contains("Passes:", text);
    }

    [Fact]
    public void ParameterHelpNamesTheAliasesOfTheSessionParameters()
    {
        using var ps = moto.NewSession();
        var result = ps.Run("(Get-Help Get-ApiIntegration -Parameter ProfileName).aliases");
        result.ThrowIfFailed();
        var aliases = string.Join(",", result.Output.Select(o => o.ToString()));
        Assert.Contains("StoredCredentials", aliases);
        Assert.Contains("AWSProfileName", aliases);
    }
}
