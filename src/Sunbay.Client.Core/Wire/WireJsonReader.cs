using System.Text.Json;

namespace Sunbay.Client.Wire;

/// <summary>Reads one generated wire object whose first token the reader stands on (generated: <c>T.ReadJson</c>).</summary>
/// <typeparam name="T">The wire type.</typeparam>
internal delegate T WireRead<T>(ref Utf8JsonReader reader);

/// <summary>
/// Reads answers with code generated per wire type (openapi/templates/Class.Body.liquid), and falls back to the
/// serializer for anything that code does not read the common way. Why: before the first answer of a process the
/// serializer builds and JIT-compiles the JSON metadata of the answer's whole type graph (a SUNBAY query: the envelope,
/// ~40 fields of the transaction and its amounts) and its generic reading machinery over them.
/// <para>
/// The rule that keeps it exact: the generated code reads only what it reads as the serializer would with the kernels'
/// options (names as the spec spells them, case-sensitive, the last of a repeated field wins; a string, a whole number, a
/// decimal, a boolean, an object, a list as such; any value in a string field as the kernels' lenient converter reads
/// it; plain digits in a string as a whole number; null as null; an unknown field into the extension data as a
/// <see cref="JsonElement"/>). Anything else (another string in a number field, which the kernels' number handling
/// reads; a fraction in an amount; a value of another kind where an object, a list or a number belongs; malformed JSON)
/// stops it, and the whole body is read again by the serializer, whose answer or error is the one returned. So a body
/// is either read the same way, or read by the serializer itself. A test reads filled and damaged bodies of every wire
/// type, and every operation's answer, both ways.
/// </para>
/// </summary>
internal static class WireJsonReader
{
    /// <summary>
    /// A string field (a spec enum too); null for JSON null; any other value as the kernels' <see cref="LenientStringConverter"/>
    /// reads it (a number as its text: SUNBAY has sent <c>"batchNo":123</c>), so such a body stays on this path.
    /// </summary>
    public static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : LenientStringConverter.ReadText(ref reader);

    /// <summary>
    /// A required whole number; also one written as a string of plain digits (<c>"1000"</c>: SUNBAY's amounts may come so),
    /// which every kernel reads as that number (its number handling, or SUNBAY's minor-units converter). Any other string
    /// (a sign, blanks, a fraction, an escape) is left to the serializer.
    /// </summary>
    public static long Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && reader.ValueSpan is { Length: > 0 and <= 18 } digits && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // At most 18 digits: always within a long.
            long number = 0;
            foreach (var digit in digits)
            {
                number = (number * 10) + (digit - '0');
            }

            return number;
        }

        throw Unread();
    }

    /// <summary>An optional whole number.</summary>
    public static long? NullableInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    /// <summary>A required whole number.</summary>
    public static int Int32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Unread();

    /// <summary>An optional whole number.</summary>
    public static int? NullableInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    /// <summary>A required decimal number, exactly as written (98.750 keeps its scale, as the serializer's).</summary>
    public static decimal Decimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Unread();

    /// <summary>An optional decimal number.</summary>
    public static decimal? NullableDecimal(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader);

    /// <summary>A required floating-point number.</summary>
    public static double Double(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Unread();

    /// <summary>An optional floating-point number.</summary>
    public static double? NullableDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    /// <summary>A required boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unread(),
    };

    /// <summary>An optional boolean.</summary>
    public static bool? NullableBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    /// <summary>A nested wire object; null for JSON null.</summary>
    public static T? Object<T>(ref Utf8JsonReader reader, WireRead<T> read)
        where T : class => reader.TokenType switch
    {
        JsonTokenType.StartObject => read(ref reader),
        JsonTokenType.Null => null,
        _ => throw Unread(),
    };

    /// <summary>The start of an object (a generated reader's first check).</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unread();
        }
    }

    /// <summary>A list of wire objects, a null item as null; null for JSON null.</summary>
    public static List<T>? Objects<T>(ref Utf8JsonReader reader, WireRead<T> read)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var list = new List<T>();
        Items(ref reader, list, read);
        return list;
    }

    /// <summary>The items of a JSON array into <paramref name="list"/> (a wire type that is a list reads itself so).</summary>
    public static TList Items<TList, T>(ref Utf8JsonReader reader, TList list, WireRead<T> read)
        where TList : ICollection<T>
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unread();
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Object(ref reader, read)!);
        }

        return list;
    }

    /// <summary>A list of values each read by <paramref name="item"/> (<see cref="String"/>, <see cref="Double"/>); null for JSON null.</summary>
    public static List<T>? Values<T>(ref Utf8JsonReader reader, WireRead<T> item)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unread();
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(item(ref reader));
        }

        return list;
    }

    /// <summary>
    /// A field the spec does not name, the reader on its name: kept as a <see cref="JsonElement"/> under its unescaped
    /// name (the last of a repeated one wins), as the serializer keeps extension data.
    /// </summary>
    public static IDictionary<string, object> Unknown(ref Utf8JsonReader reader, IDictionary<string, object>? fields)
    {
        var name = reader.GetString()!;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            // How the serializer keeps a null unknown field is its own business: let it read this body.
            throw Unread();
        }

        fields ??= new Dictionary<string, object>();
        fields[name] = JsonElement.ParseValue(ref reader);
        return fields;
    }

    /// <summary>A field the spec does not name, of a type that keeps no extension data: skipped, the reader on its name.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>
    /// Whether <paramref name="read"/> read the whole of <paramref name="json"/> into <paramref name="value"/>
    /// (<see langword="null"/> for a JSON <c>null</c>); false when it stopped, and the serializer must read the body.
    /// </summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> json, WireRead<T> read, out T? value)
        where T : class
    {
        value = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            value = reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

            // The root value must be the whole body (the reader throws on anything but white space after it).
            return !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Malformed JSON, invalid UTF-8 in a string, or a value read another way: the serializer reads it.
            return false;
        }
    }

    /// <summary>What stops the generated code: the serializer reads the body instead.</summary>
    private static FormatException Unread() => new("read by the serializer");
}
