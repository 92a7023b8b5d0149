using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationTools.Wire
{
    internal static class WireJson
    {
        /// <summary>Member names come from [JsonPropertyName] on the wire shapes; absent members are not sent.</summary>
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
    }
}
