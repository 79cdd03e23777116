using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sunbay.Client.Wire;

/// <summary>
/// Writes request bodies from code generated per wire type (<see cref="IWireObject.WriteJson"/>), as the serializer
/// writes them with a kernel's options: properties in declaration order, a null one omitted (the kernels'
/// <c>WhenWritingNull</c>), names as the spec spells them, strings and numbers plain (the kernels' converters write them
/// so), fields the spec does not name last. Why not the serializer: before its first body it builds and JIT-compiles
/// the JSON metadata of the body's whole type graph, every optional object included (a sale's: six types, some 250
/// methods, most of the gap to SUNBAY's own SDK at start-up), and on every call it walks that metadata with a stack of
/// frames. Answers are still read by the serializer. A test compares these bytes with the serializer's for every wire
/// type of every kernel, each property set.
/// </summary>
internal static class WireJsonWriter
{
    // A body larger than this is not kept for the thread's next one.
    private const int KeptBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The UTF-8 JSON of <paramref name="body"/>, in one array of its exact size.</summary>
    /// <param name="body">The generated wire object.</param>
    /// <param name="options">The kernel's options: their encoder escapes strings, and fields the spec does not name are written through them.</param>
    public static byte[] ToUtf8Bytes(IWireObject body, JsonSerializerOptions options)
    {
        // Taken off the thread while in use: a converter of an unnamed field that wrote a body of its own gets its own.
        var scratch = t_scratch is { } kept && kept.Encoder == options.Encoder ? kept : new Scratch(options.Encoder);
        t_scratch = null;
        body.WriteJson(scratch.Writer, options);
        scratch.Writer.Flush();
        var bytes = scratch.Buffer.WrittenSpan.ToArray();
        if (scratch.Buffer.Capacity <= KeptBufferBytes)
        {
            scratch.Buffer.ResetWrittenCount();
            scratch.Writer.Reset();
            t_scratch = scratch;
        }

        return bytes;
    }

    /// <summary>A string property (an enum of the spec is one too); omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A required integer property.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long value) => writer.WriteNumber(name, value);

    /// <summary>An optional integer property; omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A required integer property.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int value) => writer.WriteNumber(name, value);

    /// <summary>An optional integer property; omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A required decimal property, written exactly (98.75 stays 98.75).</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal value) => writer.WriteNumber(name, value);

    /// <summary>An optional decimal property; omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A required floating-point property.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value) => writer.WriteNumber(name, value);

    /// <summary>An optional floating-point property; omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A required boolean property.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>An optional boolean property; omitted when null.</summary>
    public static void Property(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>A nested wire object; omitted when null.</summary>
    public static void Object(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IWireObject? value, JsonSerializerOptions options)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteJson(writer, options);
        }
    }

    /// <summary>A list of wire objects; omitted when null, a null item written as <c>null</c>.</summary>
    public static void Objects<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ICollection<T>? values, JsonSerializerOptions options)
        where T : IWireObject?
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            Items(writer, values, options);
        }
    }

    /// <summary>A list of wire objects as a JSON array (a wire type that is a list writes itself so), a null item written as <c>null</c>.</summary>
    public static void Items<T>(Utf8JsonWriter writer, ICollection<T> values, JsonSerializerOptions options)
        where T : IWireObject?
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteJson(writer, options);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>A list of strings; omitted when null, a null item written as <c>null</c>.</summary>
    public static void Array(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ICollection<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>A list of floating-point numbers; omitted when null.</summary>
    public static void Array(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ICollection<double>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The fields the spec does not name (extension data), each value through the serializer's writing of
    /// <see cref="object"/>, as the serializer writes them. Never in a body the SDK sends (validation refuses them); the
    /// fake writes what it was given.
    /// </summary>
    public static void Extension(Utf8JsonWriter writer, IDictionary<string, object>? fields, JsonSerializerOptions options)
    {
        if (fields is null)
        {
            return;
        }

        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(typeof(object)));
        }
    }

    /// <summary>A thread's writer and its buffer, kept between bodies.</summary>
    private sealed class Scratch
    {
        public Scratch(JavaScriptEncoder? encoder)
        {
            Encoder = encoder;
            Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
        }

        public JavaScriptEncoder? Encoder { get; }

        public ArrayBufferWriter<byte> Buffer { get; } = new(512);

        public Utf8JsonWriter Writer { get; }
    }
}
