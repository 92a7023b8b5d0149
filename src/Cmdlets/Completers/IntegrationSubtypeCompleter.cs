namespace IntegrationTools.Completers
{
    /// <summary>Completes -IntegrationSubtype with the AWS service actions HTTP APIs know, each with what it does and needs.</summary>
    public sealed class IntegrationSubtypeCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<(string Value, string Tip)> Values =>
            ApiIntegrationValues.Subtypes.Select(s => (s.Name, $"{s.Description} Needs: {string.Join(", ", s.Required)}."));

        protected override bool Quoted => false;
    }
}
