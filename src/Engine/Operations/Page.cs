using System.Collections.Generic;

namespace IntegrationTools.Operations
{
    /// <summary>One page of a listing and the token of the next page (null on the last page).</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextToken)
        {
            Items = items;
            NextToken = nextToken;
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextToken { get; }
    }
}
