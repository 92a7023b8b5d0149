namespace IntegrationTools.Commands
{
    /// <summary>The items of a paged listing (GetIntegrations, GetIntegrationResponses), read a page at a time as they are enumerated.</summary>
    internal static class Paging
    {
        /// <summary>Every item: <paramref name="readPage"/> is called with each page's NextToken (null first) until a page has none.</summary>
        public static IEnumerable<T> All<T>(Func<string?, Page<T>> readPage)
        {
            string? token = null;
            do
            {
                var page = readPage(token);
                foreach (var item in page.Items) yield return item;
                token = page.NextToken;
            }
            while (token != null);
        }
    }
}
