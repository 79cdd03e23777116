namespace Sunbay.Client.Testing;

/// <summary>
/// A virtual clock for tests: time stands still until the test moves it, and it knows when its next timer is due, so
/// <see cref="RunUntilAsync{T}(Task{T}, TimeSpan, CancellationToken)"/> can drive a wait to its end by jumping from one
/// due timer to the next (a sale that polls every few seconds ends in a handful of steps, with no sleeping and no loop
/// in the test). Give the same instance to the fake host, the client and the application under test
/// (<see cref="FakeProviderHostOptions.TimeProvider"/>; <see cref="FakeSunbayHost.CreateClient"/> and
/// <c>services.AddFakeSunbay(host)</c> pass it on).
/// </summary>
/// <remarks>
/// Why not <c>FakeTimeProvider</c>: it cannot tell when its next timer is due, so a driver could only move it in fixed
/// steps (small steps are slow, large ones overshoot timeouts). <see cref="Advance"/> and <see cref="SetUtcNow"/> behave
/// like <c>FakeTimeProvider</c>'s: due timers fire in order, each at its own due time, on the calling thread.
/// Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeClock();
/// await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = clock });
/// using var client = host.CreateClient();
/// var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" });
/// var result = await clock.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
/// </code>
/// </example>
public sealed partial class FakeClock : TimeProvider
{
    /// <summary>The default start: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<FakeClockTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private long _activity;
    private long _timerOrder;
    private int _inFlight;
    private long _workStarts;

    /// <summary>A clock that starts at <see cref="DefaultStart"/>.</summary>
    public FakeClock()
        : this(DefaultStart)
    {
    }

    /// <summary>A clock that starts at <paramref name="start"/>.</summary>
    /// <param name="start">The first time the clock reports.</param>
    public FakeClock(DateTimeOffset start)
    {
        _start = start;
        _now = start;
    }

    /// <summary>When the earliest active timer is due, or <see langword="null"/> when no timer is waiting.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.Due);
            }
        }
    }

    /// <summary>How many timers are waiting (delays, timeouts, periodic timers).</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Changes each time anything reads the clock or sets a timer: a sign that work is still going on.</summary>
    internal long Activity => Interlocked.Read(ref _activity);

    /// <summary>How many requests a fake host is serving in memory on this clock right now; the driver does not move the clock meanwhile.</summary>
    internal int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A fake host started serving a request on this clock.</summary>
    internal void WorkStarted()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _workStarts);
        Interlocked.Increment(ref _activity);
    }

    /// <summary>A fake host finished serving a request (or put it to wait on this clock).</summary>
    internal void WorkEnded()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _activity);
    }

    /// <summary>
    /// Whether the timer due next is a time limit (a timer that cancels a <see cref="CancellationTokenSource"/>) set
    /// less than <paramref name="hold"/> of real time ago, with no request reaching a fake host since: the call it
    /// limits is still on its way to the host (a loaded machine can hold a thread between setting the limit and
    /// sending), so firing it now would time out a call the fake would answer at once.
    /// </summary>
    internal bool NextIsUnreachedTimeLimit(TimeSpan hold)
    {
        lock (_gate)
        {
            FakeClockTimer? next = null;
            foreach (var timer in _timers)
            {
                if (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Order < next.Order))
                {
                    next = timer;
                }
            }

            return next is { IsTimeLimit: true } && next.WorkStartsWhenSet == Interlocked.Read(ref _workStarts)
                && global::System.Diagnostics.Stopwatch.GetElapsedTime(next.SetAt) < hold;
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref _activity);
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _activity);
        lock (_gate)
        {
            return (_now - _start).Ticks;
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way, in order, each at its due time.</summary>
    /// <param name="delta">How far; not negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        SetUtcNow(target);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer due on the way, in order, each at its due time.</summary>
    /// <param name="value">The new time; not earlier than the current one.</param>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"A FakeClock only moves forward; it is {_now:O}.");
            }
        }

        Interlocked.Increment(ref _activity);
        while (true)
        {
            FakeClockTimer? due;
            lock (_gate)
            {
                due = null;
                foreach (var timer in _timers)
                {
                    if (timer.Due <= value && (due is null || timer.Due < due.Due || (timer.Due == due.Due && timer.Order < due.Order)))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    _now = value;
                    return;
                }

                _now = due.Due;
                due.Rearm();
            }

            due.Fire();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"FakeClock {_now:O}";
}
