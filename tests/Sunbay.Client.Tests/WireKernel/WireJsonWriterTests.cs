using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sunbay.Client.Wire;
using W = Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.WireKernel;

/// <summary>
/// Every generated wire type of every kernel writes itself (<see cref="IWireObject.WriteJson"/>) byte for byte as the
/// serializer writes it with that kernel's JSON context: every property set (nested objects, lists with a null item,
/// text the encoder escapes, fields the spec does not name), and none set. A property the template writes wrongly, out
/// of order or not at all fails here for the type that has it.
/// </summary>
public sealed class WireJsonWriterTests
{
    private static readonly JsonSerializerContext[] Kernels =
    [
        SunbayWireJsonContext.Default,
        (JsonSerializerContext)Type.GetType("Sunbay.Client.CmCom.Wire.CmComWireJsonContext, Sunbay.Client.CmCom", throwOnError: true)!
            .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
    ];

    public static TheoryData<string> WireTypes
    {
        get
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
    }

    [Fact]
    public void Both_kernels_have_wire_types_to_compare()
    {
        Assert.Contains(TypesOf(Kernels[0]), t => t.Name == "SaleRequest");
        Assert.Contains(TypesOf(Kernels[1]), t => t.Name == "TransactionRequest");
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_wire_type_with_every_property_set_is_written_as_the_serializer_writes_it(string typeName)
    {
        var (type, kernel) = Find(typeName);
        var value = Filled(type, depth: 0);

        Assert.Equal(Serialized(value, kernel), Written((IWireObject)value, kernel));
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_wire_type_with_no_property_set_is_written_as_the_serializer_writes_it(string typeName)
    {
        var (type, kernel) = Find(typeName);
        var value = Activator.CreateInstance(type)!;

        Assert.Equal(Serialized(value, kernel), Written((IWireObject)value, kernel));
    }

    [Fact]
    public void A_thread_writes_one_body_after_another_each_whole()
    {
        var small = new W.SaleAmount { OrderAmount = 1, PriceCurrency = "USD" };
        var large = (W.SaleRequest)Filled(typeof(W.SaleRequest), depth: 0);

        var first = WireJsonWriter.ToUtf8Bytes(large, SunbayWireJsonContext.Default.Options);
        var second = WireJsonWriter.ToUtf8Bytes(small, SunbayWireJsonContext.Default.Options);

        Assert.Equal(Serialized(large, SunbayWireJsonContext.Default), Encoding.UTF8.GetString(first));
        Assert.Equal("""{"orderAmount":1,"priceCurrency":"USD"}""", Encoding.UTF8.GetString(second));
    }

    private static string Written(IWireObject value, JsonSerializerContext kernel) =>
        Encoding.UTF8.GetString(WireJsonWriter.ToUtf8Bytes(value, kernel.Options));

    private static string Serialized(object value, JsonSerializerContext kernel) =>
        JsonSerializer.Serialize(value, kernel.GetTypeInfo(value.GetType())!);

    private static IEnumerable<Type> TypesOf(JsonSerializerContext kernel) =>
        kernel.GetType().Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IWireObject).IsAssignableFrom(t) && t.Namespace == kernel.GetType().Namespace)
            .Where(t => kernel.GetTypeInfo(t) is not null);

    private static (Type Type, JsonSerializerContext Kernel) Find(string typeName)
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

    /// <summary>An instance with every property set to a value of its type, nested objects filled two levels deep.</summary>
    private static object Filled(Type type, int depth)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(value, Sample(property.PropertyType, property.Name, depth));
        }

        return value;
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

        throw new InvalidOperationException($"No sample value for {type} ({name}): add one, and check the template writes it.");
    }
}
