namespace IntegrationTools.Engine.Tests.Infrastructure;

/// <summary>Files of the repository the tests read (the repository root is the folder with global.json).</summary>
internal static class RepositoryFiles
{
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
        throw new InvalidOperationException("repository root not found");
    }
}
