using System.Collections;
using System.Collections.ObjectModel;
using System.Reflection;
using System.Text.Json.Serialization;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.WireKernel;

/// <summary>The generated wire types of both kernels, and instances of them with every property set.</summary>
internal static class WireSamples
{
    public static readonly JsonSerializerContext[] Kernels =
    [
        SunbayWireJsonContext.Default,
        (JsonSerializerContext)Type.GetType("Sunbay.Client.CmCom.Wire.CmComWireJsonContext, Sunbay.Client.CmCom", throwOnError: true)!
            .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
    ];

    /// <summary>The full name of every wire type of every kernel, for a theory.</summary>
    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var kernel in Kernels)
        {
            foreach (var type in TypesOf(kernel))
            {
                data.Add(type.FullName!);
            }
        }

        return data;
    }

    public static IEnumerable<Type> TypesOf(JsonSerializerContext kernel) =>
        kernel.GetType().Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IWireObject).IsAssignableFrom(t) && t.Namespace == kernel.GetType().Namespace)
            .Where(t => kernel.GetTypeInfo(t) is not null);

    public static (Type Type, JsonSerializerContext Kernel) Find(string typeName)
    {
        foreach (var kernel in Kernels)
        {
            if (TypesOf(kernel).FirstOrDefault(t => t.FullName == typeName) is { } type)
            {
                return (type, kernel);
            }
        }

        throw new InvalidOperationException(typeName);
    }

    /// <summary>
    /// An instance with every property set to a value of its type (a list type holds items), nested objects filled two
    /// levels deep.
    /// </summary>
    public static object Filled(Type type, int depth = 0)
    {
        var value = Activator.CreateInstance(type)!;
        if (ItemOf(type) is { } item && value is IList items)
        {
            items.Add(Sample(item, "item", depth));
            items.Add(null);
            items.Add(Sample(item, "item2", depth));
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            property.SetValue(value, Sample(property.PropertyType, property.Name, depth));
        }

        return value;
    }

    private static Type? ItemOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Collection<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static object? Sample(Type type, string name, int depth)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
        {
            // The encoder's escapes (quotes, HTML characters, non-ASCII, a control character) must come out the same.
            return $"{name} \"<é&'>\u0001\u2028 ✓";
        }

        if (plain == typeof(long))
        {
            return -9_007_199_254_740_993L;
        }

        if (plain == typeof(int))
        {
            return 42;
        }

        if (plain == typeof(bool))
        {
            return true;
        }

        if (plain == typeof(decimal))
        {
            return 98.750m;
        }

        if (plain == typeof(double))
        {
            return 15.5;
        }

        if (type == typeof(IDictionary<string, object>))
        {
            return new Dictionary<string, object> { ["future"] = "x", ["other \"<é>"] = "y" };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ICollection<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Sample(item, name, depth));
            if (!item.IsValueType)
            {
                list.Add(null);
            }

            list.Add(Sample(item, name + "2", depth));
            return list;
        }

        if (typeof(IWireObject).IsAssignableFrom(type))
        {
            return depth < 2 ? Filled(type, depth + 1) : Activator.CreateInstance(type);
        }

        throw new InvalidOperationException($"No sample value for {type} ({name}): add one, and check the template writes and reads it.");
    }
}
