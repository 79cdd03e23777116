using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// Fault injection of a <see cref="FakeCmComHost"/>: queue faults for the next calls of an endpoint (or of any
/// endpoint), as <see cref="FakeFaults"/> does for SUNBAY. Each queued entry applies to one request and is used up by
/// it; entries for a specific endpoint are used before entries for <see cref="FakeCmComEndpoint.Any"/>. Error answers
/// are problem+json, as CM.com's.
/// </summary>
/// <example><code>host.Faults.Enqueue(FakeCmComEndpoint.StartTransaction, FakeFault.DropAfterRecording);</code></example>
public sealed class FakeCmComFaults
{
    private readonly FaultQueue<FakeCmComEndpoint> _queue = new();

    internal FakeCmComFaults()
    {
    }

    /// <summary>The <c>Retry-After</c> sent with <see cref="FakeFault.TooManyRequests"/> (whole seconds). Default 1 second.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many queued faults have not been used yet.</summary>
    public int Pending => _queue.Pending;

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> requests to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint, or <see cref="FakeCmComEndpoint.Any"/>.</param>
    /// <param name="fault">The fault; <see cref="FakeFault.None"/> with a <paramref name="latency"/> only slows the answer.</param>
    /// <param name="count">How many requests it applies to.</param>
    /// <param name="latency">Delay before the request is handled, on the host's <see cref="FakeCmComHost.TimeProvider"/>.</param>
    /// <exception cref="ArgumentException"><see cref="FakeFault.DuplicateClientRequestId"/>: SUNBAY's, CM.com has no request ids.</exception>
    public void Enqueue(FakeCmComEndpoint endpoint, FakeFault fault, int count = 1, TimeSpan latency = default)
    {
        if (fault == FakeFault.DuplicateClientRequestId)
        {
            throw new ArgumentException("DuplicateClientRequestId is a SUNBAY fault: CM.com's MerchantAPI has no client request ids.", nameof(fault));
        }

        _queue.Enqueue(endpoint, fault, count, latency);
    }

    /// <summary>Delays the next <paramref name="count"/> answers of <paramref name="endpoint"/> by <paramref name="latency"/> (host clock).</summary>
    /// <param name="endpoint">The endpoint, or <see cref="FakeCmComEndpoint.Any"/>.</param>
    /// <param name="latency">The added latency.</param>
    /// <param name="count">How many requests it applies to.</param>
    public void EnqueueLatency(FakeCmComEndpoint endpoint, TimeSpan latency, int count = 1) => Enqueue(endpoint, FakeFault.None, count, latency);

    /// <summary>Drops every fault not used yet.</summary>
    public void Clear() => _queue.Clear();

    internal (FakeFault Fault, TimeSpan Latency) Take(FakeCmComEndpoint endpoint) => _queue.Take(endpoint);
}
