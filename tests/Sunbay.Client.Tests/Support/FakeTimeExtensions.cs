using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Support;

/// <summary>
/// Drives work that runs on a fake clock and on loopback HTTP: the clock only moves when a test moves it, and the
/// HTTP round trips and host callbacks each move releases get bounded real time to run. Nothing waits for a duration.
/// To wait for a task, prefer <see cref="Sunbay.Client.Testing.FakeClock.RunUntilAsync{T}"/> (what users get), which
/// jumps to each due timer; these helpers remain for FakeTimeProvider tests (stub handlers, a condition to wait for).
/// </summary>
internal static class FakeTimeExtensions
{
    /// <summary>Moves fake time forward in steps until <paramref name="task"/> completes, then returns its result.</summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 5_000)
    {
        await time.DriveUntilAsync(() => task.IsCompleted, step, maxSteps, roundsPerStep: 1);
        return await task;
    }

    /// <summary>Moves fake time <paramref name="step"/> at a time until <paramref name="done"/>.</summary>
    public static async Task DriveUntilAsync(this FakeTimeProvider time, Func<bool> done, TimeSpan step, int maxSteps, int roundsPerStep = 20)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            time.Advance(step);
            await WaitUntilAsync(done, roundsPerStep);
        }

        Assert.True(done(), $"Not done after {maxSteps} steps of {step} of fake time.");
    }

    /// <summary>Lets other tasks run (loopback HTTP, host callbacks) until <paramref name="done"/>, bounded.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, int maxRounds = 5_000)
    {
        for (var i = 0; i < maxRounds && !done(); i++)
        {
            await Task.Delay(1);
        }
    }
}
