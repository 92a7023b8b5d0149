using System;
using System.Collections.Generic;

namespace IntegrationTools.Definitions
{
    /// <summary>How a definition field's value is read.</summary>
    public enum FieldKind
    {
        String,
        Integer,
        Boolean,
        StringMap,
        StringList,
        MapOfStringMaps,
        /// <summary>Read-only members of output objects (e.g. IntegrationResponses): accepted and ignored.</summary>
        Ignored,
    }

    /// <summary>
    /// One field of a definition: its canonical name (the PowerShell parameter and output property name), the other
    /// names it may arrive under (the AWS CLI's camelCase or PascalCase member names, matched case-insensitively),
    /// and, for members the CLI nests (tlsConfig.insecureSkipVerification), the container it sits in.
    /// </summary>
    public sealed class FieldSpec
    {
        public FieldSpec(string name, FieldKind kind, params string[] aliases)
        {
            Name = name;
            Kind = kind;
            Aliases = aliases;
        }

        public string Name { get; }

        public FieldKind Kind { get; }

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The CLI container member this field may be nested in (e.g. "tlsConfig"), or null.</summary>
        public string? Container { get; private set; }

        /// <summary>The field's place in its schema (set by <see cref="DefinitionSchema"/>).</summary>
        internal int Index { get; set; } = -1;

        public FieldSpec In(string container)
        {
            Container = container;
            return this;
        }

        internal IEnumerable<string> AllNames()
        {
            yield return Name;
            foreach (var alias in Aliases) yield return alias;
        }

        public override string ToString() => Name;
    }

    /// <summary>The fields of one kind of definition (a REST integration, an HTTP/WebSocket integration, ...).</summary>
    public sealed class DefinitionSchema
    {
        private readonly Dictionary<string, FieldSpec> _byName = new Dictionary<string, FieldSpec>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<FieldSpec>> _containers = new Dictionary<string, List<FieldSpec>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);

        public DefinitionSchema(string description, params FieldSpec[] fields)
        {
            Description = description;
            Fields = fields;
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Index >= 0 && fields[i].Index != i)
                    throw new ArgumentException($"The field {fields[i].Name} belongs to another schema.", nameof(fields));
                fields[i].Index = i;
                _indexByName[fields[i].Name] = i;
            }
            foreach (var field in fields)
            {
                if (field.Container != null)
                {
                    if (!_containers.TryGetValue(field.Container, out var members)) _containers[field.Container] = members = new List<FieldSpec>();
                    members.Add(field);
                }
                foreach (var name in field.AllNames()) _byName[name] = field;
            }
        }

        /// <summary>What the definition is, for messages: "a REST API integration definition".</summary>
        public string Description { get; }

        public IReadOnlyList<FieldSpec> Fields { get; }

        public FieldSpec? Find(string key) => _byName.TryGetValue(key, out var field) ? field : null;

        /// <summary>The place of the field with this canonical name (any case), or -1.</summary>
        internal int IndexOf(string name) =>
            _indexByName.TryGetValue(name, out var index) ? index : Find(name)?.Index ?? -1;

        public IReadOnlyList<FieldSpec>? Container(string key) => _containers.TryGetValue(key, out var members) ? members : null;

        /// <summary>Every name a user may write (for "did you mean" suggestions).</summary>
        public IEnumerable<string> KnownNames()
        {
            foreach (var field in Fields)
                if (field.Kind != FieldKind.Ignored) yield return field.Name;
        }
    }
}
