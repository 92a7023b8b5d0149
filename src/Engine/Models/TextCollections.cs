using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntegrationTools.Models
{
    // The maps and lists of the output objects. They are ordinary dictionaries and lists; only their text is JSON, so
    // that Export-Csv (which writes each property's text) writes a cell that Import-Csv and the definition reader read
    // back as the same map or list, and an empty one as a blank cell (not given). ConvertTo-Json is not affected.

    /// <summary>A map of text whose text form is its JSON ('' when empty).</summary>
    public sealed class TextMap : Dictionary<string, string>
    {
        public TextMap()
            : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() => TextJson.Of(this, Count);
    }

    /// <summary>A list of text whose text form is its JSON ('' when empty).</summary>
    public sealed class TextList : List<string>
    {
        public TextList()
        {
        }

        public TextList(IEnumerable<string> items)
            : base(items)
        {
        }

        public override string ToString() => TextJson.Of(this, Count);
    }

    /// <summary>Maps of text by key (HTTP API response parameters by status code) whose text form is their JSON ('' when empty).</summary>
    public sealed class TextMaps : Dictionary<string, Dictionary<string, string>>
    {
        public TextMaps()
            : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() => TextJson.Of(this, Count);
    }

    internal static class TextJson
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string Of(object value, int count) => count == 0 ? "" : JsonSerializer.Serialize(value, value.GetType(), Options);
    }
}
