using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Wire;

/// <summary>
/// Reads a string field whatever JSON value the provider put there: a string as itself, a number as its raw text
/// (<c>"batchNo":123</c> is <c>"123"</c>, <c>7225836252468027</c> keeps every digit, <c>1e20</c> stays <c>"1e20"</c>),
/// <c>true</c>/<c>false</c> as text, and an object or an array (an <c>attach</c> echoed as JSON) as its raw JSON text.
/// One field of an unexpected type must never make a whole answer or webhook unreadable. Writes plain strings, exactly as
/// the built-in converter does, so request bodies are unchanged.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

    /// <summary>The value the reader stands on, as this converter reads it (the generated readers call it too).</summary>
    /// <exception cref="JsonException">The token is no value (the serializer never hands one over).</exception>
    public static string ReadText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => RawNumber(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.StartObject or JsonTokenType.StartArray => RawValue(ref reader),
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? throw new JsonException();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    // A number token is ASCII digits, sign, point and exponent only: its bytes are its text.
    private static string RawNumber(ref Utf8JsonReader reader) => reader.HasValueSequence
        ? Encoding.UTF8.GetString(reader.ValueSequence)
        : Encoding.UTF8.GetString(reader.ValueSpan);

    private static string RawValue(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
