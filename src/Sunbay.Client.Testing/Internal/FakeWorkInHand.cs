namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// Counts the requests a fake host is working on, and registers each with the host's <see cref="FakeClock"/> (when it
/// runs on one), so that the clock's driver lets them finish before it moves the clock on: virtual time cannot pass a
/// caller's deadline while the fake is still answering it in memory, however slowly the machine runs the work. A
/// request held by injected latency waits on the clock and does not count while it waits.
/// </summary>
/// <param name="time">The host's clock, read when work starts (a host sets it in its constructor).</param>
internal sealed class FakeWorkInHand(Func<TimeProvider> time)
{
    // Set for the async flow of a request already counted (by the in-memory transport), so the host does not count it twice.
    private readonly AsyncLocal<bool> _counted = new();
    private int _count;

    /// <summary>Whether a request is being worked on (not merely waiting on the clock).</summary>
    public bool Busy => Volatile.Read(ref _count) > 0;

    /// <summary>
    /// Counts the calling flow as work in hand until the result is disposed: a transport calls it when a request
    /// arrives and disposes it once the response is handed back, covering the steps around <see cref="RunAsync{T}"/>.
    /// </summary>
    public IDisposable Begin()
    {
        if (_counted.Value)
        {
            return NotCounted.Instance;
        }

        _counted.Value = true;
        var clock = time() as FakeClock;
        Enter(clock);
        return new Scope(this, clock);
    }

    /// <summary>Runs <paramref name="work"/> counted as work in hand (once, if the transport already counts it).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        using (Begin())
        {
            return await work().ConfigureAwait(false);
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
        var clock = time as FakeClock;
        Exit(clock);
        try
        {
            await Task.Delay(latency, time).ConfigureAwait(false);
        }
        finally
        {
            Enter(clock);
        }
    }

    private void Enter(FakeClock? clock)
    {
        Interlocked.Increment(ref _count);
        clock?.WorkStarted();
    }

    private void Exit(FakeClock? clock)
    {
        clock?.WorkEnded();
        Interlocked.Decrement(ref _count);
    }

    private sealed class Scope(FakeWorkInHand owner, FakeClock? clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._counted.Value = false;
                owner.Exit(clock);
            }
        }
    }

    private sealed class NotCounted : IDisposable
    {
        public static readonly NotCounted Instance = new();

        public void Dispose()
        {
        }
    }
}
