using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.WireKernel;

/// <summary>
/// Every generated wire type of every kernel reads an answer (<c>T.ReadJson</c> through <see cref="WireEndpoint{TBody, TAnswer}.Read"/>)
/// exactly as the serializer reads it with that kernel's JSON context, or leaves it to the serializer: a filled body is
/// read by the generated code itself and gives the same object graph (values, their CLR types, extension data as
/// <see cref="JsonElement"/>s); a damaged body (each field given each kind of value, unknown, repeated and escaped names,
/// malformed JSON) gives the serializer's object or the serializer's exception. A field the template reads wrongly, or
/// reads where the serializer would convert or refuse, fails here for the type that has it.
/// </summary>
public sealed class WireJsonReaderTests
{
    // Values put in place of each field in turn: every JSON kind, and numbers the lenient converters read their own way.
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-0", "123", "12.5", "1e2", "1e400", "99999999999999999999", "2147483648",
        "\"123\"", "\"007\"", "\"-5\"", "\"+5\"", "\" 5\"", "\"\\u0035\"", "\"999999999999999999\"", "\"99999999999999999999\"",
        "\"12.5\"", "\"abc\"", "\"\"", "{}", "{\"a\":1}", "[]", "[null]", "[1,\"x\"]", "[{}]",
    ];

    public static TheoryData<string> WireTypes => WireSamples.TypeNames();

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_filled_body_is_read_by_the_generated_code_as_the_serializer_reads_it(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var json = JsonSerializer.SerializeToUtf8Bytes(WireSamples.Filled(type), kernel.GetTypeInfo(type)!);

        var read = Read(type, kernel, json);

        Assert.True(read.ByGeneratedCode, $"{type.Name}: the generated code left a body it wrote itself to the serializer");
        AssertSame(read.Serializer, read.Value, type.Name);
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void An_empty_object_is_read_by_the_generated_code_as_the_serializer_reads_it(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var json = WireSamples.Filled(type) is IList ? "[]"u8.ToArray() : "{}"u8.ToArray();

        var read = Read(type, kernel, json);

        Assert.True(read.ByGeneratedCode);
        AssertSame(read.Serializer, read.Value, type.Name);
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Each_field_given_each_kind_of_value_is_read_as_the_serializer_reads_it(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var filled = JsonSerializer.SerializeToNode(WireSamples.Filled(type), kernel.GetTypeInfo(type)!)!;
        var byGeneratedCode = 0;
        var bySerializer = 0;

        foreach (var (where, body) in Damaged(filled))
        {
            var read = Read(type, kernel, Encoding.UTF8.GetBytes(body));
            AssertSameOutcome(read, $"{type.Name} with {where}");
            _ = read.ByGeneratedCode ? byGeneratedCode++ : bySerializer++;
        }

        // Both paths ran: a null where null is allowed is read by the generated code, a number in a string by the serializer.
        Assert.True(byGeneratedCode > 0 && bySerializer > 0, $"{type.Name}: {byGeneratedCode} by the generated code, {bySerializer} by the serializer");
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Names_and_framing_are_read_as_the_serializer_reads_them(string typeName)
    {
        var (type, kernel) = WireSamples.Find(typeName);
        var filled = JsonSerializer.Serialize(WireSamples.Filled(type), kernel.GetTypeInfo(type)!);
        var isList = filled[0] == '[';
        (string Name, JsonNode? Value)? first = isList ? null : JsonNode.Parse(filled)!.AsObject().Select(field => (field.Key, field.Value)).FirstOrDefault();
        var firstName = first?.Name;
        var firstValue = first?.Value?.ToJsonString() ?? "null";
        var open = isList ? "[" : "{";
        var rest = filled[1..];

        var bodies = new List<(string Where, string Body)>
        {
            ("white space around", $" \r\n\t{filled} \n"),
            ("trailing garbage", filled + " x"),
            ("a second value", filled + " {}"),
            ("a comment", $"/*c*/{filled}"),
            ("a trailing comma", filled[..^1] + "," + filled[^1]),
            ("a cut body", filled[..(filled.Length / 2)]),
            ("nothing", ""),
            ("the root null", "null"),
            ("the root a number", "1"),
            ("the root a string", "\"x\""),
            ("the root of the other kind", isList ? "{}" : "[]"),
            ("an escaped lone surrogate", open + "\"\\ud800\"," + rest),
        };

        if (!isList)
        {
            bodies.Add(("an unknown field", "{\"zzUnknown\":{\"a\":[1,2]}," + rest));
            bodies.Add(("an unknown null field", "{\"zzUnknown\":null," + rest));
            bodies.Add(("an unknown field twice", "{\"zzUnknown\":1,\"zzUnknown\":\"2\"," + rest));
            bodies.Add(("an unknown field with an escaped name", "{\"zz\\u0055nknown\\n\":1," + rest));
            bodies.Add(("a field the spec names in other case", "{\"" + firstName?.ToUpperInvariant() + "\":1," + rest));
            if (firstName is not null)
            {
                bodies.Add(("a field written twice, the first kept last", filled[..^1] + ",\"" + firstName + "\":" + firstValue + "}"));
                bodies.Add(("a field written twice, null last", filled[..^1] + ",\"" + firstName + "\":null}"));
                bodies.Add(("a field with an escaped name", "{\"\\u" + ((int)firstName[0]).ToString("x4", CultureInfo.InvariantCulture) + firstName[1..] + "\":" + firstValue + "," + rest));
            }
        }

        foreach (var (where, body) in bodies)
        {
            AssertSameOutcome(Read(type, kernel, Encoding.UTF8.GetBytes(body)), $"{type.Name} with {where}");
        }

        // Bytes that are not UTF-8, inside a string.
        var invalid = Encoding.UTF8.GetBytes(open + "\"a#\"," + rest);
        invalid[Array.IndexOf(invalid, (byte)'#')] = 0xFF;
        AssertSameOutcome(Read(type, kernel, invalid), $"{type.Name} with invalid UTF-8");
    }

    public static TheoryData<string> Endpoints
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (name, _, _) in EndpointsOfBothKernels())
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Every_operations_answer_is_read_by_generated_code_as_the_serializer_reads_it(string name)
    {
        // Through the endpoint the pipeline calls: an object answer, or a list answer item by item (a null item kept).
        var (_, endpoint, kernel) = EndpointsOfBothKernels().Single(e => e.Name == name);
        var answerType = endpoint.GetType().GetGenericArguments()[1];
        object filled = answerType.IsGenericType
            ? WireSamples.Filled(typeof(Collection<>).MakeGenericType(answerType.GetGenericArguments()))
            : WireSamples.Filled(answerType);
        var json = JsonSerializer.SerializeToUtf8Bytes(filled, kernel.GetTypeInfo(answerType)!);
        Assert.True(filled is not IList list || list.Count == 3, $"{name}: the list answer was not filled");

        Assert.True((bool)endpoint.GetType().GetProperty("ReadsItself")!.GetValue(endpoint)!, $"{name}: its answers are left to the serializer");
        var read = endpoint.GetType().GetMethod("Read")!;
        AssertSame(JsonSerializer.Deserialize(json, kernel.GetTypeInfo(answerType)!), ReadThrough(endpoint, read, json), name);
    }

    /// <summary>Every generated operation with an answer body, named Kernel.Operation.</summary>
    private static IEnumerable<(string Name, object Endpoint, JsonSerializerContext Kernel)> EndpointsOfBothKernels() =>
        from kernel in WireSamples.Kernels
        from api in kernel.GetType().Assembly.GetTypes()
        where api.Namespace == kernel.GetType().Namespace && api.Name.EndsWith("WireApi", StringComparison.Ordinal)
        from field in api.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(WireEndpoint<,>)
            && field.FieldType.GetGenericArguments()[1] != typeof(NoBody)
        select ($"{api.Name}.{field.Name}", field.GetValue(null)!, kernel);

    // Read(ReadOnlySpan<byte>) cannot be invoked through reflection with a span: a typed delegate over it can.
    private static object? ReadThrough(object endpoint, MethodInfo read, byte[] json) =>
        typeof(WireJsonReaderTests).GetMethod(nameof(ReadWith), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(read.ReturnType)
            .Invoke(null, [read.CreateDelegate(typeof(SpanReader<>).MakeGenericType(read.ReturnType), endpoint), json]);

    private delegate T SpanReader<T>(ReadOnlySpan<byte> json);

    private static object? ReadWith<T>(SpanReader<T> read, byte[] json) => read(json);

    [Fact]
    public void A_number_a_boolean_or_an_object_in_a_string_field_stays_on_the_generated_path()
    {
        // Read as the kernels' LenientStringConverter reads them, without handing the body to the serializer.
        var json = """{"transactionId":7225836252468027,"batchNo":123,"attach":{"a":[1, 2]},"description":true,"stan":1e20}"""u8;

        Assert.True(WireJsonReader.TryRead(json, TransactionDetail.ReadJson, out var detail));
        Assert.Equal(("7225836252468027", "123", """{"a":[1, 2]}""", "true", "1e20"), (detail!.TransactionId, detail.BatchNo, detail.Attach, detail.Description, detail.Stan));
    }

    /// <summary>The body with one value replaced, for every value of every object in it (nested ones too).</summary>
    private static IEnumerable<(string Where, string Body)> Damaged(JsonNode root)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index, string Path)>();
        Walk(root, places);
        foreach (var (parent, name, index, path) in places)
        {
            foreach (var replacement in Replacements)
            {
                var copy = root.DeepClone();
                var target = copy;
                foreach (var step in StepsTo(parent, root))
                {
                    target = step.Name is null ? target![step.Index]! : target![step.Name]!;
                }

                if (name is null)
                {
                    target![index] = JsonNode.Parse(replacement);
                }
                else
                {
                    target![name] = JsonNode.Parse(replacement);
                }

                yield return ($"{path} = {replacement}", copy!.ToJsonString());
            }
        }
    }

    private static void Walk(JsonNode? node, List<(JsonNode Parent, string? Name, int Index, string Path)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    places.Add((obj, name, -1, value?.GetPath() ?? $"{obj.GetPath()}.{name}"));
                    Walk(value, places);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i, $"{array.GetPath()}[{i}]"));
                    Walk(array[i], places);
                }

                break;
        }
    }

    private static List<(string? Name, int Index)> StepsTo(JsonNode node, JsonNode root)
    {
        var steps = new List<(string? Name, int Index)>();
        for (var current = node; current != root; current = current.Parent!)
        {
            steps.Insert(0, current.Parent is JsonArray array ? (null, array.IndexOf(current)) : (current.GetPropertyName(), -1));
        }

        return steps;
    }

    private sealed record Outcome(bool ByGeneratedCode, object? Value, Exception? Error, object? Serializer, Exception? SerializerError);

    /// <summary>The body read by the SDK's reader, by the generated code alone, and by the serializer.</summary>
    private static Outcome Read(Type type, JsonSerializerContext kernel, byte[] json) =>
        (Outcome)typeof(WireJsonReaderTests).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [kernel.GetTypeInfo(type), json])!;

    private static Outcome ReadAs<T>(JsonTypeInfo<T> metadata, byte[] json)
        where T : class
    {
        var method = typeof(T).GetMethod("ReadJson", BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no generated ReadJson");
        var read = method.CreateDelegate<WireRead<T>>();

        var endpoint = new WireEndpoint<NoBody, T>("test", HttpMethod.Get, "/test", () => metadata, [], read: read, options: () => metadata.Options);

        var byGeneratedCode = WireJsonReader.TryRead(json, read, out _);
        var (value, error) = Try(() => endpoint.Read(json));
        var (serializer, serializerError) = Try(() => JsonSerializer.Deserialize(json, metadata));
        return new Outcome(byGeneratedCode, value, error, serializer, serializerError);
    }

    private static (object? Value, Exception? Error) Try(Func<object?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private static void AssertSameOutcome(Outcome read, string where)
    {
        if (read.SerializerError is not null)
        {
            Assert.False(read.ByGeneratedCode, $"{where}: the generated code read a body the serializer refuses ({read.SerializerError.Message})");
            Assert.NotNull(read.Error);
            Assert.Equal(read.SerializerError.GetType(), read.Error.GetType());
            Assert.Equal(read.SerializerError.Message, read.Error.Message);
            return;
        }

        Assert.True(read.Error is null, $"{where}: {read.Error}");
        AssertSame(read.Serializer, read.Value, where);
    }

    /// <summary>The same object graph: the same CLR types, values (a decimal's scale too) and extension data.</summary>
    private static void AssertSame(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, read {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType()}, read a {actual.GetType()}");
        switch (expected)
        {
            case string or long or int or bool or double:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, read {actual}");
                return;
            case decimal number:
                Assert.Equal(number.ToString(CultureInfo.InvariantCulture), ((decimal)actual).ToString(CultureInfo.InvariantCulture));
                return;
            case JsonElement element:
                var other = (JsonElement)actual;
                Assert.Equal(element.ValueKind, other.ValueKind);
                Assert.Equal(element.GetRawText(), other.GetRawText());
                return;
            case IDictionary<string, object> fields:
                var otherFields = (IDictionary<string, object>)actual;
                Assert.Equal(fields.Keys.Order(StringComparer.Ordinal), otherFields.Keys.Order(StringComparer.Ordinal));
                foreach (var (key, value) in fields)
                {
                    AssertSame(value, otherFields[key], $"{path}[{key}]");
                }

                return;
            case IList items:
                var otherItems = (IList)actual;
                Assert.True(items.Count == otherItems.Count, $"{path}: expected {items.Count} items, read {otherItems.Count}");
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSame(items[i], otherItems[i], $"{path}[{i}]");
                }

                break;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A list's own properties (its capacity) are not the wire's.
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
            {
                AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }
}
