namespace Sunbay.Client.Testing.Internal;

/// <summary>The parts of an HTTP request the fake looks at, independent of the transport (in memory or Kestrel).</summary>
internal sealed record IncomingRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Param(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
