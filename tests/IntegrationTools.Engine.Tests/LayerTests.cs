using System.Reflection;
using System.Reflection.Emit;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests;

/// <summary>
/// The engine's namespaces are layers, and each names only the layers below it: reflection over every type of the
/// engine assembly (base types, interfaces, fields, properties, method and constructor signatures, and the types,
/// methods and fields that method bodies name in their IL, lambdas and iterators included) grouped by namespace.
/// </summary>
public sealed class LayerTests
{
    /// <summary>Top to bottom: a namespace may use those after it, never those before it.</summary>
    private static readonly string[] Layers =
    {
        "IntegrationTools.Validation",  // the rule catalog run over a definition, offline or against the account (-Live)
        "IntegrationTools.Operations",  // reads, plans and sends: checks definitions with the rules before anything goes out
        "IntegrationTools.Rules",       // one class a rule, the catalog and its examples
        "IntegrationTools.Definitions", // what users pipe in: reading, field tables, export; the findings of reading
        "IntegrationTools.Wire",        // signed requests, retries, pacing, the errors of the service
        "IntegrationTools.Session",     // region, credentials and endpoint resolution
        "IntegrationTools.Models",      // the objects the cmdlets write
        "IntegrationTools.Text",        // display text and closest-name suggestions
    };

    private static readonly Assembly Engine = typeof(RestIntegration).Assembly;

    [Fact]
    public void Every_namespace_of_the_engine_is_a_declared_layer()
    {
        var namespaces = Engine.GetTypes().Select(t => t.Namespace).Where(IsOurs).Distinct().Order();
        Assert.Equal(Layers.Order(), namespaces);
    }

    [Fact]
    public void Each_layer_names_only_the_layers_below_it()
    {
        var upward = NamespaceReferences()
            .Where(r => Array.IndexOf(Layers, r.From.Namespace) >= Array.IndexOf(Layers, r.To.Namespace))
            .Select(r => $"{r.From.Namespace} -> {r.To.Namespace}: {Name(r.From)} names {Name(r.To)} ({r.Via})")
            .Distinct()
            .Order()
            .ToList();
        Assert.True(upward.Count == 0, "References against the layer order:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_namespace_graph_has_no_cycle()
    {
        var edges = NamespaceReferences().Select(r => (From: r.From.Namespace!, To: r.To.Namespace!)).Distinct()
            .ToLookup(e => e.From, e => e.To);
        var state = new Dictionary<string, int>();
        var path = new Stack<string>();
        string? Cycle(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in edges[node])
            {
                if (state.TryGetValue(next, out var s) && s == 1)
                {
                    return string.Join(" -> ", path.Reverse().SkipWhile(n => n != next).Append(next));
                }
                if (!state.ContainsKey(next) && Cycle(next) is { } found)
                {
                    return found;
                }
            }
            path.Pop();
            state[node] = 2;
            return null;
        }
        foreach (var node in edges.Select(g => g.Key).Order())
        {
            if (!state.ContainsKey(node) && Cycle(node) is { } cycle)
            {
                Assert.Fail("A cycle of namespaces: " + cycle);
            }
        }
    }

    [Fact]
    public void The_reference_walk_sees_signatures_and_method_bodies()
    {
        // The walk itself can fail silently (finding nothing passes both tests above): known references are found.
        var references = NamespaceReferences().ToList();
        Assert.Contains(references, r => r.From.Namespace == "IntegrationTools.Operations" && r.To.Namespace == "IntegrationTools.Wire" && r.Via.StartsWith("signature"));
        Assert.Contains(references, r => r.From.Namespace == "IntegrationTools.Rules" && r.To.Namespace == "IntegrationTools.Definitions" && r.Via.StartsWith("body"));
        Assert.Contains(references, r => r.From.Name.StartsWith("<") && r.Via.StartsWith("body"));
    }

    private static string Name(Type type) => type.FullName ?? type.Name;

    /// <summary>Every reference from an engine type to an engine type of another namespace.</summary>
    private static IEnumerable<(Type From, Type To, string Via)> NamespaceReferences() =>
        Engine.GetTypes()
            .Where(t => IsOurs(t.Namespace))
            .SelectMany(t => References(t).Select(r => (From: t, r.To, r.Via)))
            .Where(r => IsOurs(r.To.Namespace) && r.To.Namespace != r.From.Namespace);

    /// <summary>The project's namespaces (the compiler also embeds attributes of its own, such as NullableAttribute).</summary>
    private static bool IsOurs(string? ns) => ns != null && ns.StartsWith("IntegrationTools.", StringComparison.Ordinal);

    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static IEnumerable<(Type To, string Via)> References(Type type)
    {
        var named = new List<(Type, string)>();
        void Add(Type? t, string via)
        {
            foreach (var engineType in EngineTypesIn(t))
            {
                named.Add((engineType, via));
            }
        }

        Add(type.BaseType, "signature: base type");
        foreach (var i in type.GetInterfaces())
        {
            Add(i, "signature: interface");
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, "signature: field " + field.Name);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, "signature: property " + property.Name);
        }
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var method in methods)
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, "signature: return of " + method.Name);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, "signature: parameter of " + method.Name);
            }
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? (IList<LocalVariableInfo>)Array.Empty<LocalVariableInfo>())
            {
                Add(local.LocalType, "body: local of " + method.Name);
            }
            foreach (var member in MembersNamedInIl(method))
            {
                switch (member)
                {
                    case Type t:
                        Add(t, "body: type in " + method.Name);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType, "body: call in " + method.Name);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType, "body: call in " + method.Name);
                            foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : Type.EmptyTypes)
                            {
                                Add(g, "body: call in " + method.Name);
                            }
                        }
                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType, "body: field in " + method.Name);
                        Add(f.FieldType, "body: field in " + method.Name);
                        break;
                }
            }
        }
        return named;
    }

    /// <summary>The engine types in a type: itself, its element type and its generic arguments.</summary>
    private static IEnumerable<Type> EngineTypesIn(Type? type)
    {
        if (type == null || type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var t in EngineTypesIn(type.GetElementType()))
            {
                yield return t;
            }
            yield break;
        }
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(EngineTypesIn))
            {
                yield return t;
            }
            type = type.GetGenericTypeDefinition();
        }
        if (type.Assembly == Engine)
        {
            yield return type;
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types, methods and fields that the IL of a method body names (the tokens of its instructions).</summary>
    private static IEnumerable<MemberInfo> MembersNamedInIl(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il == null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    yield return method.Module.ResolveMember(token, typeArguments, methodArguments)!;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + 4 * count;
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
