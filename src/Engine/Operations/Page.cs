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

    /// <summary>Following a listing's pages: the one loop for REST position tokens and HTTP/WebSocket nextTokens.</summary>
    internal static class Pages
    {
        /// <summary>
        /// The token of the next page as the service answered it, or null on the last page. A token equal to the one just
        /// sent would loop forever: the listing stops there.
        /// </summary>
        public static string? Next(string? next, string? previous) =>
            string.IsNullOrEmpty(next) || next == previous ? null : next;

        /// <summary>Every item: <paramref name="readPage"/> is called with each page's token (null first) until a page has none.</summary>
        public static async Task<List<T>> AllAsync<T>(Func<string?, Task<Page<T>>> readPage)
        {
            var all = new List<T>();
            string? token = null;
            do
            {
                var page = await readPage(token).ConfigureAwait(false);
                all.AddRange(page.Items);
                token = page.NextToken;
            }
            while (token != null);
            return all;
        }
    }
}
