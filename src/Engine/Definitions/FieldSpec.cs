namespace IntegrationTools.Definitions
{
    /// <summary>How a definition field's value is read.</summary>
    internal enum FieldKind
    {
        String,
        Integer,
        Boolean,
        StringMap,
        StringList,
        MapOfStringMaps,
        /// <summary>Read-only members of output objects (e.g. IntegrationResponses, Outcome): accepted and ignored.</summary>
        Ignored,
    }

    /// <summary>What a field is to an integration.</summary>
    internal enum FieldRole
    {
        /// <summary>A member of the integration itself: sent to the service, and compared with what is deployed.</summary>
        Integration,
        /// <summary>Where the integration goes or what it belongs to (API id, resource, method, integration id, protocol): never in a request body.</summary>
        Target,
        /// <summary>A read-only member of output objects (Outcome, IntegrationResponses, ...): accepted on input and ignored.</summary>
        Echo,
        /// <summary>
        /// Not a member of the integration but of what points at it (the route keys of HTTP and WebSocket APIs): read, copied
        /// and exported like the integration's members, never in an integration request body; it drives the routes.
        /// </summary>
        Route,
    }

    /// <summary>What a service default may depend on: the resource (REST cache namespace) and the API's protocol and the deployed type (v2).</summary>
    internal sealed class FieldContext
    {
        public string? ResourceId { get; set; }

        public bool WebSocket { get; set; }

        /// <summary>The integration type of the definition (REST: a MOCK integration has no backend method to compare).</summary>
        public string? DefinedType { get; set; }

        /// <summary>The integration type of the deployed integration (v2: a Lambda proxy's method defaults to POST).</summary>
        public string? DeployedType { get; set; }
    }

    /// <summary>
    /// One field of a definition, declared once for its API family: its canonical name (the PowerShell parameter, the
    /// definition key and the output property name), the other names it may arrive under (the AWS CLI's member names,
    /// the module's own alias properties such as Path or Uri), how its value is read, its wire name (a path for members
    /// the service nests, e.g. tlsConfig/insecureSkipVerification; the REST patch path is "/" + the wire name), whether its
    /// values are enumerated (upper case, compared ignoring case), the default the service fills in when it is not given,
    /// and whether the drift comparison counts it. Reading, request bodies, patch operations and the comparison are derived
    /// from these declarations.
    /// </summary>
    internal sealed class FieldSpec
    {
        private Func<FieldContext, object?>? _default;
        private Func<FieldContext, bool>? _comparedWhen;

        public FieldSpec(string name, FieldKind kind, params string[] aliases)
        {
            Name = name;
            Kind = kind;
            Aliases = aliases;
            Role = kind == FieldKind.Ignored ? FieldRole.Echo : FieldRole.Integration;
        }

        public string Name { get; }

        public FieldKind Kind { get; }

        public IReadOnlyList<string> Aliases { get; }

        public FieldRole Role { get; private set; }

        /// <summary>The member name on the wire ("httpMethod"), a path for nested members ("tlsConfig/insecureSkipVerification"), or null.</summary>
        public string? Wire { get; private set; }

        /// <summary>The CLI container member this field may be nested in (e.g. "tlsConfig"), or null.</summary>
        public string? Container => Wire != null && Wire.IndexOf('/') > 0 ? Wire.Substring(0, Wire.IndexOf('/')) : null;

        /// <summary>The member under <see cref="Container"/> ("insecureSkipVerification"), or the wire name itself.</summary>
        public string? WireMember => Wire == null ? null : Wire.Substring(Wire.IndexOf('/') + 1);

        /// <summary>The JSON pointer of UpdateIntegration patch operations (REST APIs).</summary>
        public string? PatchPath => Wire == null ? null : "/" + Wire;

        /// <summary>Values from a fixed set (types, methods, behaviors): in the service's upper case, compared ignoring case.</summary>
        public bool Enumerated { get; private set; }

        /// <summary>Whether the drift comparison counts this field (integration members only).</summary>
        public bool Compared { get; private set; }

        /// <summary>Empty text is a value of its own (a selection pattern of ''), not "not given".</summary>
        public bool EmptyIsValue { get; private set; }

        /// <summary>An id the service assigns (a resource id, an integration id): it names an object of one API only.</summary>
        public bool AssignedByService { get; private set; }

        /// <summary>The field that names the same object in any API (ResourcePath for ResourceId), or null.</summary>
        public string? PortableName { get; private set; }

        /// <summary>The field's place in its schema (set by <see cref="DefinitionSchema"/>).</summary>
        internal int Index { get; set; } = -1;

        /// <summary>The default the service fills in when the field is not given, for <paramref name="context"/>; null when it has none.</summary>
        public object? DefaultIn(FieldContext context) => _default?.Invoke(context);

        /// <summary>Whether the comparison counts this field for a definition (e.g. a MOCK integration has no backend method).</summary>
        public bool ComparedIn(FieldContext context) => Compared && (_comparedWhen == null || _comparedWhen(context));

        /// <summary>An integration member sent as <paramref name="wire"/> and compared with what is deployed.</summary>
        public FieldSpec Sent(string wire)
        {
            Wire = wire;
            Compared = true;
            return this;
        }

        public FieldSpec AsTarget()
        {
            Role = FieldRole.Target;
            return this;
        }

        /// <summary>A field that names the routes pointed at the integration (see <see cref="FieldRole.Route"/>).</summary>
        public FieldSpec AsRoute()
        {
            Role = FieldRole.Route;
            return this;
        }

        /// <summary>
        /// An id the service assigns: an export leaves it out (it means nothing in another API), unless the field named
        /// <paramref name="portableName"/>, which names the same object in any API, has no value.
        /// </summary>
        public FieldSpec AssignedId(string? portableName = null)
        {
            AssignedByService = true;
            PortableName = portableName;
            return this;
        }

        public FieldSpec KeepsEmptyText()
        {
            EmptyIsValue = true;
            return this;
        }

        public FieldSpec Upper()
        {
            Enumerated = true;
            return this;
        }

        public FieldSpec Default(object value) => Default(_ => value);

        public FieldSpec Default(Func<FieldContext, object?> value)
        {
            _default = value;
            return this;
        }

        /// <summary>Compared only when <paramref name="condition"/> holds for the definition's context.</summary>
        public FieldSpec ComparedWhen(Func<FieldContext, bool> condition)
        {
            _comparedWhen = condition;
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
    internal sealed class DefinitionSchema
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
            KnownNames = fields.Where(f => f.Role != FieldRole.Echo).Select(f => f.Name).ToArray();
            KnownNameList = string.Join(", ", KnownNames);
        }

        /// <summary>What the definition is, for messages: "a REST API integration definition".</summary>
        public string Description { get; }

        public IReadOnlyList<FieldSpec> Fields { get; }

        /// <summary>The members of the integration itself (sent, compared), in declaration order.</summary>
        public IEnumerable<FieldSpec> IntegrationFields => Fields.Where(f => f.Role == FieldRole.Integration);

        public FieldSpec? Find(string key) => _byName.TryGetValue(key, out var field) ? field : null;

        /// <summary>The field with this canonical name; an unknown name is a programming error.</summary>
        public FieldSpec this[string name] => Find(name) ?? throw new ArgumentException($"{Description} has no field {name}.", nameof(name));

        /// <summary>The place of the field with this canonical name (any case), or -1.</summary>
        internal int IndexOf(string name) =>
            _indexByName.TryGetValue(name, out var index) ? index : Find(name)?.Index ?? -1;

        /// <summary>Every key this schema reads: field names, aliases and containers.</summary>
        internal IEnumerable<string> Keys => _byName.Keys.Concat(_containers.Keys);

        public IReadOnlyList<FieldSpec>? Container(string key) => _containers.TryGetValue(key, out var members) ? members : null;

        /// <summary>
        /// The text of the field <paramref name="name"/> in plain data (under its name or an alias, any case), or null.
        /// </summary>
        public string? TextIn(System.Collections.IDictionary definition, string name)
        {
            foreach (System.Collections.DictionaryEntry entry in definition)
                if (Names(entry.Key, name) && entry.Value != null)
                    return Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }

        /// <summary>Removes the field <paramref name="name"/> from plain data, under whichever of its names it was given.</summary>
        public void RemoveFrom(System.Collections.IDictionary definition, string name)
        {
            var keys = new List<object>();
            foreach (System.Collections.DictionaryEntry entry in definition)
                if (Names(entry.Key, name)) keys.Add(entry.Key);
            foreach (var key in keys) definition.Remove(key);
        }

        /// <summary>Sets the field <paramref name="name"/> in plain data, replacing it under any of its names.</summary>
        public void SetIn(System.Collections.IDictionary definition, string name, object? value)
        {
            RemoveFrom(definition, name);
            definition[name] = value;
        }

        /// <summary>Whether a key names the field <paramref name="name"/>: the field itself or one of its aliases, in any case.</summary>
        private bool Names(object key, string name)
        {
            var text = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return string.Equals(text, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Find(text)?.Name, name, StringComparison.Ordinal);
        }

        /// <summary>Every name a user may write (for "did you mean" suggestions).</summary>
        public IReadOnlyList<string> KnownNames { get; }

        /// <summary>The <see cref="KnownNames"/> as one line: "RestApiId, ResourceId, ...".</summary>
        public string KnownNameList { get; }
    }
}
