using System.Management.Automation;
using IntegrationTools.LocalAws;

namespace IntegrationTools.Tests.Infrastructure;

public static class ResultExtensions
{
    /// <summary>The one error a run produced, whether it ended the statement (error stream) or the whole script.</summary>
    public static ErrorRecord SingleError(this ScriptResult result)
    {
        var all = result.Errors.ToList();
        if (result.Terminating != null) all.Add(result.Terminating.ErrorRecord);
        return Assert.Single(all);
    }
}
