using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sunbay.Client.Wire;

/// <summary>
/// One operation of a provider's API as its spec declares it: name, method, path (with its path parameters), the JSON
/// metadata of its answer, and its query parameters (a generated body writes itself). The instances are generated, one
/// class a provider (<c>SunbayWireApi</c>, <c>CmComWireApi</c>; openapi/templates/Client.Class.liquid); a provider built
/// on <c>PaymentsEndpoint</c> gives its body's metadata too.
/// </summary>
/// <typeparam name="TBody">The request body type; <see cref="NoBody"/> for a query.</typeparam>
/// <typeparam name="TAnswer">The answer's type (SUNBAY: its envelope); <see cref="NoBody"/> for an answer without a body.</typeparam>
internal sealed class WireEndpoint<TBody, TAnswer>(
    string name,
    HttpMethod method,
    string path,
    Func<JsonTypeInfo<TAnswer>> answer,
    string[] queryParameters,
    string[]? pathParameters = null,
    JsonTypeInfo<TBody>? bodyInfo = null,
    WireRead<TAnswer>? read = null,
    Func<JsonSerializerOptions>? options = null) : IWireEndpoint<TAnswer>
    where TBody : class
    where TAnswer : class
{
    private readonly string[] _pathParameters = pathParameters ?? [];
    private JsonTypeInfo<TAnswer>? _answer;
    private JsonSerializerOptions? _options;

    /// <summary>The SDK's name of the operation (the spec's <c>x-sdk-operation</c>) in errors, logs and telemetry.</summary>
    public string Name { get; } = name;

    public HttpMethod Method { get; } = method;

    /// <inheritdoc/>
    public string RequestPath { get; } = "/" + path;

    /// <summary>Relative path as the spec writes it, e.g. <c>v1/semi-integration/transaction/sale</c>, <c>terminals/{terminalId}/transactions</c>.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// The answer's JSON metadata, built at its first use (the context caches it): only the operations a process calls
    /// cost start-up time.
    /// </summary>
    public JsonTypeInfo<TAnswer> Answer => _answer ??= answer();

    /// <summary>The kernel's JSON options, without building the answer's metadata (a generated kernel names its context's).</summary>
    public JsonSerializerOptions Options => _options ??= options?.Invoke() ?? Answer.Options;

    /// <summary>Query parameter names in the spec's order.</summary>
    public IReadOnlyList<string> QueryParameters { get; } = queryParameters;

    /// <summary>Path parameter names (<c>terminalId</c> of <c>terminals/{terminalId}/transactions</c>) in the spec's order.</summary>
    public IReadOnlyList<string> PathParameters => _pathParameters;

    /// <summary>Whether a retry is safe: only queries are ever retried.</summary>
    public bool IsQuery => Method == HttpMethod.Get;

    /// <inheritdoc/>
    /// <remarks>
    /// A generated wire type writes itself (<see cref="WireJsonWriter"/>); a body of another provider's type (a provider
    /// built on <c>PaymentsEndpoint</c>) is written by the serializer with the metadata it was given.
    /// </remarks>
    public byte[] Serialize(object body) => body switch
    {
        TBody and IWireObject wire => WireJsonWriter.ToUtf8Bytes(wire, Options),
        TBody typed when bodyInfo is not null => JsonSerializer.SerializeToUtf8Bytes(typed, bodyInfo),
        _ => throw new InvalidOperationException($"{Name} takes {(typeof(TBody) == typeof(NoBody) ? "no body" : "a " + typeof(TBody).Name)}."),
    };

    /// <summary>Whether code generated for the answer type reads the answers (else the serializer does).</summary>
    public bool ReadsItself => read is not null;

    /// <inheritdoc/>
    /// <remarks>
    /// A generated answer type reads itself, the serializer reading what that code does not (<see cref="WireJsonReader"/>);
    /// any other answer is read by the serializer.
    /// </remarks>
    public TAnswer? Read(ReadOnlySpan<byte> json) =>
        read is not null && WireJsonReader.TryRead(json, read, out var value) ? value : JsonSerializer.Deserialize(json, Answer);

    /// <summary>The path with the query string of <paramref name="values"/> (in <see cref="QueryParameters"/> order; nulls left out).</summary>
    public string Url(ReadOnlySpan<object?> values)
    {
        var url = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        url.AppendLiteral(Path);
        AppendQuery(ref url, values);
        return url.ToStringAndClear();
    }

    /// <summary>
    /// The path with each path parameter replaced by its escaped value (in <see cref="PathParameters"/> order, none may be
    /// null) and the query string of <paramref name="queryValues"/> (in <see cref="QueryParameters"/> order; nulls left out).
    /// </summary>
    public string Url(ReadOnlySpan<object?> pathValues, ReadOnlySpan<object?> queryValues)
    {
        if (pathValues.Length != _pathParameters.Length)
        {
            throw new ArgumentException($"{Name} takes {_pathParameters.Length} path value(s).", nameof(pathValues));
        }

        // Every value checked first, in order, so that the first bad one is the one reported.
        for (var i = 0; i < pathValues.Length; i++)
        {
            var value = pathValues[i] ?? throw new ArgumentNullException(nameof(pathValues), $"{Name}: path parameter {_pathParameters[i]} is null.");
            var segment = Uri.EscapeDataString(Text(value));

            // Escaping leaves these as they are, and each would leave its segment: "" joins two segments, "." names the
            // parent's path, ".." the grandparent's (the URI's dot-segment removal), so a GET or a DELETE would land on
            // another resource. No identifier of any provider is one of them.
            if (segment is "" or "." or "..")
            {
                throw new global::Sunbay.Client.PaymentsValidationException(_pathParameters[i], $"must not be empty, '.' or '..' (was '{segment}'): it would leave its URL path segment");
            }
        }

        // Then the URL in one buffer, one string: each {name} of the path by its value (escaped, so no value holds a
        // brace), text that names no parameter as written.
        var url = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var rest = Path.AsSpan();
        while (pathValues.Length > 0 && rest.IndexOf('{') is var open and >= 0 && rest[open..].IndexOf('}') is var close and > 0)
        {
            url.AppendFormatted(rest[..open]);
            var index = IndexOfParameter(rest.Slice(open + 1, close - 1));
            if (index >= 0)
            {
                url.AppendLiteral(Uri.EscapeDataString(Text(pathValues[index]!)));
            }
            else
            {
                url.AppendFormatted(rest.Slice(open, close + 1));
            }

            rest = rest[(open + close + 1)..];
        }

        url.AppendFormatted(rest);
        AppendQuery(ref url, queryValues);
        return url.ToStringAndClear();
    }

    private int IndexOfParameter(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < _pathParameters.Length; i++)
        {
            if (name.SequenceEqual(_pathParameters[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Text(object value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private void AppendQuery(ref DefaultInterpolatedStringHandler url, ReadOnlySpan<object?> values)
    {
        var separator = '?';
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            url.AppendFormatted(separator);
            url.AppendLiteral(queryParameters[i]);
            url.AppendFormatted('=');
            url.AppendLiteral(Uri.EscapeDataString(Text(value)));
            separator = '&';
        }
    }
}

/// <summary>The body type of an operation that has none.</summary>
internal sealed class NoBody;

/// <summary>An operation seen from the caller, whatever its body type: what the pipeline needs to send it.</summary>
/// <typeparam name="TAnswer">The answer's type.</typeparam>
internal interface IWireEndpoint<TAnswer> : IAnswerReader<TAnswer>
    where TAnswer : class
{
    string Name { get; }

    HttpMethod Method { get; }

    string Path { get; }

    /// <summary>The path as a request line shows it (<c>/v1/transaction/query</c>; path parameters as <c>{name}</c>), for logs and metrics.</summary>
    string RequestPath { get; }

    JsonTypeInfo<TAnswer> Answer { get; }

    bool IsQuery { get; }

    /// <summary>The UTF-8 JSON of <paramref name="body"/>, which must be of the operation's body type.</summary>
    byte[] Serialize(object body);

    /// <summary>The path with its parameters' escaped values, and the query string of <paramref name="queryValues"/>.</summary>
    string Url(ReadOnlySpan<object?> pathValues, ReadOnlySpan<object?> queryValues);
}
