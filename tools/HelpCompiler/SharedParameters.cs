namespace IntegrationTools.Help;

/// <summary>
/// The session parameters (-Region, -ProfileName, ..., -AllowInsecureEndpoint) that every cmdlet calling AWS has are
/// documented once, in docs/help/_SessionParameters.md. A cmdlet page names them with a '### SessionParameters'
/// entry in its PARAMETERS section, as it names the common parameters with '### CommonParameters'; the compiler
/// puts the shared entries into the page, among its own parameters in alphabetical order, before the MAML is written.
/// </summary>
internal static class SharedParameters
{
    /// <summary>The PARAMETERS entry of a cmdlet page that takes the shared entries.</summary>
    public const string Heading = "SessionParameters";

    /// <summary>The file, next to the cmdlet pages, that documents the session parameters.</summary>
    public const string FileName = "_SessionParameters.md";

    /// <summary>The entries of <paramref name="file"/>, read and checked (each page that names them reads them afresh).</summary>
    public static List<ParameterEntry> Read(string file) => CommandPageParser.ParseSharedParameters(Path.GetFullPath(file));
}
