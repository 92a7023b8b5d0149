namespace IntegrationTools.Completers
{
    /// <summary>Completes -Region with the regions AWSSDK.Core knows, each with its name as the tooltip.</summary>
    public sealed class RegionCompleter : FixedValuesCompleter
    {
        protected override IEnumerable<(string Value, string Tip)> Values =>
            Session.KnownRegions.All.Select(r => (r.Key, r.Value));

        protected override bool Quoted => false;
    }
}
