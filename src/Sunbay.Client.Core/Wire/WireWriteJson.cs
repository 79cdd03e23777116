using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sunbay.Client.Wire;

/// <summary>
/// How request bodies are written without the serializer's stack of frames. A body that holds an object (a push's
/// amount) makes the serializer allocate that stack on every call (some 300 B, about the size of the body itself), and
/// the generated wire types cannot take the source generator's fast path, which has none (their extension data and the
/// wire's converters rule it out). With these options each listed nested type is written by a converter that writes it
/// as a root of its own, into the same writer with the same metadata: the same bytes, no stack. Writing only: answers
/// are read with the context's own options. Provider-neutral: each provider lists its own nested types.
/// </summary>
internal static class WireWriteJson
{
    /// <summary>
    /// The options of <paramref name="context"/> (converters, ignore and number rules), but with each property of a type
    /// of <paramref name="nested"/> written by that converter.
    /// </summary>
    /// <param name="context">The provider's JSON context.</param>
    /// <param name="nested">One <see cref="Nested{T}"/> per type to write as its own root.</param>
    public static JsonSerializerOptions Options(JsonSerializerContext context, params ReadOnlySpan<JsonConverter> nested)
    {
        var byType = new Dictionary<Type, JsonConverter>(nested.Length);
        foreach (var converter in nested)
        {
            byType.Add(converter.Type!, converter);
        }

        var options = new JsonSerializerOptions(context.Options)
        {
            TypeInfoResolver = context.WithAddedModifier(typeInfo =>
            {
                foreach (var property in typeInfo.Properties)
                {
                    if (byType.TryGetValue(property.PropertyType, out var converter))
                    {
                        property.CustomConverter = converter;
                    }
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The converter that writes a <typeparamref name="T"/> as its own root (see <see cref="WireWriteJson"/>).</summary>
    public static JsonConverter Nested<T>()
        where T : class => new NestedRootConverter<T>();

    /// <summary>
    /// Writes its value through the value's own metadata in the same options, as a new root: a value converter, so the
    /// enclosing object pushes no frame for it.
    /// </summary>
    private sealed class NestedRootConverter<T> : JsonConverter<T>
        where T : class
    {
        private JsonTypeInfo<T>? _info;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Write-only options: answers are read with the context's own.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _info ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}

/// <summary>
/// An operation whose body is written with write-only options (<see cref="WireWriteJson"/>); everything else is the
/// generated descriptor's.
/// </summary>
/// <typeparam name="TBody">The request body type.</typeparam>
/// <typeparam name="TAnswer">The answer's type.</typeparam>
internal sealed class WriteEndpoint<TBody, TAnswer>(WireEndpoint<TBody, TAnswer> wire, JsonSerializerOptions writeOptions) : IWireEndpoint<TAnswer>
    where TBody : class
    where TAnswer : class
{
    private JsonTypeInfo<TBody>? _body;

    public string Name => wire.Name;

    public HttpMethod Method => wire.Method;

    public string Path => wire.Path;

    public string RequestPath => wire.RequestPath;

    public JsonTypeInfo<TAnswer> Answer => wire.Answer;

    public bool IsQuery => wire.IsQuery;

    /// <inheritdoc/>
    public byte[] Serialize(object body) =>
        JsonSerializer.SerializeToUtf8Bytes((TBody)body, _body ??= (JsonTypeInfo<TBody>)writeOptions.GetTypeInfo(typeof(TBody)));

    /// <inheritdoc/>
    public string Url(ReadOnlySpan<object?> pathValues, ReadOnlySpan<object?> queryValues) => wire.Url(pathValues, queryValues);
}
