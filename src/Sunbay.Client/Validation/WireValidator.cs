using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Validation;

/// <summary>
/// Checks a wire request against the constraints the OpenAPI spec declares (required, lengths, patterns, ranges, item
/// counts), which NSwag turns into DataAnnotations on the generated types. The spec is the one place where these rules
/// are written; this class only reads them. Rules the spec cannot express live in <see cref="RequestRules"/>.
/// </summary>
internal static class WireValidator
{
    private static readonly ConcurrentDictionary<Type, PropertyRule[]> Cache = new();

    /// <summary>Throws <see cref="SunbayValidationException"/> for the first broken rule of <paramref name="request"/>.</summary>
    public static void Validate(object request) => Validate(request, prefix: null);

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Wire types are rooted by the source-generated JSON context.")]
    private static void Validate(object instance, string? prefix)
    {
        foreach (var rule in Cache.GetOrAdd(instance.GetType(), Describe))
        {
            if (rule.Attributes.Length == 0 && !rule.MayNest)
            {
                continue;
            }

            var value = rule.Property.GetValue(instance);
            foreach (var attribute in rule.Attributes)
            {
                if (Broken(attribute, value) is { } problem)
                {
                    throw new SunbayValidationException(Path(prefix, rule.WireName), problem);
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
                        if (item is not null)
                        {
                            Validate(item, $"{Path(prefix, rule.WireName)}[{index}]");
                        }

                        index++;
                    }

                    break;
                case var nested when IsWireType(nested.GetType()):
                    Validate(nested, Path(prefix, rule.WireName));
                    break;
            }
        }
    }

    /// <summary>
    /// Checks a lone value (a query parameter) against the rules the spec gives a field of a wire type, for the
    /// parameters that share a schema with a body field.
    /// </summary>
    public static void ValidateValue(Type wireType, string propertyName, object? value)
    {
        var rule = Cache.GetOrAdd(wireType, Describe).Single(r => r.Property.Name == propertyName);
        foreach (var attribute in rule.Attributes)
        {
            if (Broken(attribute, value) is { } problem)
            {
                throw new SunbayValidationException(rule.WireName, problem);
            }
        }
    }

    private static string Path(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";

    private static string? Broken(ValidationAttribute attribute, object? value) => attribute switch
    {
        RequiredAttribute when value is null || (value is string s && string.IsNullOrWhiteSpace(s)) => "is required",
        StringLengthAttribute length when value is string s && (s.Length > length.MaximumLength || s.Length < length.MinimumLength) =>
            length.MinimumLength > 0
                ? string.Create(CultureInfo.InvariantCulture, $"must be {length.MinimumLength} to {length.MaximumLength} characters long (was {s.Length})")
                : string.Create(CultureInfo.InvariantCulture, $"must be at most {length.MaximumLength} characters long (was {s.Length})"),
        RegularExpressionAttribute regex when value is string s && s.Length > 0 && !regex.IsValid(s) => $"must match {regex.Pattern}",
        RangeAttribute range when value is not null && !range.IsValid(value) =>
            string.Create(CultureInfo.InvariantCulture, $"must be at least {range.Minimum}{(Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture) >= long.MaxValue ? string.Empty : $" and at most {range.Maximum}")} (was {value})"),
        MinLengthAttribute min when value is ICollection c && c.Count < min.Length => string.Create(CultureInfo.InvariantCulture, $"must have at least {min.Length} item(s)"),
        MaxLengthAttribute max when value is ICollection c && c.Count > max.Length => string.Create(CultureInfo.InvariantCulture, $"must have at most {max.Length} item(s) (had {c.Count})"),
        _ => null,
    };

    private static readonly string WireNamespace = typeof(Wire.SunbayWireJson).Namespace!;

    private static bool IsWireType(Type? type) => type is { IsClass: true } && type.Namespace == WireNamespace;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Wire types are rooted by the source-generated JSON context.")]
    private static PropertyRule[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .Select(p => new PropertyRule(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name,
                [.. p.GetCustomAttributes<ValidationAttribute>().OrderBy(a => a is RequiredAttribute ? 0 : 1)],
                p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : null,
                IsWireType(p.PropertyType) || (p.PropertyType.IsGenericType && IsWireType(p.PropertyType.GetGenericArguments()[0]))))
            .ToArray();

    // MayNest: the property holds a wire object or a list of them, which are checked in turn.
    private sealed record PropertyRule(PropertyInfo Property, string WireName, ValidationAttribute[] Attributes, Type? ItemType, bool MayNest);
}
