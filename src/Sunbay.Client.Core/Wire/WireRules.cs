using System.Globalization;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Wire;

/// <summary>
/// The spec's constraints, called by the generated <see cref="IWireObject.Validate"/> of every wire type of every
/// provider's kernel. Each returns the problem or <see langword="null"/>; the field's path is only built when a rule is
/// broken.
/// </summary>
internal static class WireRules
{
    public static WireProblem? Required(string? value, string? path, string name) =>
        string.IsNullOrWhiteSpace(value) ? new(Join(path, name), "is required") : null;

    public static WireProblem? Required(object? value, string? path, string name) =>
        value is null ? new(Join(path, name), "is required") : null;

    public static WireProblem? Required<T>(T? value, string? path, string name)
        where T : struct =>
        value is null ? new(Join(path, name), "is required") : null;

    /// <summary>A value type that is not nullable is always present.</summary>
    public static WireProblem? Required(long value, string? path, string name) => null;

    public static WireProblem? Length(string? value, string? path, string name, int min, int max) =>
        value is null || (value.Length >= min && value.Length <= max) ? null
        : new(Join(path, name), min > 0
            ? string.Create(CultureInfo.InvariantCulture, $"must be {min} to {max} characters long (was {value.Length})")
            : string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters long (was {value.Length})"));

    /// <summary>
    /// A spec's pattern as .NET must read it: JSON Schema's <c>$</c> (ECMA-262) matches at the very end, .NET's also before
    /// a final newline, so <c>^[a-z]+$</c> would accept <c>"abc\n"</c>. A <c>$</c> that ends the pattern (not escaped)
    /// becomes <c>\z</c>. Called by the generated pattern fields (openapi/templates/Class.Body.liquid); not a rule of its
    /// own (internal: the rule families are this class's public methods), and messages still quote the spec's pattern.
    /// </summary>
    internal static string SpecPattern(string pattern)
    {
        if (!pattern.EndsWith('$'))
        {
            return pattern;
        }

        // An odd number of backslashes before the '$' escapes it: a literal dollar, not an anchor.
        var backslashes = 0;
        for (var i = pattern.Length - 2; i >= 0 && pattern[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? pattern : string.Concat(pattern.AsSpan(0, pattern.Length - 1), "\\z");
    }

    public static WireProblem? Pattern(string? value, string? path, string name, Regex pattern) =>
        string.IsNullOrEmpty(value) || pattern.IsMatch(value) ? null : new(Join(path, name), $"must match {SpecText(pattern)}");

    /// <summary>The pattern as the spec writes it (<see cref="SpecPattern"/> undone), for a message.</summary>
    private static string SpecText(Regex pattern)
    {
        var text = pattern.ToString();
        return text.EndsWith("\\z", StringComparison.Ordinal) ? string.Concat(text.AsSpan(0, text.Length - 2), "$") : text;
    }

    /// <summary>A string enum of the spec (generated as constants, openapi/templates/Enum.liquid): one of its values.</summary>
    public static WireProblem? OneOf(string? value, string? path, string name, Func<string, bool> isDefined, string values) =>
        value is null || isDefined(value) ? null : new(Join(path, name), $"must be one of {values} (was '{value}')");

    public static WireProblem? Range(long? value, string? path, string name, long min, long max) =>
        value is not { } v || (v >= min && v <= max) ? null
        : new(Join(path, name), string.Create(CultureInfo.InvariantCulture, $"must be at least {min}{(max == long.MaxValue ? string.Empty : $" and at most {max}")} (was {v})"));

    public static WireProblem? Range(double? value, string? path, string name, double min, double max) =>
        value is not { } v || (v >= min && v <= max) ? null
        : new(Join(path, name), string.Create(CultureInfo.InvariantCulture, $"must be at least {min} and at most {max} (was {v})"));

    /// <summary>A decimal amount (CM.com's major units); the spec's bounds arrive as <see cref="double"/> literals.</summary>
    public static WireProblem? Range(decimal? value, string? path, string name, double min, double max) =>
        value is not { } v || (v >= (decimal)min && v <= (decimal)max) ? null
        : new(Join(path, name), string.Create(CultureInfo.InvariantCulture, $"must be at least {(decimal)min} and at most {(decimal)max} (was {v})"));

    public static WireProblem? MinItems<T>(ICollection<T>? items, string? path, string name, int min) =>
        items is null || items.Count >= min ? null
        : new(Join(path, name), string.Create(CultureInfo.InvariantCulture, $"must have at least {min} item(s) (had {items.Count})"));

    public static WireProblem? MaxItems<T>(ICollection<T>? items, string? path, string name, int max) =>
        items is null || items.Count <= max ? null
        : new(Join(path, name), string.Create(CultureInfo.InvariantCulture, $"must have at most {max} item(s) (had {items.Count})"));

    /// <summary>A field the spec does not name (kept by the type's <c>AdditionalProperties</c>).</summary>
    public static WireProblem? Unknown(IDictionary<string, object>? extra, string? path) =>
        extra is { Count: > 0 } ? new(Join(path, extra.Keys.First()), "is not a field of this request in the API") : null;

    /// <summary>A nested wire object checks its own rules, under this field's path.</summary>
    public static WireProblem? Nested(IWireObject? value, string? path, string name) => value?.Validate(Join(path, name));

    /// <summary>Every item of a list of wire objects is present and checks its own rules.</summary>
    public static WireProblem? Nested<T>(ICollection<T>? items, string? path, string name)
        where T : class, IWireObject
    {
        if (items is null)
        {
            return null;
        }

        var index = 0;
        foreach (var item in items)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{Join(path, name)}[{index++}]");
            if ((item is null ? new WireProblem(at, "must not be null") : item.Validate(at)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>A list of plain values: each item must be present.</summary>
    public static WireProblem? Nested(ICollection<string>? items, string? path, string name) =>
        items?.Contains(null!) == true ? new(Join(path, name), "must not contain null") : null;

    /// <summary>A list of numbers has no rule of its own.</summary>
    public static WireProblem? Nested(ICollection<double>? items, string? path, string name) => null;

    private static string Join(string? path, string name) => path is null ? name : $"{path}.{name}";
}
