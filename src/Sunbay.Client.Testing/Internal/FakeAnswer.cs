namespace Sunbay.Client.Testing.Internal;

/// <summary>What the fake answers to one request, before faults spoil it.</summary>
internal sealed record FakeAnswer(int StatusCode, string? Code, string Body, string ContentType = "application/json")
{
    /// <summary>Extra response headers (e.g. <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Close the connection instead of answering.</summary>
    public bool Drop { get; init; }
}
