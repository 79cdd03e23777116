using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Testing.Wire;

/// <summary>
/// Checks a parsed request body against the DataAnnotations NSwag generated from the spec (required, lengths, patterns,
/// ranges, item counts), recursively through sub-objects and arrays. Returns the first problem as "field: rule".
/// </summary>
internal static class FakeValidator
{
    private static readonly ConcurrentDictionary<Type, Rule[]> Cache = new();

    public static string? Validate(object instance, string? prefix = null)
    {
        // Stricter than SUNBAY may be, on purpose: a field the spec does not name is a misspelt one, and the fake is
        // where an integration should find out.
        if (instance.GetType().GetProperty("AdditionalProperties")?.GetValue(instance) is IDictionary<string, object> { Count: > 0 } unknown)
        {
            return $"{(prefix is null ? string.Empty : prefix + ".")}{unknown.Keys.First()} is not a field of this request in the SUNBAY API";
        }

        foreach (var rule in Cache.GetOrAdd(instance.GetType(), Describe))
        {
            var value = rule.Property.GetValue(instance);
            var field = prefix is null ? rule.WireName : $"{prefix}.{rule.WireName}";
            foreach (var attribute in rule.Attributes)
            {
                if (Broken(attribute, value) is { } problem)
                {
                    return $"{field} {problem}";
                }
            }

            switch (value)
            {
                case null or string:
                    break;
                case IEnumerable items when IsWireType(rule.ItemType):
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            return $"{field}[{index}] must not be null";
                        }

                        if (Validate(item, $"{field}[{index}]") is { } nested)
                        {
                            return nested;
                        }

                        index++;
                    }

                    break;
                case IEnumerable items when rule.ItemType is not null:
                    var position = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            return $"{field}[{position}] must not be null";
                        }

                        position++;
                    }

                    break;
                case var nested when IsWireType(nested.GetType()):
                    if (Validate(nested, field) is { } problem)
                    {
                        return problem;
                    }

                    break;
            }
        }

        return null;
    }

    private static string? Broken(ValidationAttribute attribute, object? value) => attribute switch
    {
        RequiredAttribute required when value is null || (!required.AllowEmptyStrings && value is string s && string.IsNullOrWhiteSpace(s)) => "is required",
        StringLengthAttribute length when value is string s && (s.Length > length.MaximumLength || s.Length < length.MinimumLength) =>
            string.Create(CultureInfo.InvariantCulture, $"must be {length.MinimumLength} to {length.MaximumLength} characters long (was {s.Length})"),
        RegularExpressionAttribute regex when value is string s && !regex.IsValid(s) => $"must match {regex.Pattern}",
        RangeAttribute range when value is not null && !range.IsValid(value) =>
            string.Create(CultureInfo.InvariantCulture, $"must be at least {range.Minimum} (was {value})"),
        MinLengthAttribute min when value is ICollection c && c.Count < min.Length => string.Create(CultureInfo.InvariantCulture, $"must have at least {min.Length} item(s) (had {c.Count})"),
        MaxLengthAttribute max when value is ICollection c && c.Count > max.Length => string.Create(CultureInfo.InvariantCulture, $"must have at most {max.Length} item(s) (had {c.Count})"),
        _ => null,
    };

    private static bool IsWireType(Type? type) => type is { IsClass: true } && type != typeof(string) && type.Namespace == typeof(SaleRequest).Namespace;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Wire types are rooted by the source-generated JSON context.")]
    private static Rule[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .Select(p => new Rule(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name,
                [.. p.GetCustomAttributes<ValidationAttribute>().OrderBy(a => a is RequiredAttribute ? 0 : 1)],
                p.PropertyType.IsGenericType && p.PropertyType != typeof(string) ? p.PropertyType.GetGenericArguments()[0] : null))
            .ToArray();

    private sealed record Rule(PropertyInfo Property, string WireName, ValidationAttribute[] Attributes, Type? ItemType);
}
