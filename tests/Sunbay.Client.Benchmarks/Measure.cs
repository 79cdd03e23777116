using System.Diagnostics;

namespace Sunbay.Client.Benchmarks;

/// <summary>One batch of sequential calls, measured per call; the harness itself allocates nothing per call.</summary>
internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="call"/> <paramref name="calls"/> times, one after the other, after a full collection. Wall time
    /// (Stopwatch over the batch), bytes allocated by every thread (GC.GetTotalAllocatedBytes, precise: the in-process
    /// server's share included), the process's CPU time (user + system, every thread) and gen-0 collections.
    /// </summary>
    public static async Task<Sample> BatchAsync(Func<Task> call, int calls)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = Environment.CpuUsage.TotalTime;
        var gen0 = GC.CollectionCount(0);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var collections = GC.CollectionCount(0) - gen0;
        var cpuTime = Environment.CpuUsage.TotalTime - cpu;
        return new Sample(elapsed.TotalMicroseconds / calls, (double)allocated / calls, cpuTime.TotalMicroseconds / calls, collections * 1000.0 / calls);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>; <paramref name="fallback"/> when absent, -1 when unreadable.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at < 0 ? fallback
            : at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
            : -1;
    }
}

/// <summary>Per call: wall microseconds, bytes allocated, CPU microseconds (all threads), gen-0 collections per 1,000 calls.</summary>
internal readonly record struct Sample(double Micros, double Bytes, double CpuMicros, double Gen0PerThousand);
