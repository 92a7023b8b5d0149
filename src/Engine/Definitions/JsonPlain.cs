using System.Text.Json;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// A JSON value as the plain data definitions are made of: Hashtables (keys compared as the caller says), object
    /// arrays, strings, Int32 where the number fits (Int64, then Double otherwise), booleans and nulls.
    /// </summary>
    internal static class JsonPlain
    {
        public static object? From(JsonElement element, StringComparer keys)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Hashtable(keys);
                    foreach (var property in element.EnumerateObject()) map[property.Name] = From(property.Value, keys);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray()) list.Add(From(item, keys));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i)) return i;
                    if (element.TryGetInt64(out var l)) return l;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
