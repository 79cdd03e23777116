using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- interleaved [--rounds 30] [--calls 2000] [--warmup N] [--show-requests]`: the README's per-call ratios. In one
/// process, against the canned loopback server, every contender makes N sales (POST) and N queries (GET) per round, in
/// alternating order round by round (A B C, then C B A, ...), so that a drift of the shared machine's speed falls on
/// every contender alike; per batch, the wall time (Stopwatch) and the bytes allocated (GC.GetTotalAllocatedBytes,
/// precise, which includes the in-process server's share, the same for every client) divided by N. Prints the medians
/// over the rounds and each one's ratio to the raw-HttpClient floor as a Markdown table for the README, then the
/// spread (min-max of the rounds and the per-round paired ratios).
/// </summary>
internal static class InterleavedRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Measure.Option(args, "--rounds", 30);
        var calls = Measure.Option(args, "--calls", 2_000);
        var warmup = Measure.Option(args, "--warmup", calls);
        if (rounds < 1 || calls < 1 || warmup < 0)
        {
            Console.Error.WriteLine("usage: interleaved [--rounds R (>= 1; 20 or more for the README)] [--calls N (>= 1)] [--warmup N] [--show-requests]");
            return 2;
        }

        await using var server = await LoopbackServer.StartAsync();
        var contenders = Contenders(server.BaseAddress);
        try
        {
            if (args.Contains("--show-requests"))
            {
                await ShowRequestsAsync(contenders);
            }

            foreach (var contender in contenders)
            {
                Console.WriteLine($"# {contender.Name}: {await contender.Check()}");
            }

            var operations = new (string Name, Func<Contender, Func<Task>> Call)[] { ("sale (POST)", c => c.Sale), ("query (GET)", c => c.Query) };
            Console.WriteLine(string.Create(Invariant, $"# warm-up: {warmup} calls of each operation per client"));
            foreach (var (_, call) in operations)
            {
                foreach (var contender in contenders)
                {
                    await Measure.BatchAsync(call(contender), warmup);
                }
            }

            // samples[operation][contender][round]
            var samples = operations.Select(_ => contenders.Select(_ => new Sample[rounds]).ToArray()).ToArray();
            var settle = Math.Max(10, calls / 20);
            for (var round = 0; round < rounds; round++)
            {
                var order = Enumerable.Range(0, contenders.Count).ToArray();
                if (round % 2 == 1)
                {
                    Array.Reverse(order);
                }

                var line = new StringBuilder(string.Create(Invariant, $"# round {round + 1,2}/{rounds}:"));
                for (var o = 0; o < operations.Length; o++)
                {
                    foreach (var c in order)
                    {
                        var call = operations[o].Call(contenders[c]);
                        await Measure.BatchAsync(call, settle); // the previous contender's state out of the caches
                        samples[o][c][round] = await Measure.BatchAsync(call, calls);
                    }

                    line.Append(' ').Append(operations[o].Name.Split(' ')[0]);
                    foreach (var c in order)
                    {
                        line.Append(Invariant, $" {contenders[c].Short} {samples[o][c][round].Micros:F1} us");
                    }
                }

                Console.WriteLine(line);
            }

            Report(operations.Select(o => o.Name).ToArray(), contenders, samples, rounds, calls);
            return 0;
        }
        finally
        {
            foreach (var contender in contenders)
            {
                contender.Owner.Dispose();
            }
        }
    }

    /// <summary>
    /// The clients compared, the floor first. SUNBAY's official .NET SDK (package Sunbay.Nexus.Sdk) belongs here as a
    /// third contender, but the NuGet feed this project restores from does not serve it (no version of that name), so it
    /// is not measured.
    /// </summary>
    private static List<Contender> Contenders(Uri baseAddress)
    {
        var floorHttp = new HttpClient(FloorClient.CreateHandler()) { BaseAddress = baseAddress };
        var floor = new FloorClient(floorHttp);
        var sunbay = SunbayCalls.Create(baseAddress);
        return
        [
            new("raw HttpClient (floor)", "floor", floorHttp, () => floor.SaleAsync(), () => floor.QueryAsync(Canned.TransactionId), async () =>
            {
                var sale = await floor.SaleAsync();
                var query = await floor.QueryAsync(Canned.TransactionId);
                return $"sale {sale.Data?.TransactionId} dispatched ({sale.Data?.TransactionRequestId}); query {query.Data?.TransactionId} {query.Data?.TransactionStatus} {query.Data?.Amount?.TransAmount}";
            }),
            new($"Sunbay.Client {SunbayCalls.Version}", "sunbay", sunbay, () => SunbayCalls.Sale(sunbay), () => SunbayCalls.Query(sunbay), () => SunbayCalls.DescribeAsync(sunbay)),
        ];
    }

    private static async Task ShowRequestsAsync(List<Contender> contenders)
    {
        var recorded = new System.Collections.Concurrent.ConcurrentQueue<string>();
        LoopbackServer.Recorded = recorded;
        try
        {
            foreach (var contender in contenders)
            {
                await contender.Sale();
                await contender.Query();
                Console.WriteLine($"# requests of {contender.Name}:");
                while (recorded.TryDequeue(out var request))
                {
                    Console.Write(request);
                }
            }
        }
        finally
        {
            LoopbackServer.Recorded = null;
        }
    }

    private static void Report(string[] operations, List<Contender> contenders, Sample[][][] samples, int rounds, int calls)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant, $"Interleaved on loopback: median of {rounds} rounds x {calls} sequential calls per client, order alternating each round; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC. Bytes include the in-process server's share, the same for every client."));
        Console.WriteLine();
        Console.WriteLine("| per call | client | time | bytes | time ÷ floor | bytes ÷ floor |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var o = 0; o < operations.Length; o++)
        {
            var floorTime = Measure.Median(samples[o][0].Select(s => s.Micros));
            var floorBytes = Measure.Median(samples[o][0].Select(s => s.Bytes));
            for (var c = 0; c < contenders.Count; c++)
            {
                var time = Measure.Median(samples[o][c].Select(s => s.Micros));
                var bytes = Measure.Median(samples[o][c].Select(s => s.Bytes));
                Console.WriteLine(string.Create(Invariant, $"| {operations[o]} | {contenders[c].Name} | {time:F1} µs | {bytes:N0} B | {time / floorTime:F2}× | {bytes / floorBytes:F2}× |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("SUNBAY's official .NET SDK (Sunbay.Nexus.Sdk): not measured, the NuGet feed does not serve it.");
        Console.WriteLine();
        Console.WriteLine("Spread over the rounds (min–max); the ratio to the floor taken round by round (median, min–max); CPU time of the whole process (client and server threads) per call, which a busy machine disturbs less than wall time:");
        Console.WriteLine();
        Console.WriteLine("| per call | client | time min–max | bytes min–max | time ÷ floor per round | bytes ÷ floor per round | CPU per call | CPU ÷ floor per round |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (var o = 0; o < operations.Length; o++)
        {
            for (var c = 0; c < contenders.Count; c++)
            {
                var s = samples[o][c];
                var f = samples[o][0];
                var timeRatios = s.Select((x, r) => x.Micros / f[r].Micros).ToArray();
                var byteRatios = s.Select((x, r) => x.Bytes / f[r].Bytes).ToArray();
                var cpuRatios = s.Select((x, r) => x.CpuMicros / f[r].CpuMicros).ToArray();
                Console.WriteLine(string.Create(Invariant, $"| {operations[o]} | {contenders[c].Name} | {s.Min(x => x.Micros):F1}–{s.Max(x => x.Micros):F1} µs | {s.Min(x => x.Bytes):N0}–{s.Max(x => x.Bytes):N0} B | {Measure.Median(timeRatios):F2}× ({timeRatios.Min():F2}–{timeRatios.Max():F2}) | {Measure.Median(byteRatios):F2}× ({byteRatios.Min():F2}–{byteRatios.Max():F2}) | {Measure.Median(s.Select(x => x.CpuMicros)):F1} µs | {Measure.Median(cpuRatios):F2}× ({cpuRatios.Min():F2}–{cpuRatios.Max():F2}) |"));
            }
        }
    }

    private sealed record Contender(string Name, string Short, IDisposable Owner, Func<Task> Sale, Func<Task> Query, Func<Task<string>> Check);
}
