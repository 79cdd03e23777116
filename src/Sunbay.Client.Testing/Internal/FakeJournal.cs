namespace Sunbay.Client.Testing.Internal;

/// <summary>A fake host's request journal: appended by concurrent requests, read as a snapshot.</summary>
/// <typeparam name="T">The host's record of one request.</typeparam>
internal sealed class FakeJournal<T>
{
    private readonly object _gate = new();
    private readonly List<T> _entries = [];

    public void Add(T entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>The path and query as received, e.g. <c>/stores?page=2</c>.</summary>
    public static string PathAndQuery(IncomingRequest request, string rawQuery) =>
        string.IsNullOrEmpty(rawQuery) ? request.Path : request.Path + (rawQuery.StartsWith('?') ? rawQuery : "?" + rawQuery);
}
