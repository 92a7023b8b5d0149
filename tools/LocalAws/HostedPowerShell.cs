using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationTools.LocalAws;

/// <summary>
/// The PowerShell 7.6 engine in-process: one runspace (InitialSessionState.CreateDefault2) whose host captures
/// everything written to it, so that what the format views render through Out-Default can be read as text.
/// </summary>
public sealed partial class HostedPowerShell : IDisposable
{
    private readonly CapturingHost _host;
    private readonly Runspace _runspace;

    /// <param name="echo">Also write everything the host prints here as it happens (the quickstart prints to the console).</param>
    public HostedPowerShell(TextWriter? echo = null)
    {
        _host = new CapturingHost(echo);
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
    }

    /// <summary>Runs script text as a user would type it; output objects, errors and streams are returned.</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables != null)
            foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
        ps.AddScript(script);
        Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
            output = [];
        }
        return new ScriptResult(
            output,
            [.. ps.Streams.Error],
            [.. ps.Streams.Warning.Select(w => w.Message)],
            [.. ps.Streams.Verbose.Select(v => v.Message)],
            [.. ps.Streams.Debug.Select(d => d.Message)],
            [.. ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "")],
            terminating)
        {
            Progress = [.. ps.Streams.Progress],
        };
    }

    /// <summary>Runs the script piped to Out-Default and returns what the host printed, without VT colour codes.</summary>
    public string Render(string script)
    {
        var start = _host.Length;
        var result = Run(script + " | Out-Default");
        result.ThrowIfFailed();
        return StripVt(_host.TextSince(start));
    }

    /// <summary>All text the host has printed so far (format views, Write-Host), without VT codes.</summary>
    public string HostText => StripVt(_host.TextSince(0));

    public void Dispose() => _runspace.Dispose();

    public static string StripVt(string text) => VtPattern().Replace(text, "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex VtPattern();

    private sealed class CapturingHost : PSHost
    {
        private readonly CapturingUi _ui;
        private readonly Guid _id = Guid.NewGuid();

        public CapturingHost(TextWriter? echo) => _ui = new CapturingUi(echo);

        public int Length => _ui.Length;

        public string TextSince(int start) => _ui.TextSince(start);

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId => _id;
        public override string Name => "IntegrationTools.HostedPowerShell";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    private sealed class CapturingUi : PSHostUserInterface
    {
        private readonly StringBuilder _text = new();
        private readonly CapturingRawUi _raw = new();
        private readonly TextWriter? _echo;

        public CapturingUi(TextWriter? echo) => _echo = echo;

        public int Length { get { lock (_text) return _text.Length; } }

        public string TextSince(int start) { lock (_text) return _text.ToString(start, _text.Length - start); }

        public override PSHostRawUserInterface RawUI => _raw;

        private void Append(string value)
        {
            lock (_text)
            {
                _text.Append(value);
                _echo?.Write(StripVt(value));
            }
        }

        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        // Unattended: nothing can be typed in.
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new PSInvalidOperationException("The hosted engine cannot prompt: " + message);
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new PSInvalidOperationException("The hosted engine cannot prompt: " + message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new PSInvalidOperationException("The hosted engine cannot prompt for credentials.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new PSInvalidOperationException("The hosted engine cannot prompt for credentials.");
        public override string ReadLine() => throw new PSInvalidOperationException("The hosted engine cannot read input.");
        public override System.Security.SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException("The hosted engine cannot read input.");
    }

    private sealed class CapturingRawUi : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Size BufferSize { get; set; } = new(160, 3000);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; } = 1;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => new(160, 3000);
        public override Size MaxWindowSize => new(160, 3000);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(160, 50);
        public override string WindowTitle { get; set; } = "";
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}

/// <summary>What one script run produced.</summary>
public sealed record ScriptResult(
    Collection<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Information,
    RuntimeException? Terminating)
{
    /// <summary>The Write-Progress records, in order.</summary>
    public IReadOnlyList<ProgressRecord> Progress { get; init; } = [];

    /// <summary>Every stream's text in one string, for "no secret anywhere" checks.</summary>
    public string AllText => string.Join("\n",
        Output.Select(o => o?.ToString() ?? "")
            .Concat(Errors.Select(e => e + " " + e.FullyQualifiedErrorId + " " + e.ErrorDetails?.Message + " " + e.ErrorDetails?.RecommendedAction + " " + e.Exception))
            .Concat(Warnings).Concat(Verbose).Concat(Debug).Concat(Information)
            .Append(Terminating?.ToString() ?? ""));

    public void ThrowIfFailed()
    {
        if (Terminating != null) throw new InvalidOperationException("The script failed: " + Terminating.ErrorRecord, Terminating);
        if (Errors.Count > 0) throw new InvalidOperationException("The script wrote errors: " + string.Join("; ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
    }
}
