using System.Diagnostics;

namespace IntegrationTools.LocalAws;

/// <summary>Finds the third-party programs the tests use: a Python that imports moto, and the AWS CLI.</summary>
public static class Tools
{
    public const string AwsCliVariable = "AWS_CLI";

    private static readonly Lazy<string?> MotoPython = new(() => Candidates().FirstOrDefault(ImportsMoto));

    public static string? FindMotoPython() => MotoPython.Value;

    /// <summary>The AWS CLI: $AWS_CLI, then the one installed beside moto's Python, then PATH, then /usr/bin/aws.</summary>
    public static string? FindAwsCli()
    {
        var fromEnv = Environment.GetEnvironmentVariable(AwsCliVariable);
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var candidates = new List<string>();
        var python = FindMotoPython();
        if (python != null)
        {
            var dir = Path.GetDirectoryName(python);
            if (dir != null) candidates.Add(Path.Combine(dir, "aws"));
        }
        candidates.AddRange(PathEntries().Select(d => Path.Combine(d, "aws")));
        candidates.Add(Path.Combine(Home(), ".pyenv", "shims", "aws"));
        candidates.Add("/usr/bin/aws");
        return candidates.FirstOrDefault(File.Exists);
    }

    private static IEnumerable<string> Candidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable(MotoServer.PythonVariable);
        if (!string.IsNullOrEmpty(fromEnv)) yield return fromEnv;
        var pyenv = Path.Combine(Home(), ".pyenv");
        yield return Path.Combine(pyenv, "shims", "python3");
        var versions = Path.Combine(pyenv, "versions");
        if (Directory.Exists(versions))
        {
            foreach (var dir in Directory.GetDirectories(versions).OrderDescending())
                yield return Path.Combine(dir, "bin", "python3");
        }
        foreach (var dir in PathEntries()) yield return Path.Combine(dir, "python3");
        yield return "/usr/bin/python3";
    }

    private static bool ImportsMoto(string python)
    {
        if (!File.Exists(python)) return false;
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import moto.server, flask");
            using var process = Process.Start(info);
            if (process == null) return false;
            if (!process.WaitForExit(60_000)) { process.Kill(); return false; }
            return process.ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static IEnumerable<string> PathEntries() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
