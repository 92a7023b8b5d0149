using System.Collections.Concurrent;
using System.Globalization;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// Reads and writes the value of a <see cref="FieldSpec"/> on any object that has a property of the field's name (a
    /// definition, a model), and copies, blanks and converts values by the field's kind. This is what lets reading,
    /// copying, request bodies, patches and the comparison loop over a field table instead of naming every member.
    /// </summary>
    internal static class FieldValues
    {
        private static readonly ConcurrentDictionary<(Type, FieldSpec), FieldAccessor?> Accessors = new ConcurrentDictionary<(Type, FieldSpec), FieldAccessor?>();

        /// <summary>Whether <paramref name="type"/> has a property for the field.</summary>
        public static bool Has(Type type, FieldSpec field) => Accessor(type, field) != null;

        public static object? Get(object target, FieldSpec field) => Accessor(target.GetType(), field)?.Get(target);

        /// <summary>Sets the field on <paramref name="target"/>, converting collections to the property's type.</summary>
        public static void Set(object target, FieldSpec field, object? value)
        {
            var accessor = Accessor(target.GetType(), field) ?? throw new ArgumentException($"{target.GetType().Name} has no property {field.Name}.", nameof(field));
            if (value == null ? !accessor.NewWhenNull : accessor.Holds(value))
            {
                accessor.Set(target, value);
                return;
            }
            var type = accessor.Property.PropertyType;
            accessor.Set(target, value == null ? Activator.CreateInstance(type) : Converted(value, type));
        }

        /// <summary>A deep copy of a field value (maps and lists are copied; text and numbers are immutable).</summary>
        public static object? Copy(object? value)
        {
            switch (value)
            {
                case Dictionary<string, Dictionary<string, string>> maps:
                    return maps.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
                case IDictionary<string, string> map:
                    return new Dictionary<string, string>(map.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
                case IEnumerable<string> list when !(value is string):
                    return new List<string>(list);
                default:
                    return value;
            }
        }

        /// <summary>Null, blank text, or an empty map or list: a value that says nothing (taken as not given).</summary>
        public static bool IsEmpty(object? value) =>
            value == null || (value is string s && s.Length == 0) || (value is ICollection c && c.Count == 0);

        /// <summary>The value, or null when it <see cref="IsEmpty"/>; copied.</summary>
        public static object? NullIfEmpty(object? value) => IsEmpty(value) ? null : Copy(value);

        /// <summary>Text trimmed (blank is null), upper-cased for enumerated fields; other kinds as they are.</summary>
        public static object? Normalized(FieldSpec field, object? value)
        {
            if (!(value is string text)) return value;
            var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            return field.Enumerated ? trimmed?.ToUpperInvariant() : trimmed;
        }

        /// <summary>A scalar as the text of a patch operation ("5000", "true").</summary>
        public static string? PatchText(object? value) => value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        /// <summary>The text of a patch operation as the field's kind (null when it cannot be read).</summary>
        public static object? FromPatchText(FieldSpec field, string? text)
        {
            var value = string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
            if (value == null) return null;
            switch (field.Kind)
            {
                case FieldKind.Integer: return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (object?)Keep;
                case FieldKind.Boolean: return bool.TryParse(value, out var flag) ? flag : (object?)Keep;
                default: return Normalized(field, value);
            }
        }

        /// <summary>Returned by <see cref="FromPatchText"/> for text that does not read as the field's kind: the value is left as it was.</summary>
        public static readonly object Keep = new object();

        private static object? Converted(object value, Type type)
        {
            if (value is IDictionary<string, string> map && typeof(IDictionary<string, string>).IsAssignableFrom(type))
            {
                var result = (IDictionary<string, string>)Activator.CreateInstance(type)!;
                foreach (var pair in map) result[pair.Key] = pair.Value;
                return result;
            }
            if (value is IEnumerable<string> list && typeof(ICollection<string>).IsAssignableFrom(type))
            {
                var result = (ICollection<string>)Activator.CreateInstance(type)!;
                foreach (var item in list) result.Add(item);
                return result;
            }
            if (value is Dictionary<string, Dictionary<string, string>> maps && typeof(IDictionary).IsAssignableFrom(type))
            {
                var result = (IDictionary)Activator.CreateInstance(type)!;
                var inner = type.IsGenericType ? type.GetGenericArguments()[1] : typeof(Dictionary<string, string>);
                foreach (var pair in maps) result[pair.Key] = Converted(pair.Value, inner);
                return result;
            }
            return value;
        }

        private static FieldAccessor? Accessor(Type type, FieldSpec field) => Accessors.GetOrAdd((type, field), key => FieldAccessor.Of(key.Item1, key.Item2.Name));
    }
}
