namespace IntegrationTools.Commands
{
    /// <summary>
    /// Where Get-Help -Online sends a reader: the cmdlet's page in docs/help of the project's repository (the manifest's
    /// ProjectUri). Every [Cmdlet] sets HelpUri = <see cref="Page"/> + "Verb-Noun.md".
    /// </summary>
    internal static class HelpLinks
    {
        public const string Page = "https://example.invalid/IntegrationTools/blob/main/docs/help/";
    }
}
