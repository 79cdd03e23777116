using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// One operation of a provider's API, for <see cref="PaymentsPipeline.SendAsync{TAnswer}"/>: its name in errors, logs
/// and telemetry, its method, its path and the JSON metadata of its body and answer (source-generated, so trimming and
/// Native AOT keep it). Build it once, with <see cref="PaymentsEndpoint.Get{TAnswer}"/>,
/// <see cref="PaymentsEndpoint.Post{TBody, TAnswer}"/> or <see cref="PaymentsEndpoint.Send{TAnswer}"/>.
/// </summary>
/// <typeparam name="TAnswer">The type of the answer's JSON body.</typeparam>
public sealed class PaymentsEndpoint<TAnswer>
    where TAnswer : class
{
    internal PaymentsEndpoint(IWireEndpoint<TAnswer> wire, Type? bodyType)
    {
        Wire = wire;
        BodyType = bodyType;
    }

    /// <summary>The SDK's name of the operation (<c>start-payment</c>, <c>get-payment</c>, ...).</summary>
    public string Name => Wire.Name;

    /// <summary>The HTTP method. Only a GET is ever retried; anything else is sent at most once.</summary>
    public HttpMethod Method => Wire.Method;

    /// <summary>The relative path, with its parameters as <c>{name}</c>.</summary>
    public string Path => Wire.Path;

    internal IWireEndpoint<TAnswer> Wire { get; }

    internal Type? BodyType { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Method} {Path}";
}

/// <summary>Builds <see cref="PaymentsEndpoint{TAnswer}"/>s.</summary>
public static class PaymentsEndpoint
{
    /// <summary>A query: retried on a failure that says nothing was done, within its time limit.</summary>
    /// <param name="name">The operation's name in errors, logs and telemetry.</param>
    /// <param name="path">The relative path, each parameter written <c>{name}</c> (e.g. <c>payments/{id}</c>).</param>
    /// <param name="answer">The answer's JSON metadata.</param>
    public static PaymentsEndpoint<TAnswer> Get<TAnswer>(string name, string path, JsonTypeInfo<TAnswer> answer)
        where TAnswer : class =>
        Create<NoBody, TAnswer>(name, HttpMethod.Get, path, body: null, answer);

    /// <summary>A POST with a JSON body: sent at most once; a lost answer is an outcome-unknown error.</summary>
    /// <param name="name">The operation's name in errors, logs and telemetry.</param>
    /// <param name="path">The relative path, each parameter written <c>{name}</c>.</param>
    /// <param name="body">The body's JSON metadata.</param>
    /// <param name="answer">The answer's JSON metadata.</param>
    public static PaymentsEndpoint<TAnswer> Post<TBody, TAnswer>(string name, string path, JsonTypeInfo<TBody> body, JsonTypeInfo<TAnswer> answer)
        where TBody : class
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(body);
        return Create(name, HttpMethod.Post, path, body, answer);
    }

    /// <summary>A request without a body that changes something (a cancel: <c>POST</c>, <c>DELETE</c>): sent at most once, never replayed by the transport.</summary>
    /// <param name="method">Any method but GET.</param>
    /// <param name="name">The operation's name in errors, logs and telemetry.</param>
    /// <param name="path">The relative path, each parameter written <c>{name}</c>.</param>
    /// <param name="answer">The answer's JSON metadata.</param>
    public static PaymentsEndpoint<TAnswer> Send<TAnswer>(HttpMethod method, string name, string path, JsonTypeInfo<TAnswer> answer)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method == HttpMethod.Get)
        {
            throw new ArgumentException("A GET is a query: use PaymentsEndpoint.Get.", nameof(method));
        }

        return Create<NoBody, TAnswer>(name, method, path, body: null, answer);
    }

    private static PaymentsEndpoint<TAnswer> Create<TBody, TAnswer>(string name, HttpMethod method, string path, JsonTypeInfo<TBody>? body, JsonTypeInfo<TAnswer> answer)
        where TBody : class
        where TAnswer : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(answer);
        if (path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException("must be a relative path without a query string, e.g. 'payments/{id}'.", nameof(path));
        }

        var wire = new WireEndpoint<TBody, TAnswer>(name, method, path, () => answer, [], ParametersOf(path), body);
        return new PaymentsEndpoint<TAnswer>(wire, body is null ? null : typeof(TBody));
    }

    private static string[] ParametersOf(string path)
    {
        var names = new List<string>();
        for (var open = path.IndexOf('{', StringComparison.Ordinal); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                throw new ArgumentException($"has an unclosed '{{' at {open}.", nameof(path));
            }

            names.Add(path[(open + 1)..close]);
        }

        return [.. names];
    }
}
