using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- interleaved [--rounds 30] [--calls 2000] [--warmup N] [--show-requests]`: the README's per-call ratios. In one
/// process, against the canned loopback server, every contender of a provider makes N calls of each of its two
/// operations per round (SUNBAY: sale POST, query GET; CM.com: purchase POST, get GET), in alternating order round by
/// round (A B C, then C B A, ...), so that a drift of the shared machine's speed falls on every contender alike; per
/// batch, the wall time (Stopwatch) and the bytes allocated (GC.GetTotalAllocatedBytes, precise, which includes the
/// in-process server's share, the same for every client) divided by N. Contenders: each provider's floor (the leanest
/// correct raw-HttpClient request, Floor.cs and CmComFloor.cs) and this SDK's client; for SUNBAY also SUNBAY's official
/// .NET SDK when built with SUNBAY_OFFICIAL_SDK (OfficialCalls.cs). Prints the medians over the rounds and each one's
/// ratio to its provider's floor as a Markdown table for the README, then the spread (min-max of the rounds and the
/// per-round paired ratios).
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
        var groups = Groups(server.BaseAddress);
        try
        {
            if (args.Contains("--show-requests"))
            {
                await ShowRequestsAsync(groups);
            }

            foreach (var group in groups)
            {
                foreach (var contender in group.Contenders)
                {
                    Console.WriteLine($"# {group.Provider}, {contender.Name}: {await contender.Check()}");
                }
            }

            Console.WriteLine($"# SUNBAY's official .NET SDK: {OfficialCalls.Status}");
            Console.WriteLine(string.Create(Invariant, $"# warm-up: {warmup} calls of each operation per client"));
            foreach (var group in groups)
            {
                for (var o = 0; o < group.Operations.Length; o++)
                {
                    foreach (var contender in group.Contenders)
                    {
                        await Measure.BatchAsync(contender.Calls[o], warmup);
                    }
                }
            }

            // samples[group][operation][contender][round]
            var samples = groups.Select(g => g.Operations.Select(_ => g.Contenders.Select(_ => new Sample[rounds]).ToArray()).ToArray()).ToArray();
            var settle = Math.Max(10, calls / 20);
            for (var round = 0; round < rounds; round++)
            {
                var line = new StringBuilder(string.Create(Invariant, $"# round {round + 1,2}/{rounds}:"));
                for (var g = 0; g < groups.Count; g++)
                {
                    var group = groups[g];
                    var order = Enumerable.Range(0, group.Contenders.Count).ToArray();
                    if (round % 2 == 1)
                    {
                        Array.Reverse(order);
                    }

                    for (var o = 0; o < group.Operations.Length; o++)
                    {
                        foreach (var c in order)
                        {
                            var call = group.Contenders[c].Calls[o];
                            await Measure.BatchAsync(call, settle); // the previous contender's state out of the caches
                            samples[g][o][c][round] = await Measure.BatchAsync(call, calls);
                        }

                        line.Append(' ').Append(group.Operations[o].Split(' ')[0]);
                        foreach (var c in order)
                        {
                            line.Append(Invariant, $" {group.Contenders[c].Short} {samples[g][o][c][round].Micros:F1}");
                        }
                    }
                }

                Console.WriteLine(line.Append(" (µs/call)"));
            }

            Report(groups, samples, rounds, calls);
            return 0;
        }
        finally
        {
            foreach (var contender in groups.SelectMany(g => g.Contenders))
            {
                contender.Owner.Dispose();
            }
        }
    }

    /// <summary>The providers and their clients compared, each provider's floor first.</summary>
    private static List<Group> Groups(Uri baseAddress)
    {
        var floorHttp = new HttpClient(FloorClient.CreateHandler()) { BaseAddress = baseAddress };
        var floor = new FloorClient(floorHttp);
        var sunbay = SunbayCalls.Create(baseAddress);
        List<Contender> sunbayContenders =
        [
            new("raw HttpClient (floor)", "floor", floorHttp, [() => floor.SaleAsync(), () => floor.QueryAsync(Canned.TransactionId)], async () =>
            {
                var sale = await floor.SaleAsync();
                var query = await floor.QueryAsync(Canned.TransactionId);
                return $"sale {sale.Data?.TransactionId} dispatched ({sale.Data?.TransactionRequestId}); query {query.Data?.TransactionId} {query.Data?.TransactionStatus} {query.Data?.Amount?.TransAmount}";
            }),
            new($"Sunbay.Client {SunbayCalls.Version}", "sunbay", sunbay, [() => SunbayCalls.Sale(sunbay), () => SunbayCalls.Query(sunbay)], () => SunbayCalls.DescribeAsync(sunbay)),
        ];
#if SUNBAY_OFFICIAL_SDK
        var official = OfficialCalls.Create(baseAddress);
        sunbayContenders.Add(new($"Sunbay.Nexus.Sdk {OfficialCalls.Version} (SUNBAY's)", "official", new OfficialCalls.Owner(official),
            [() => OfficialCalls.Sale(official), () => OfficialCalls.Query(official)], () => OfficialCalls.DescribeAsync(official)));
#endif

        var cmFloorHttp = new HttpClient(FloorClient.CreateHandler()) { BaseAddress = baseAddress };
        var cmFloor = new CmComFloorClient(cmFloorHttp);
        var cmcom = CmComCalls.Create(baseAddress);
        List<Contender> cmcomContenders =
        [
            new("raw HttpClient (floor)", "floor", cmFloorHttp, [() => cmFloor.PurchaseAsync(), () => cmFloor.GetAsync(CmComEnvelopes.TransactionId)], async () =>
            {
                var created = await cmFloor.PurchaseAsync();
                var read = await cmFloor.GetAsync(CmComEnvelopes.TransactionId);
                return $"purchase {created.Id} {created.Status}; get {read.Id} {read.Status} {read.Result} {read.Amount?.Value}";
            }),
            new($"Sunbay.Client.CmCom {SunbayCalls.Version}", "cmcom", cmcom, [() => CmComCalls.Purchase(cmcom), () => CmComCalls.Get(cmcom)], () => CmComCalls.DescribeAsync(cmcom)),
        ];
        return [new("SUNBAY", ["sale (POST)", "query (GET)"], sunbayContenders), new("CM.com", ["purchase (POST)", "get (GET)"], cmcomContenders)];
    }

    private static async Task ShowRequestsAsync(List<Group> groups)
    {
        var recorded = new System.Collections.Concurrent.ConcurrentQueue<string>();
        LoopbackServer.Recorded = recorded;
        try
        {
            foreach (var contender in groups.SelectMany(g => g.Contenders))
            {
                foreach (var call in contender.Calls)
                {
                    await call();
                }

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

    private static void Report(List<Group> groups, Sample[][][][] samples, int rounds, int calls)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant, $"Interleaved on loopback: median of {rounds} rounds x {calls} sequential calls per client, order alternating each round; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC. Bytes include the in-process server's share, the same for every client."));
        Console.WriteLine();
        Console.WriteLine("| per call | client | time | bytes | time ÷ floor | bytes ÷ floor |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var g = 0; g < groups.Count; g++)
        {
            for (var o = 0; o < groups[g].Operations.Length; o++)
            {
                var floorTime = Measure.Median(samples[g][o][0].Select(s => s.Micros));
                var floorBytes = Measure.Median(samples[g][o][0].Select(s => s.Bytes));
                for (var c = 0; c < groups[g].Contenders.Count; c++)
                {
                    var time = Measure.Median(samples[g][o][c].Select(s => s.Micros));
                    var bytes = Measure.Median(samples[g][o][c].Select(s => s.Bytes));
                    Console.WriteLine(string.Create(Invariant, $"| {groups[g].Provider} {groups[g].Operations[o]} | {groups[g].Contenders[c].Name} | {time:F1} µs | {bytes:N0} B | {time / floorTime:F2}× | {bytes / floorBytes:F2}× |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"SUNBAY's official .NET SDK (Sunbay.Nexus.Sdk): {OfficialCalls.Status}.");
        Console.WriteLine();
        Console.WriteLine("Spread over the rounds (min–max); the ratio to the floor taken round by round (median, min–max); CPU time of the whole process (client and server threads) per call, which a busy machine disturbs less than wall time:");
        Console.WriteLine();
        Console.WriteLine("| per call | client | time min–max | bytes min–max | time ÷ floor per round | bytes ÷ floor per round | CPU per call | CPU ÷ floor per round |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (var g = 0; g < groups.Count; g++)
        {
            for (var o = 0; o < groups[g].Operations.Length; o++)
            {
                for (var c = 0; c < groups[g].Contenders.Count; c++)
                {
                    var s = samples[g][o][c];
                    var f = samples[g][o][0];
                    var timeRatios = s.Select((x, r) => x.Micros / f[r].Micros).ToArray();
                    var byteRatios = s.Select((x, r) => x.Bytes / f[r].Bytes).ToArray();
                    var cpuRatios = s.Select((x, r) => x.CpuMicros / f[r].CpuMicros).ToArray();
                    Console.WriteLine(string.Create(Invariant, $"| {groups[g].Provider} {groups[g].Operations[o]} | {groups[g].Contenders[c].Name} | {s.Min(x => x.Micros):F1}–{s.Max(x => x.Micros):F1} µs | {s.Min(x => x.Bytes):N0}–{s.Max(x => x.Bytes):N0} B | {Measure.Median(timeRatios):F2}× ({timeRatios.Min():F2}–{timeRatios.Max():F2}) | {Measure.Median(byteRatios):F2}× ({byteRatios.Min():F2}–{byteRatios.Max():F2}) | {Measure.Median(s.Select(x => x.CpuMicros)):F1} µs | {Measure.Median(cpuRatios):F2}× ({cpuRatios.Min():F2}–{cpuRatios.Max():F2}) |"));
                }
            }
        }
    }

    /// <summary>One provider: its two operations (POST, GET) and its clients, the floor first.</summary>
    private sealed record Group(string Provider, string[] Operations, List<Contender> Contenders);

    /// <summary>One client: its calls, one per operation of its provider, in the provider's order.</summary>
    private sealed record Contender(string Name, string Short, IDisposable Owner, Func<Task>[] Calls, Func<Task<string>> Check);
}
