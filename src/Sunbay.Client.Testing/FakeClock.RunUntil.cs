using System.Diagnostics;

namespace Sunbay.Client.Testing;

// The driver: moves the clock from one due timer to the next until a task completes, letting released work settle between steps.
public sealed partial class FakeClock
{
    private const int QuietRounds = 5;
    private static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxIdleTime = TimeSpan.FromSeconds(3);

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
        long? heldSince = null;
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

            // Work that entered a fake host after the settle's last look holds the clock too (see SettleAsync).
            if (InFlight > 0)
            {
                heldSince ??= Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(heldSince.Value) < MaxIdleTime)
                {
                    continue;
                }
            }

            heldSince = null;

            // A call's time limit set just now, whose request has not reached the host yet, waits for it (bounded).
            if (NextIsUnreachedTimeLimit(MaxIdleTime))
            {
                continue;
            }

            SetUtcNow(next.Value < deadline ? next.Value : deadline);
            steps++;
        }

        await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Lets released work run until it goes quiet: nobody reads the clock or sets a timer, no request is in flight on
    /// a fake host and no transport is busy, for a few rounds. A request in flight holds the clock however long the
    /// machine takes to serve it (a loaded CI machine can take seconds), except that after <see cref="MaxIdleTime"/> of
    /// real time it no longer does: a request that never ends (an abandoned response) must not hang the test.
    /// </summary>
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
            var inFlight = InFlight > 0 && Stopwatch.GetElapsedTime(started) < MaxIdleTime;
            quiet = now == seen && !pending && !inFlight && busy?.Invoke() != true ? quiet + 1 : 0;
            seen = now;
        }
    }
}
