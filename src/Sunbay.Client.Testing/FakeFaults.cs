namespace Sunbay.Client.Testing;

/// <summary>
/// Fault injection of a fake host (<see cref="FakeProviderHost.Faults"/>): queue faults for the next calls of an
/// endpoint (or of any endpoint). Each queued entry applies to one request and is used up by it; entries for a specific
/// endpoint are used before entries for <see cref="FakeEndpoint.Any"/>. Error answers are in the provider's format (a
/// SUNBAY envelope, CM.com's problem+json).
/// </summary>
/// <example><code>host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.DropAfterRecording);</code></example>
public sealed class FakeFaults
{
    private readonly object _gate = new();
    private readonly List<(FakeEndpoint Endpoint, FakeFault Fault, TimeSpan Latency)> _queue = [];
    private readonly Func<FakeEndpoint, bool> _serves;
    private readonly FakeFault _foreignFault;
    private readonly string _provider;

    /// <param name="provider">The provider's name in messages, e.g. <c>CM.com</c>.</param>
    /// <param name="serves">Whether the host serves an endpoint (<see cref="FakeEndpoint.Any"/> aside).</param>
    /// <param name="foreignFault">The one fault the provider cannot answer (the other provider's own).</param>
    internal FakeFaults(string provider, Func<FakeEndpoint, bool> serves, FakeFault foreignFault)
    {
        _provider = provider;
        _serves = serves;
        _foreignFault = foreignFault;
    }

    /// <summary>The <c>Retry-After</c> sent with <see cref="FakeFault.TooManyRequests"/> (whole seconds). Default 1 second.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many queued faults have not been used yet.</summary>
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

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> requests to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">One of the host's endpoints, or <see cref="FakeEndpoint.Any"/>.</param>
    /// <param name="fault">The fault; <see cref="FakeFault.None"/> with a <paramref name="latency"/> only slows the answer.</param>
    /// <param name="count">How many requests it applies to.</param>
    /// <param name="latency">Delay before the request is handled, on the host's <see cref="FakeProviderHost.TimeProvider"/> (advance a fake clock to release it).</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="endpoint"/> is the other provider's, or <paramref name="fault"/> is the other provider's own
    /// (<see cref="FakeFault.Conflict"/> on SUNBAY, which answers no 409; <see cref="FakeFault.DuplicateClientRequestId"/>
    /// on CM.com, which has no client request ids).
    /// </exception>
    public void Enqueue(FakeEndpoint endpoint, FakeFault fault, int count = 1, TimeSpan latency = default)
    {
        if (endpoint != FakeEndpoint.Any && !_serves(endpoint))
        {
            throw new ArgumentException($"{endpoint} is not an endpoint of the fake {_provider} API.", nameof(endpoint));
        }

        if (fault == _foreignFault)
        {
            throw new ArgumentException($"{fault} is not a fault of {_provider}'s API: see the FakeFault's documentation.", nameof(fault));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _queue.AddRange(Enumerable.Repeat((endpoint, fault, latency), count));
        }
    }

    /// <summary>Delays the next <paramref name="count"/> answers of <paramref name="endpoint"/> by <paramref name="latency"/> (host clock).</summary>
    /// <param name="endpoint">One of the host's endpoints, or <see cref="FakeEndpoint.Any"/>.</param>
    /// <param name="latency">The added latency.</param>
    /// <param name="count">How many requests it applies to.</param>
    public void EnqueueLatency(FakeEndpoint endpoint, TimeSpan latency, int count = 1) => Enqueue(endpoint, FakeFault.None, count, latency);

    /// <summary>Drops every fault not used yet.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes the fault for one request to <paramref name="endpoint"/>: its own first, else one for any endpoint.</summary>
    internal (FakeFault Fault, TimeSpan Latency) Take(FakeEndpoint endpoint)
    {
        lock (_gate)
        {
            var index = endpoint == FakeEndpoint.Any ? -1 : _queue.FindIndex(e => e.Endpoint == endpoint);
            if (index < 0)
            {
                index = _queue.FindIndex(e => e.Endpoint == FakeEndpoint.Any);
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
}
