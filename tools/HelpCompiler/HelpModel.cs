namespace IntegrationTools.Help;

/// <summary>What <see cref="HelpCompiler.Compile"/> read and wrote.</summary>
public sealed class HelpCompileResult
{
    internal HelpCompileResult(IReadOnlyList<CommandHelp> commands, IReadOnlyList<AboutTopicHelp> aboutTopics, IReadOnlyList<string> outputFiles)
    {
        Commands = commands;
        AboutTopics = aboutTopics;
        OutputFiles = outputFiles;
    }

    /// <summary>One entry per cmdlet page, ordered by command name.</summary>
    public IReadOnlyList<CommandHelp> Commands { get; }

    /// <summary>One entry per about_*.md page, ordered by topic name.</summary>
    public IReadOnlyList<AboutTopicHelp> AboutTopics { get; }

    /// <summary>Full paths of every file written (the MAML file(s) first, then the about topics).</summary>
    public IReadOnlyList<string> OutputFiles { get; }
}

/// <summary>The help of one cmdlet as read from its page.</summary>
public sealed class CommandHelp
{
    internal CommandHelp() { }

    /// <summary>Verb-Noun, as in the page's level-1 heading.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>The SYNOPSIS section as plain text (paragraphs joined by a space).</summary>
    public string Synopsis { get; internal set; } = "";

    /// <summary>Names of the documented parameters (without the dash), in page order; CommonParameters is not one.</summary>
    public IReadOnlyList<string> Parameters { get; internal set; } = [];

    /// <summary>The documented parameters with their metadata, in page order.</summary>
    public IReadOnlyList<ParameterHelp> ParameterDetails { get; internal set; } = [];

    /// <summary>
    /// Names of the parameter sets, in the order of the SYNTAX section; a cmdlet without named sets has the one set
    /// __AllParameterSets, as Get-Command reports it.
    /// </summary>
    public IReadOnlyList<string> ParameterSets { get; internal set; } = [];

    /// <summary>The set marked "(Default)" in SYNTAX, or the only set.</summary>
    public string? DefaultParameterSet { get; internal set; }

    /// <summary>The syntax line of each parameter set as the page shows it, keyed by set name.</summary>
    public IReadOnlyDictionary<string, string> SyntaxText { get; internal set; } = new Dictionary<string, string>();

    public int ExampleCount { get; internal set; }

    public IReadOnlyList<string> ExampleTitles { get; internal set; } = [];

    /// <summary>True when the page has a "### CommonParameters" entry.</summary>
    public bool SupportsCommonParameters { get; internal set; }

    /// <summary>Type names of the INPUTS section.</summary>
    public IReadOnlyList<string> Inputs { get; internal set; } = [];

    /// <summary>Type names of the OUTPUTS section.</summary>
    public IReadOnlyList<string> Outputs { get; internal set; } = [];

    /// <summary>The RELATED LINKS (after the online version link, if the front matter names one).</summary>
    public IReadOnlyList<RelatedLink> RelatedLinks { get; internal set; } = [];

    /// <summary>The front matter's "external help file" (the MAML file this command is compiled into).</summary>
    public string ExternalHelpFile { get; internal set; } = "";

    /// <summary>The front matter's "Module Name".</summary>
    public string ModuleName { get; internal set; } = "";

    /// <summary>The front matter's "online version", or null when it is empty.</summary>
    public string? OnlineVersion { get; internal set; }

    /// <summary>Full path of the markdown page.</summary>
    public string SourceFile { get; internal set; } = "";

    public override string ToString() => Name;
}

/// <summary>One documented parameter.</summary>
public sealed class ParameterHelp
{
    internal ParameterHelp() { }

    public string Name { get; internal set; } = "";

    /// <summary>The description as plain text, paragraphs separated by a line break.</summary>
    public string Description { get; internal set; } = "";

    /// <summary>The yaml "Type" (e.g. String, SwitchParameter, PSObject).</summary>
    public string Type { get; internal set; } = "";

    public IReadOnlyList<string> Aliases { get; internal set; } = [];

    /// <summary>The yaml "Accepted values" (a ValidateSet), empty when there are none.</summary>
    public IReadOnlyList<string> AcceptedValues { get; internal set; } = [];

    /// <summary>The yaml "Default value" (None when there is none).</summary>
    public string DefaultValue { get; internal set; } = "None";

    /// <summary>The yaml "Accept pipeline input" as written, e.g. "True (ByPropertyName, ByValue)" or "False".</summary>
    public string PipelineInput { get; internal set; } = "False";

    public bool AcceptsPipelineInputByValue => PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase);

    public bool AcceptsPipelineInputByPropertyName => PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);

    public bool AcceptsWildcards { get; internal set; }

    /// <summary>Every parameter set the parameter belongs to ("(All)" expanded to the command's sets).</summary>
    public IReadOnlyList<string> ParameterSets { get; internal set; } = [];

    /// <summary>True when the yaml says "Parameter Sets: (All)".</summary>
    public bool InAllParameterSets { get; internal set; }

    /// <summary>Required and position per parameter set (one entry per set in <see cref="ParameterSets"/>).</summary>
    public IReadOnlyList<ParameterSetUsage> Usages { get; internal set; } = [];

    /// <summary>Required as the first yaml block says (what the PARAMETERS part of Get-Help shows).</summary>
    public bool Required { get; internal set; }

    /// <summary>Position as the first yaml block says: a number, or "Named".</summary>
    public string Position { get; internal set; } = "Named";

    public bool IsSwitch => HelpText.IsSwitchType(Type);

    public override string ToString() => Name;
}

/// <summary>How a parameter takes part in one parameter set.</summary>
public sealed record ParameterSetUsage(string ParameterSet, bool Required, string Position);

/// <summary>A RELATED LINKS entry; <see cref="Uri"/> is empty for links to other help topics.</summary>
public sealed record RelatedLink(string Text, string Uri);

/// <summary>An about topic compiled to text.</summary>
public sealed record AboutTopicHelp(string Name, string ShortDescription, string SourceFile, string OutputFile);

/// <summary>A help page that does not follow the schema: which file, which line, and what is wrong.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string file, int line, string problem)
        : base($"{file}({line}): {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>Full path of the page.</summary>
    public string File { get; }

    /// <summary>1-based line of the page where the problem is (the heading of the section or parameter at fault).</summary>
    public int Line { get; }

    public string Problem { get; }
}
