namespace IntegrationTools.Help;

/// <summary>Everything a cmdlet page says, as the MAML writer needs it.</summary>
internal sealed class CommandPage
{
    public required string File { get; init; }
    public required string Name { get; init; }
    public required int Line { get; init; }
    public required IReadOnlyDictionary<string, string> FrontMatter { get; init; }
    public List<string> Synopsis { get; set; } = [];
    public List<string> Description { get; set; } = [];
    public List<string>? Notes { get; set; }
    public List<SyntaxEntry> Syntax { get; } = [];
    public List<ParameterEntry> Parameters { get; } = [];
    public bool SupportsCommonParameters { get; set; }
    public List<TypeEntry> Inputs { get; } = [];
    public List<TypeEntry> Outputs { get; } = [];
    public List<ExampleEntry> Examples { get; } = [];
    public List<RelatedLink> Links { get; } = [];

    public string ExternalHelpFile => FrontMatter.TryGetValue("external help file", out var value) ? value : "";

    public string? OnlineVersion => FrontMatter.TryGetValue("online version", out var value) && value.Length > 0 ? value : null;

    /// <summary>The parameters of one set, in the order PlatyPS puts them in a syntax item: by position, then named in page order.</summary>
    public IEnumerable<(ParameterEntry Parameter, ParameterVariant Variant)> ParametersOf(string set)
    {
        var members = new List<(ParameterEntry, ParameterVariant)>();
        foreach (var parameter in Parameters)
        {
            var variant = parameter.VariantFor(set);
            if (variant != null) members.Add((parameter, variant));
        }
        return members.OrderBy(m => m.Item2.PositionNumber ?? int.MaxValue);
    }
}

internal sealed record SyntaxEntry(string Name, bool IsDefault, string Code, int Line);

internal sealed class ParameterEntry
{
    public required string Name { get; init; }
    public required int Line { get; init; }
    public List<string> Description { get; } = [];
    public List<ParameterVariant> Variants { get; } = [];

    public ParameterVariant First => Variants[0];

    public ParameterVariant? VariantFor(string set) =>
        Variants.FirstOrDefault(v => v.Sets.Contains(set, StringComparer.OrdinalIgnoreCase))
        ?? Variants.FirstOrDefault(v => v.AllSets);
}

/// <summary>One ```yaml block of a parameter (a parameter with different metadata per set has several).</summary>
internal sealed class ParameterVariant
{
    public required int Line { get; init; }
    public string Type { get; set; } = "";
    public List<string> Sets { get; } = [];
    public bool AllSets { get; set; }
    public List<string> Aliases { get; } = [];
    public List<string> AcceptedValues { get; } = [];
    public bool Required { get; set; }
    public string Position { get; set; } = "Named";
    public string? DefaultValue { get; set; }
    public string PipelineInput { get; set; } = "False";
    public bool Globbing { get; set; }

    public int? PositionNumber => int.TryParse(Position, out var n) ? n : null;

    public bool IsSwitch => HelpText.IsSwitchType(Type);
}

internal sealed record TypeEntry(string TypeName, List<string> Description);

internal sealed record ExampleEntry(string Title, string Code, List<string> Remarks);
