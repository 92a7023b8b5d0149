namespace IntegrationTools.Definitions
{
    /// <summary>
    /// What the builders of the rules' examples (<see cref="RestExamples"/>, <see cref="ApiExamples"/>) share: a definition
    /// as a user would write it (a hashtable whose keys match in any case, as in PowerShell's @{ }), and changes to it.
    /// </summary>
    internal static class Example
    {
        /// <summary>A new definition with <paramref name="members"/>.</summary>
        public static Hashtable Of(params (string Key, object? Value)[] members) => new Hashtable(StringComparer.OrdinalIgnoreCase).With(members);

        /// <summary><paramref name="example"/> with the given keys set; a null value removes the key.</summary>
        public static Hashtable With(this Hashtable example, params (string Key, object? Value)[] changes)
        {
            foreach (var (key, value) in changes)
            {
                if (value == null) example.Remove(key);
                else example[key] = value;
            }
            return example;
        }
    }
}
