using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Wire;

/// <summary>
/// Source-generated JSON metadata of the wire: the types of every operation are listed by the generated half
/// (openapi/templates/Client.Class.liquid), with every type they hold; this half sets the one set of options.
/// Omitted, not null: SUNBAY validates present fields, and its SDKs never send nulls. Amounts may arrive as 1000, "1000"
/// or 10.00 (decision f); a number where a string is expected is read as its text (<see cref="LenientStringConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(MinorUnitsConverter), typeof(LenientStringConverter)])]
// No [JsonSerializable] here: the generator runs once per declaration that has one, and the generated half lists them all.
internal sealed partial class SunbayWireJsonContext;

/// <summary>Helpers shared by everything that reads the wire.</summary>
internal static class SunbayWireJson
{
    /// <summary>The wire's options (those of <see cref="SunbayWireJsonContext.Default"/>).</summary>
    public static JsonSerializerOptions Options => SunbayWireJsonContext.Default.Options;

    /// <summary>
    /// What made a body unreadable, naming the field (<c>field 'data.amount.transAmount': not an amount ...</c>), for the
    /// message of a typed SDK error; <see langword="null"/> when <paramref name="error"/> is not a JSON error. Never quotes
    /// a value of the body.
    /// </summary>
    public static string? DescribeReadError(Exception? error)
    {
        if (error is not JsonException json)
        {
            return null;
        }

        var why = json.InnerException?.Message ?? json.Message;
        if (string.IsNullOrEmpty(json.Path) || json.Path == "$")
        {
            return why;
        }

        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        return $"field '{field}': {why}";
    }
}
