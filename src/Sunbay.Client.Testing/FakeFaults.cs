using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// Fault injection: queue faults for the next calls of an endpoint (or of any endpoint). Each queued entry applies to
/// one request and is used up by it; entries for a specific endpoint are used before entries for <see cref="FakeEndpoint.Any"/>.
/// </summary>
/// <example><code>host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);</code></example>
public sealed class FakeFaults
{
    private readonly FaultQueue<FakeEndpoint> _queue = new();

    internal FakeFaults()
    {
    }

    /// <summary>The <c>Retry-After</c> sent with <see cref="FakeFault.TooManyRequests"/> (whole seconds). Default 1 second.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many queued faults have not been used yet.</summary>
    public int Pending => _queue.Pending;

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> requests to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint, or <see cref="FakeEndpoint.Any"/>.</param>
    /// <param name="fault">The fault; <see cref="FakeFault.None"/> with a <paramref name="latency"/> only slows the answer.</param>
    /// <param name="count">How many requests it applies to.</param>
    /// <param name="latency">Delay before the request is handled, on the host's <see cref="FakeSunbayHost.TimeProvider"/> (advance a fake clock to release it).</param>
    /// <exception cref="ArgumentException"><see cref="FakeFault.Conflict"/>: CM.com's, SUNBAY answers no 409.</exception>
    public void Enqueue(FakeEndpoint endpoint, FakeFault fault, int count = 1, TimeSpan latency = default)
    {
        if (fault == FakeFault.Conflict)
        {
            throw new ArgumentException("Conflict is a CM.com fault: SUNBAY's API answers no 409.", nameof(fault));
        }

        _queue.Enqueue(endpoint, fault, count, latency);
    }

    /// <summary>Delays the next <paramref name="count"/> answers of <paramref name="endpoint"/> by <paramref name="latency"/> (host clock).</summary>
    /// <param name="endpoint">The endpoint, or <see cref="FakeEndpoint.Any"/>.</param>
    /// <param name="latency">The added latency.</param>
    /// <param name="count">How many requests it applies to.</param>
    public void EnqueueLatency(FakeEndpoint endpoint, TimeSpan latency, int count = 1) => Enqueue(endpoint, FakeFault.None, count, latency);

    /// <summary>Drops every fault not used yet.</summary>
    public void Clear() => _queue.Clear();

    internal (FakeFault Fault, TimeSpan Latency) Take(FakeEndpoint endpoint) => _queue.Take(endpoint);
}
