using System.Reflection;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>
/// Every value SUNBAY sends that can grow follows one pattern: a readonly struct over its wire string, created from a
/// string (normalised), compared by value, known values as static properties, an unknown value kept as received.
/// Checked by reflection over the whole public API, so that a new one cannot drift from it.
/// </summary>
public sealed class ExtensibleValueTests
{
    private static readonly Type[] Expected =
        [typeof(AuthenticationMethod), typeof(BatchStatus), typeof(EntryMode), typeof(RelatedTransactionStatus), typeof(TransactionStatus), typeof(TransactionType)];

    public static TheoryData<Type> Values => [.. Expected];

    [Fact]
    public void The_extensible_values_are_the_expected_ones()
    {
        var found = typeof(SunbayClient).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.GetProperty("Value")?.PropertyType == typeof(string) && t.GetProperty("IsKnown") is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

        Assert.Equal(Expected, found);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Each_follows_the_one_pattern(Type type)
    {
        Assert.True(type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)), $"{type.Name} is a readonly struct");
        Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type));
        Assert.NotNull(type.GetConstructor([typeof(string)]));
        Assert.Contains(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == "op_Implicit" && m.ReturnType == type && m.GetParameters().Single().ParameterType == typeof(string));
        Assert.NotNull(type.GetMethod("op_Equality", [type, type]));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_known_value_is_known_and_made_again_from_its_wire_value(Type type)
    {
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).ToList();

        Assert.NotEmpty(known);
        foreach (var property in known)
        {
            var value = property.GetValue(null)!;
            var wire = (string)type.GetProperty("Value")!.GetValue(value)!;
            Assert.True((bool)type.GetProperty("IsKnown")!.GetValue(value)!, $"{type.Name}.{property.Name}");
            Assert.Equal(value, Create(type, wire));
            Assert.Equal(value, Create(type, $"  {wire.ToLowerInvariant()} "));
        }

        Assert.Equal(known.Count, known.Select(p => p.GetValue(null)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void An_unknown_value_is_kept_as_received_and_never_throws(Type type)
    {
        var unknown = Create(type, "Something_New");

        Assert.False((bool)type.GetProperty("IsKnown")!.GetValue(unknown)!);
        Assert.Equal("SOMETHING_NEW", type.GetProperty("Value")!.GetValue(unknown));
        Assert.Equal("SOMETHING_NEW", unknown.ToString());
        Assert.Equal(Create(type, "something_new"), unknown);
        Assert.Equal(Activator.CreateInstance(type), Create(type, " "));
        Assert.Equal(string.Empty, type.GetProperty("Value")!.GetValue(Activator.CreateInstance(type)));
    }

    [Fact]
    public void A_value_reads_as_a_string_and_compares_with_the_known_ones()
    {
        EntryMode tapped = "contactless";
        RelatedTransactionStatus related = "PART_REFUNDED";

        Assert.Equal(EntryMode.Contactless, tapped);
        Assert.True(related == RelatedTransactionStatus.PartiallyRefunded);
        Assert.NotEqual(RelatedTransactionStatus.Refunded, related);
        Assert.Equal("Open", BatchStatus.Open.ToString());
        Assert.Equal("U", BatchStatus.Open.Value);
        Assert.Equal("BY_PASS", AuthenticationMethod.PinBypass.ToString());
    }

    private static object Create(Type type, string value) => Activator.CreateInstance(type, value)!;
}
