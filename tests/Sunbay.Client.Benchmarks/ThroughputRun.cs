using System.Diagnostics;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- throughput`: 1,000 sale operations over 100 fake terminals (100 at a time: a terminal takes one transaction at a
/// time), each started and awaited to its final status by polling; then 100,000 queries against the canned Kestrel
/// server with process memory before and after.
/// </summary>
internal static class ThroughputRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        const int Terminals = 100;
        const int Operations = 1_000;
        var cardDelay = TimeSpan.FromMilliseconds(300);
        var pollInterval = TimeSpan.FromMilliseconds(250);
        var hostOptions = new FakeSunbayHostOptions { CardPresentDelay = cardDelay };
        hostOptions.TerminalSns.Clear();
        for (var i = 0; i < Terminals; i++)
        {
            hostOptions.TerminalSns.Add($"T{i:D3}");
        }

        await using var host = FakeSunbayHost.Start(hostOptions);
        using var client = host.CreateClient(o => o.Polling.InitialInterval = pollInterval);
        Console.WriteLine($"== throughput: {Operations} sales over {Terminals} terminals (CardPresentDelay {cardDelay.TotalMilliseconds} ms, polling every {pollInterval.TotalMilliseconds} ms ±20 %), FakeSunbayHost");

        // Warm up (JIT, connections) on every terminal, then forget the journal.
        await Task.WhenAll(Enumerable.Range(0, Terminals).Select(t => SaleAsync(client, $"T{t:D3}")));
        var journalStart = host.Journal.Count;

        var durations = new double[Operations];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Terminals).Select(async t =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Operations)
            {
                durations[index] = (await SaleAsync(client, $"T{t:D3}")).TotalMilliseconds;
            }
        }));
        total.Stop();
        var journal = host.Journal.Skip(journalStart).ToList();
        var gets = journal.Count(r => r.Method == "GET");
        var posts = journal.Count(r => r.Method == "POST");
        Array.Sort(durations);
        Console.WriteLine($"operations            {Operations} in {total.Elapsed.TotalSeconds:F2} s = {Operations / total.Elapsed.TotalSeconds:F1} ops/s (bounded by {Terminals} terminals x card delay + polling)");
        Console.WriteLine($"time to final status  p50 {Percentile(durations, 0.50):F0} ms, p99 {Percentile(durations, 0.99):F0} ms, max {durations[^1]:F0} ms");
        Console.WriteLine($"requests              {posts} POST, {gets} GET = {gets / (double)Operations:F2} GETs per operation");

        await MemoryAsync(args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        return 0;
    }

    private static async Task<TimeSpan> SaleAsync(SunbayClient client, string terminal)
    {
        var started = Stopwatch.GetTimestamp();
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee", TerminalSn = terminal });
        var result = await sale.WaitForCompletionAsync();
        if (result.Status != TransactionStatus.Success)
        {
            throw new InvalidOperationException($"Sale on {terminal} ended {result.Status}.");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>100,000 GetTransactionAsync calls (8 at a time) against the canned Kestrel server; memory after a warm-up vs after.</summary>
    private static async Task MemoryAsync(int calls)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new SunbayClient(new SunbayClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = Canned.ApiKey,
            AppId = Canned.AppId,
            MerchantId = Canned.MerchantId,
            TerminalSn = Canned.TerminalSn,
        });
        await RunCallsAsync(client, 5_000);
        var (heapBefore, wsBefore) = Measure();
        var sw = Stopwatch.StartNew();
        await RunCallsAsync(client, calls);
        sw.Stop();
        var (heapAfter, wsAfter) = Measure();
        Console.WriteLine($"== memory: {calls:N0} GetTransactionAsync calls (8 concurrent) against Kestrel on loopback: {calls / sw.Elapsed.TotalSeconds:F0} calls/s");
        Console.WriteLine($"managed heap after GC {heapBefore / 1024.0 / 1024:F1} MB -> {heapAfter / 1024.0 / 1024:F1} MB ({Growth(heapBefore, heapAfter)})");
        Console.WriteLine($"working set           {wsBefore / 1024.0 / 1024:F1} MB -> {wsAfter / 1024.0 / 1024:F1} MB ({Growth(wsBefore, wsAfter)})");
    }

    private static async Task RunCallsAsync(SunbayClient client, int calls)
    {
        var remaining = calls;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await client.GetTransactionAsync(TransactionLookup.ByTransactionId(Canned.TransactionId));
            }
        }));
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static string Growth(long before, long after) => $"{(after - before) * 100.0 / before:+0.0;-0.0} %";

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
