using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Wire;

/// <summary>
/// Reads an amount the way SUNBAY's own Go SDK does: an integer of minor units as a number or a string, and a value with
/// decimals as major units (<c>10.50</c> is 1050). Servers have sent all three forms; none of them may break a query.
/// Writes plain integers.
/// </summary>
internal sealed class MinorUnitsConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var whole) ? whole : FromMajorUnits(reader.GetDecimal());
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
            {
                return FromMajorUnits(major);
            }
        }

        throw new JsonException($"Expected an amount (a number or a numeric string), got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    private static long FromMajorUnits(decimal major) => decimal.ToInt64(decimal.Round(major * 100, MidpointRounding.AwayFromZero));
}
