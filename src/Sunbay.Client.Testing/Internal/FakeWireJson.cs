using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// The one set of JSON options of the fake: source-generated metadata, nulls omitted, strict numbers, and every
/// property the spec marks required (a <c>[Required]</c> or a non-nullable value type in the generated DTO) must be
/// present in a request body, so a missing <c>orderAmount</c> is a C17 instead of a silent 0.
/// </summary>
internal static class FakeWireJson
{
    private static readonly ConcurrentDictionary<Type, HashSet<string>> RequiredNames = new();

    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = SunbayWireJsonContext.Default.WithAddedModifier(MarkRequired),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly();
        return options;
    }

    private static void MarkRequired(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(SaleRequest).Namespace)
        {
            return;
        }

        var required = RequiredNames.GetOrAdd(info.Type, Describe);
        foreach (var property in info.Properties)
        {
            if (required.Contains(property.Name))
            {
                property.IsRequired = true;
            }
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Wire types are rooted by the source-generated JSON context.")]
    private static HashSet<string> Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null
                || (p.PropertyType.IsValueType && Nullable.GetUnderlyingType(p.PropertyType) is null))
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name)
            .ToHashSet(StringComparer.Ordinal);
}
