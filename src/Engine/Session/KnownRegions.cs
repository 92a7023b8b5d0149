using Amazon;

namespace IntegrationTools.Session
{
    /// <summary>The region names AWSSDK.Core knows, with their display names, for completion.</summary>
    internal static class KnownRegions
    {
        public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
            RegionEndpoint.EnumerableAllRegions
                .Select(r => new KeyValuePair<string, string>(r.SystemName, r.DisplayName))
                .OrderBy(r => r.Key, System.StringComparer.Ordinal)
                .ToList();
    }
}
