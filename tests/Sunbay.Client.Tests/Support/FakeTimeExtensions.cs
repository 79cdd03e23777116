using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Support;

internal static class FakeTimeExtensions
{
    /// <summary>
    /// Moves fake time forward in steps until <paramref name="task"/> completes, letting the continuations that each step
    /// releases run in between. Time is never waited for: only the fake clock moves.
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 5_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(1));
        }

        Assert.True(task.IsCompleted, $"The task did not complete within {maxSteps} steps of {step} of fake time.");
        return await task;
    }
}
