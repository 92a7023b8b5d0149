namespace IntegrationTools.LocalAws;

public static class RepositoryRoot
{
    /// <summary>The nearest folder above the current one (or the running assembly) that holds global.json.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "module")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("Run this from inside the IntegrationTools repository (no global.json with a module/ folder above " + Environment.CurrentDirectory + ").");
    }
}
