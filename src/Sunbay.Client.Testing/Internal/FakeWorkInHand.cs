namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// Counts the requests a fake host is working on, so that <see cref="FakeClock"/>'s driver lets them finish before it
/// moves the clock on; a request held by injected latency waits on the clock and does not count while it waits.
/// </summary>
internal sealed class FakeWorkInHand
{
    private int _count;

    /// <summary>Whether a request is being worked on (not merely waiting on the clock).</summary>
    public bool Busy => Volatile.Read(ref _count) > 0;

    /// <summary>Runs <paramref name="work"/> counted as work in hand.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        Interlocked.Increment(ref _count);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Waits <paramref name="latency"/> on the host's clock inside <see cref="RunAsync{T}"/>, not counted meanwhile.</summary>
    public async Task DelayAsync(TimeSpan latency, TimeProvider time)
    {
        if (latency <= TimeSpan.Zero)
        {
            return;
        }

        // Waiting on the clock is not work in hand: RunUntilAsync may move the clock past it.
        Interlocked.Decrement(ref _count);
        try
        {
            await Task.Delay(latency, time).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _count);
        }
    }
}
