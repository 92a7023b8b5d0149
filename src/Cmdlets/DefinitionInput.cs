namespace IntegrationTools.Commands
{
    /// <summary>
    /// Turns whatever a user pipes in as a definition — a hashtable, a PSCustomObject (ConvertFrom-Json, Import-Csv,
    /// Select-Object), a YAML mapping, or an output object of the Get- cmdlets — into plain data the engine's
    /// DefinitionReader understands: dictionaries, lists, strings, numbers and booleans. Nothing here judges the
    /// content; that is the rule catalog's job.
    /// </summary>
    internal static class DefinitionInput
    {
        private const int MaxDepth = 16;

        public static object? ToPlain(object? value) => ToPlain(value, 0);

        private static object? ToPlain(object? value, int depth)
        {
            if (value == null) return null;
            if (depth > MaxDepth) return value.ToString();
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject) return Properties(ps, depth);
                return ToPlain(ps.BaseObject, depth);
            }
            switch (value)
            {
                case string _:
                case char _:
                case bool _:
                    return value;
                case IDictionary dictionary:
                {
                    var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = entry.Key is PSObject keyObject ? keyObject.BaseObject : entry.Key;
                        copy[Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = ToPlain(entry.Value, depth + 1);
                    }
                    return copy;
                }
                case IEnumerable items:
                {
                    var list = new List<object?>();
                    foreach (var item in items) list.Add(ToPlain(item, depth + 1));
                    return list;
                }
                case IConvertible convertible when convertible.GetTypeCode() != TypeCode.Object:
                    return value;
                default:
                    // The module's own output objects are definitions; any other object (a ScriptBlock, a FileInfo, a
                    // process) is not data: it goes to the reader as it is, which names its type as the problem,
                    // instead of having its whole object graph walked.
                    var type = value.GetType();
                    return type.Namespace != null && type.Namespace.StartsWith("IntegrationTools.", StringComparison.Ordinal)
                        ? Properties(PSObject.AsPSObject(value), depth)
                        : value;
            }
        }

        private static Hashtable Properties(PSObject ps, int depth)
        {
            var bag = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in ps.Properties)
            {
                if (!property.IsGettable) continue;
                // Alias properties from the module's type data (Path, Method, Id, ...) only repeat a real property.
                if (property is PSAliasProperty) continue;
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (ExtendedTypeSystemException)
                {
                    continue; // a getter that throws: the property is left out
                }
                bag[property.Name] = ToPlain(value, depth + 1);
            }
            return bag;
        }
    }
}
