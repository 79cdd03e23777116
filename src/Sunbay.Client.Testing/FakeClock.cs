using System.Diagnostics;

namespace Sunbay.Client.Testing;

/// <summary>
/// A virtual clock for tests: time stands still until the test moves it, and it knows when its next timer is due, so
/// <see cref="RunUntilAsync{T}(Task{T}, TimeSpan, CancellationToken)"/> can drive a wait to its end by jumping from one
/// due timer to the next (a sale that polls every few seconds ends in a handful of steps, with no sleeping and no loop
/// in the test). Give the same instance to the fake host, the client and the application under test
/// (<see cref="FakeSunbayHostOptions.TimeProvider"/>; <see cref="FakeSunbayHost.CreateClient"/> and
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
public sealed class FakeClock : TimeProvider
{
    /// <summary>The default start: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int QuietRounds = 5;
    private static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxIdleTime = TimeSpan.FromSeconds(3);
    private readonly object _gate = new();
    private readonly List<FakeClockTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private long _activity;
    private long _timerOrder;

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

    /// <summary>
    /// Moves the clock until <paramref name="task"/> completes and returns its result. Between steps it lets the work
    /// the last step released run to a quiet point (continuations, in-memory HTTP round trips), then jumps straight to
    /// the next due timer: never further than <paramref name="maxVirtualTime"/> from now.
    /// </summary>
    /// <typeparam name="T">The task's result.</typeparam>
    /// <param name="task">What to wait for, e.g. <c>sale.WaitForCompletionAsync()</c>.</param>
    /// <param name="maxVirtualTime">The most virtual time to let pass, e.g. 5 minutes.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>The task's result (its exception, if it fails).</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on this clock can make it progress.</exception>
    public async Task<T> RunUntilAsync<T>(Task<T> task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default)
    {
        await RunUntilAsync((Task)task, maxVirtualTime, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the clock until <paramref name="task"/> completes. Between steps it lets the work the last step released
    /// run to a quiet point, then jumps straight to the next due timer: never further than <paramref name="maxVirtualTime"/> from now.
    /// </summary>
    /// <param name="task">What to wait for.</param>
    /// <param name="maxVirtualTime">The most virtual time to let pass.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>The task (awaited: its exception, if it fails, is thrown).</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on this clock can make it progress.</exception>
    public Task RunUntilAsync(Task task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default) =>
        RunUntilAsync(task, maxVirtualTime, busy: null, cancellationToken);

    /// <summary>The driver; <paramref name="busy"/> says when a transport still has work in hand (e.g. a request being answered).</summary>
    internal async Task RunUntilAsync(Task task, TimeSpan maxVirtualTime, Func<bool>? busy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVirtualTime, TimeSpan.Zero);
        var deadline = GetUtcNow() + maxVirtualTime;
        var steps = 0;
        long? idleSince = null;
        while (!task.IsCompleted)
        {
            await SettleAsync(task, busy, cancellationToken).ConfigureAwait(false);
            if (task.IsCompleted)
            {
                break;
            }

            var now = GetUtcNow();
            var next = NextTimerDue;
            if (now >= deadline)
            {
                throw new TimeoutException($"The task did not complete within {maxVirtualTime} of virtual time ({steps} steps; the clock is at {now:O}).");
            }

            if (next is null)
            {
                // Work that has not reached the clock yet (a first request warming up) gets real time before the verdict.
                idleSince ??= Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(idleSince.Value) < MaxIdleTime)
                {
                    continue;
                }

                throw new TimeoutException($"The task waits, but no timer is set on this FakeClock: moving the clock cannot complete it (after {steps} steps, at {now:O}). Does everything in the test use this clock?");
            }

            idleSince = null;
            SetUtcNow(next.Value < deadline ? next.Value : deadline);
            steps++;
        }

        await task.ConfigureAwait(false);
    }

    /// <summary>Lets released work run until it goes quiet: nobody reads the clock or sets a timer and no transport is busy for a few rounds.</summary>
    private async Task SettleAsync(Task task, Func<bool>? busy, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var quiet = 0;
        var rounds = 0;
        var seen = Activity;
        while (!task.IsCompleted && quiet < QuietRounds && Stopwatch.GetElapsedTime(started) < MaxSettleTime)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
            rounds++;
            var now = Activity;
            // Queued thread-pool work may be ours; other tests can keep the pool busy too, so it only counts for a while.
            var pending = rounds < 10 && ThreadPool.PendingWorkItemCount > 0;
            quiet = now == seen && !pending && busy?.Invoke() != true ? quiet + 1 : 0;
            seen = now;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"FakeClock {_now:O}";

    /// <summary>One timer of a <see cref="FakeClock"/>.</summary>
    private sealed class FakeClockTimer : ITimer
    {
        private readonly FakeClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public FakeClockTimer(FakeClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset Due { get; private set; }

        public long Order { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(dueTime));
            }

            if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(period));
            }

            Interlocked.Increment(ref _clock._activity);
            lock (_clock._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _clock._timers.Remove(this);
                _period = period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                Due = _clock._now + dueTime;
                Order = Interlocked.Increment(ref _clock._timerOrder);
                if (dueTime > TimeSpan.Zero)
                {
                    _clock._timers.Add(this);
                    return true;
                }
            }

            // Due now: like a system timer, it fires on the thread pool, not inside the caller.
            ThreadPool.UnsafeQueueUserWorkItem(static timer => timer.FireNow(), this, preferLocal: false);
            return true;
        }

        /// <summary>Under the clock's lock: the timer fires now; keep it for its next period or drop it.</summary>
        public void Rearm()
        {
            _clock._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan)
            {
                Due += _period;
                Order = Interlocked.Increment(ref _clock._timerOrder);
                _clock._timers.Add(this);
            }
        }

        public void Fire()
        {
            if (_context is null)
            {
                _callback(_state);
            }
            else
            {
                ExecutionContext.Run(_context, static s => { var t = (FakeClockTimer)s!; t._callback(t._state); }, this);
            }
        }

        public void Dispose()
        {
            lock (_clock._gate)
            {
                _disposed = true;
                _clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void FireNow()
        {
            lock (_clock._gate)
            {
                if (_disposed)
                {
                    return;
                }

                if (_period != Timeout.InfiniteTimeSpan)
                {
                    Due = _clock._now + _period;
                    Order = Interlocked.Increment(ref _clock._timerOrder);
                    _clock._timers.Add(this);
                }
            }

            Fire();
        }
    }
}
