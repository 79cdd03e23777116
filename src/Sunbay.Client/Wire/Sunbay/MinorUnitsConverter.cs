using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Wire;

/// <summary>
/// Reads an amount the way SUNBAY's own Go SDK does: an integer of minor units as a number or a string, and a value with
/// decimals as major units (<c>10.50</c> is 1050). Servers have sent all three forms; none of them may break a query.
/// Writes plain integers.
/// </summary>
/// <remarks>
/// A value that is no amount or does not fit in 64-bit minor units (<c>1e20</c>, <c>1e400</c>, a decimal that overflows
/// when multiplied by 100) is a <see cref="JsonException"/> without a message, so that the serializer fills in the
/// field's path (<c>$.data.amount.transAmount</c>) and the caller reports a typed error naming the field. Nothing else
/// (no <see cref="OverflowException"/>, no <see cref="FormatException"/>) leaves this converter.
/// </remarks>
internal sealed class MinorUnitsConverter : JsonConverter<long>
{
    // The largest major-unit value whose minor units fit in a long.
    private const decimal MaxMajor = long.MaxValue / 100m;

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var whole))
            {
                return whole;
            }

            // TryGetDecimal, not GetDecimal: 1e400 must be an error about the field, not a FormatException.
            return reader.TryGetDecimal(out var major) ? FromMajorUnits(major) : throw OutOfRange();
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

            throw OutOfRange();
        }

        throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    private static long FromMajorUnits(decimal major) =>
        Math.Abs(major) <= MaxMajor
            ? decimal.ToInt64(decimal.Round(major * 100, MidpointRounding.AwayFromZero))
            : throw OutOfRange();

    /// <summary>An error the serializer completes with the field's path; the inner exception says what is wrong.</summary>
    private static JsonException OutOfRange() =>
        new(null, new FormatException("not an amount in 64-bit minor units (out of range or not a number)"));
}
