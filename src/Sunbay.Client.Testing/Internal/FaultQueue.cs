namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The queue behind <see cref="FakeFaults"/> and <see cref="FakeCmComFaults"/>: each entry applies to one request of
/// its endpoint and is used up by it; entries for a specific endpoint are used before entries for the enum's zero
/// value, <c>Any</c>.
/// </summary>
/// <typeparam name="TEndpoint">The host's endpoint enum, whose zero value means any endpoint.</typeparam>
internal sealed class FaultQueue<TEndpoint>
    where TEndpoint : struct, Enum
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = [];

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Enqueue(TEndpoint endpoint, FakeFault fault, int count, TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Add(new Entry(endpoint, fault, latency));
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    public (FakeFault Fault, TimeSpan Latency) Take(TEndpoint endpoint)
    {
        var any = default(TEndpoint);
        lock (_gate)
        {
            var index = EqualityComparer<TEndpoint>.Default.Equals(endpoint, any) ? -1 : _queue.FindIndex(e => EqualityComparer<TEndpoint>.Default.Equals(e.Endpoint, endpoint));
            if (index < 0)
            {
                index = _queue.FindIndex(e => EqualityComparer<TEndpoint>.Default.Equals(e.Endpoint, any));
            }

            if (index < 0)
            {
                return (FakeFault.None, TimeSpan.Zero);
            }

            var entry = _queue[index];
            _queue.RemoveAt(index);
            return (entry.Fault, entry.Latency);
        }
    }

    private sealed record Entry(TEndpoint Endpoint, FakeFault Fault, TimeSpan Latency);
}
