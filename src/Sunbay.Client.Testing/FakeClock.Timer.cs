namespace Sunbay.Client.Testing;

// The clock's timers: what CreateTimer returns, kept in the clock's list while due, fired by SetUtcNow.
public sealed partial class FakeClock
{
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

        /// <summary>A time limit: its callback cancels a token source (the SDK's call limits, <c>CancelAfter</c>).</summary>
        public bool IsTimeLimit => _state is CancellationTokenSource;

        /// <summary>How many requests had reached a fake host on this clock when the timer was last set.</summary>
        public long WorkStartsWhenSet { get; private set; }

        /// <summary>The real time (<see cref="global::System.Diagnostics.Stopwatch"/>) the timer was last set.</summary>
        public long SetAt { get; private set; }

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
                WorkStartsWhenSet = Interlocked.Read(ref _clock._workStarts);
                SetAt = global::System.Diagnostics.Stopwatch.GetTimestamp();
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
