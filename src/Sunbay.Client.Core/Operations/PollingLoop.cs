namespace Sunbay.Client.Operations;

/// <summary>How often a wait reads a transaction: an interval that backs off after a while, with jitter.</summary>
/// <param name="InitialInterval">The interval at the start of the wait.</param>
/// <param name="BackoffAfter">How long the wait reads at <paramref name="InitialInterval"/> before backing off.</param>
/// <param name="BackoffMultiplier">The factor applied to the interval at each read once backing off.</param>
/// <param name="MaxInterval">The upper bound of the interval.</param>
/// <param name="Jitter">The random spread of each pause, as a fraction (0.2 = ±20 %).</param>
internal readonly record struct PollingSchedule(TimeSpan InitialInterval, TimeSpan BackoffAfter, double BackoffMultiplier, TimeSpan MaxInterval, double Jitter);

/// <summary>
/// The one wait of a long-running operation, for every provider (the shape of Azure.Core's operation helpers): read the
/// state, pause with backoff and jitter on the client's clock, keep waiting through failed reads, end at the first final
/// state, early when a notification (a verified webhook) arrives first, and at a deadline. The provider's operation
/// says what a read is, what is final, which failures keep the wait and what its deadline and timeout error are.
/// </summary>
/// <typeparam name="T">The provider's transaction.</typeparam>
internal sealed class PollingLoop<T>
    where T : class
{
    public required TimeProvider Time { get; init; }

    public required PollingSchedule Schedule { get; init; }

    /// <summary>One read of the state.</summary>
    public required Func<CancellationToken, Task<T>> Poll { get; init; }

    /// <summary>Whether a state read ends the wait.</summary>
    public required Func<T, bool> IsDone { get; init; }

    /// <summary>Whether a failed read leaves the wait going (it says nothing about the transaction).</summary>
    public required Func<Exception, bool> KeepsWaiting { get; init; }

    /// <summary>Reports a failed read that keeps the wait; <see langword="true"/> for the first of a series.</summary>
    public required Action<Exception, bool> PollFailed { get; init; }

    /// <summary>The notification that ends the wait early, when one is listened for (read again at each step).</summary>
    public Func<Task<T>?>? Notification { get; init; }

    /// <summary>What the wait returns for a notification.</summary>
    public Func<T, T> FromNotification { get; init; } = static t => t;

    /// <summary>A final state another wait on the same operation has already seen, if any.</summary>
    public Func<T?>? CompletedElsewhere { get; init; }

    /// <summary>When the wait gives up (read again at each step: it may move with what the reads learn).</summary>
    public Func<DateTimeOffset?>? Deadline { get; init; }

    /// <summary>The error of a wait past its <see cref="Deadline"/>, given the last failed read of the series, if any.</summary>
    public Func<Exception?, Exception>? TimedOut { get; init; }

    /// <summary>Runs before each read (SUNBAY: the abort at a set time); returns a time the next pause must not pass.</summary>
    public Func<CancellationToken, ValueTask<DateTimeOffset?>>? BeforePoll { get; init; }

    public async Task<T> RunAsync(CancellationToken cancellationToken)
    {
        var started = Time.GetUtcNow();
        var interval = Schedule.InitialInterval;
        Exception? lastError = null;
        while (true)
        {
            if (Notification?.Invoke() is { IsCompleted: true } early)
            {
                return FromNotification(await early.ConfigureAwait(false));
            }

            if (CompletedElsewhere?.Invoke() is { } seen)
            {
                return seen;
            }

            var wakeUp = BeforePoll is null ? null : await BeforePoll(cancellationToken).ConfigureAwait(false);
            try
            {
                var poll = Poll(cancellationToken);
                if (Notification?.Invoke() is { } notified && !poll.IsCompleted && await Task.WhenAny(poll, notified).ConfigureAwait(false) == notified)
                {
                    // The notification beat the read in flight: the read's answer, whenever it comes, changes nothing.
                    _ = poll.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return FromNotification(await notified.ConfigureAwait(false));
                }

                var current = await poll.ConfigureAwait(false);
                lastError = null;
                if (IsDone(current))
                {
                    return current;
                }
            }
            catch (Exception ex) when (KeepsWaiting(ex) && !cancellationToken.IsCancellationRequested)
            {
                // A failed read says nothing about the transaction, which may be paid on the terminal: keep waiting.
                PollFailed(ex, lastError is null);
                lastError = ex;
            }

            var now = Time.GetUtcNow();
            if (Deadline?.Invoke() is { } deadline && now > deadline && TimedOut is not null)
            {
                throw TimedOut(lastError);
            }

            var pause = Jittered(interval, Schedule.Jitter);
            if (wakeUp is { } at && at - now < pause)
            {
                pause = at > now ? at - now : TimeSpan.Zero;
            }

            var delay = Task.Delay(pause, Time, cancellationToken);
            if (Notification?.Invoke() is { } waiting && await Task.WhenAny(delay, waiting).ConfigureAwait(false) == waiting)
            {
                return FromNotification(await waiting.ConfigureAwait(false));
            }

            await delay.ConfigureAwait(false);
            if (Time.GetUtcNow() - started >= Schedule.BackoffAfter)
            {
                interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * Schedule.BackoffMultiplier), Schedule.MaxInterval.Ticks));
            }
        }
    }

    private static TimeSpan Jittered(TimeSpan interval, double jitter) =>
        jitter <= 0 ? interval : interval * (1 + (jitter * ((Random.Shared.NextDouble() * 2) - 1)));
}
