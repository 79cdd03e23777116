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
    public static TheoryData<string> WireTypes => WireSamples.TypeNames();

    [Fact]
    public void Both_kernels_have_wire_types_to_compare()
    {
        Assert.Contains(WireSamples.TypesOf(WireSamples.Kernels[0]), t => t.Name == "SaleRequest");
        Assert.Contains(WireSamples.TypesOf(WireSamples.Kernels[1]), t => t.Name == "TransactionRequest");
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_wire_type_with_every_property_set_is_written_as_the_serializer_writes_it(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var value = WireSamples.Filled(type);

        Assert.Equal(Serialized(value, kernel), Written((IWireObject)value, kernel));
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_wire_type_with_no_property_set_is_written_as_the_serializer_writes_it(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var value = Activator.CreateInstance(type)!;

        Assert.Equal(Serialized(value, kernel), Written((IWireObject)value, kernel));
    }

    [Fact]
    public void A_thread_writes_one_body_after_another_each_whole()
    {
        var small = new W.SaleAmount { OrderAmount = 1, PriceCurrency = "USD" };
        var large = (W.SaleRequest)WireSamples.Filled(typeof(W.SaleRequest));

        var first = WireJsonWriter.ToUtf8Bytes(large, SunbayWireJsonContext.Default.Options);
        var second = WireJsonWriter.ToUtf8Bytes(small, SunbayWireJsonContext.Default.Options);

        Assert.Equal(Serialized(large, SunbayWireJsonContext.Default), Encoding.UTF8.GetString(first));
        Assert.Equal("""{"orderAmount":1,"priceCurrency":"USD"}""", Encoding.UTF8.GetString(second));
    }

    private static string Written(IWireObject value, JsonSerializerContext kernel) =>
        Encoding.UTF8.GetString(WireJsonWriter.ToUtf8Bytes(value, kernel.Options));

    private static string Serialized(object value, JsonSerializerContext kernel) =>
        JsonSerializer.Serialize(value, kernel.GetTypeInfo(value.GetType())!);
}
