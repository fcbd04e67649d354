using System.Reflection;
using System.Reflection.Emit;
using VideoAspire.Core.Jobs;

namespace VideoAspire.UnitTests.Architecture;

/// <summary>
/// Core's namespaces form layers (README, "Projects"): each may use only those before it in <see cref="Layers"/>.
/// Read from the compiled assembly: signatures (base types, fields, properties, parameters) and the types named in
/// method bodies, so a fully qualified name in code counts as much as a using line. The root namespace
/// (<c>BoundaryException</c>, the shared <c>Log</c>) sits beside the layers and is not checked.
/// </summary>
public sealed class CoreLayeringTests
{
    private const string Root = "VideoAspire.Core";

    private static readonly string[] Layers = ["Processes", "Video", "Aws", "Storage", "Lambda", "Jobs", "Metrics", "Setup"];

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static CoreLayeringTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            (value < 0x100 ? OneByte : TwoByte)[value & 0xFF] = code;
        }
    }

    [Fact]
    public void EveryCoreNamespace_IsALayer()
    {
        var unknown = CoreTypes().Select(t => Layer(t.Namespace)).Where(l => l is not null && !Layers.Contains(l)).Distinct();

        Assert.Empty(unknown);
    }

    [Fact]
    public void NoCoreNamespace_UsesALayerAboveIt()
    {
        var violations = CoreTypes()
            .Where(t => Layer(t.Namespace) is not null)
            .SelectMany(t => UsedTypes(t).Select(used => (User: t, Used: used)))
            .Where(p => Rank(p.Used.Namespace) > Rank(p.User.Namespace))
            .Select(p => $"{p.User.FullName} ({Layer(p.User.Namespace)}) uses {p.Used.FullName} ({Layer(p.Used.Namespace)})")
            .Distinct()
            .ToList();

        Assert.Empty(violations);
    }

    private static Type[] CoreTypes() => typeof(JobStore).Assembly.GetTypes();

    /// <summary>The first segment under VideoAspire.Core ("Video" for VideoAspire.Core.Video.Pipeline); null outside Core or at its root.</summary>
    private static string? Layer(string? ns) =>
        ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;

    private static int Rank(string? ns) => Layer(ns) is { } layer ? Array.IndexOf(Layers, layer) : -1;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> used = [.. type.GetInterfaces(), .. type.GetFields(all).Select(f => f.FieldType), .. type.GetProperties(all).Select(p => p.PropertyType)];
        if (type.BaseType is { } baseType)
        {
            used = used.Append(baseType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            used = used.Concat(method.GetParameters().Select(p => p.ParameterType)).Concat(BodyTypes(method));
            if (method is MethodInfo info)
            {
                used = used.Append(info.ReturnType);
            }
        }

        return used.SelectMany(Expand);
    }

    /// <summary>A type with its element and generic argument types (List&lt;Job&gt; uses Job).</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Expand(element))
            {
                yield return t;
            }
        }

        if (type.IsConstructedGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types a method body names through its field, method, type and token operands.</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? TwoByte[il[++position]] : OneByte[il[position]];
            position++;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                if (member is Type t)
                {
                    yield return t;
                }
                else if (member?.DeclaringType is { } declaring)
                {
                    yield return declaring;
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var argument in generic.GetGenericArguments())
                        {
                            yield return argument; // services.TryAddSingleton<PresignedUrls>() uses PresignedUrls
                        }
                    }
                }
            }

            position += OperandSize(code, il, position);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a generic member that needs its own context; its declaring type is named elsewhere too
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int position) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
