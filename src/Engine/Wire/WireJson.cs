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

        /// <summary>
        /// The same, but readable for people (-WhatIf text): quotes and '&lt;' in templates stay as they are instead of
        /// \u0022 escapes. Only for display; requests are serialized with <see cref="Options"/>.
        /// </summary>
        public static readonly JsonSerializerOptions Display = new JsonSerializerOptions(Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
