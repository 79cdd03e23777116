using System.Buffers;
using System.Globalization;
using System.Net;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- profile [--calls 20000] [--rounds 3] [--case NAME --seconds S | --case NAME --allocs]`: where a call's cost goes, with the SDK's public
/// API only. Each client is measured over two transports: the loopback server (as in `interleaved`), and an in-memory
/// primary handler that answers the same canned bytes without a socket, a kernel or a server thread, so what remains
/// is the client's own cost (the SDK's facade, generated client, handlers and resilience pipeline against the floor's
/// few lines); CM.com's purchase and get likewise. Per call: wall time, CPU time, bytes and gen-0 collections per 1,000 calls; rounds alternate the order.
/// Quick and rough, for finding causes; the README's figures come from `interleaved`.
/// With `--case NAME --seconds S` it runs one case in a loop for S seconds (to attach a profiler such as dotnet-trace
/// or `perf`), NAME being one of the printed case names (e.g. sunbay-query-memory). With `--case NAME --allocs` it prints
/// the bytes per call of each type the case allocates, sampled (<see cref="AllocationSampler"/>).
/// </summary>
internal static class ProfileRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        // Before the options existed the first argument was the number of calls (`profile 10000`): still accepted.
        var calls = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, Invariant, out var legacy) ? legacy : Measure.Option(args, "--calls", 20_000);
        var rounds = Measure.Option(args, "--rounds", 3);
        var seconds = Measure.Option(args, "--seconds", 0);
        var only = Array.IndexOf(args, "--case") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (calls < 1 || rounds < 1 || seconds < 0)
        {
            Console.Error.WriteLine("usage: profile [--calls N] [--rounds R] [--case NAME --seconds S]");
            return 2;
        }

        await using var server = await LoopbackServer.StartAsync();
        var memoryAddress = new Uri("https://sunbay.invalid/"); // never resolved: the in-memory handler answers
        var floorLoopback = new HttpClient(FloorClient.CreateHandler()) { BaseAddress = server.BaseAddress };
        var floorMemory = new HttpClient(new InMemoryHandler()) { BaseAddress = memoryAddress };
        using var sunbayLoopback = SunbayCalls.Create(server.BaseAddress);
        using var sunbayMemory = SunbayCalls.Create(memoryAddress, new InMemoryHandler());
        var floors = (Loopback: new FloorClient(floorLoopback), Memory: new FloorClient(floorMemory));

        // The floor with the SDK's transport settings (PipelineHttp.CreatePrimaryHandler: connections renewed every 5
        // minutes, a connect timeout, no decompression since issue 22; and an Accept header): what those settings cost
        // on a socket, apart from the SDK's code.
        var floorAsSdkHandler = FloorClient.CreateHandler();
        floorAsSdkHandler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        floorAsSdkHandler.ConnectTimeout = TimeSpan.FromSeconds(30);
        var floorAsSdkHttp = new HttpClient(floorAsSdkHandler) { BaseAddress = server.BaseAddress, DefaultRequestHeaders = { { "Accept", "application/json" } } };
        var floorAsSdk = new FloorClient(floorAsSdkHttp);
        var cmFloorMemory = new HttpClient(new InMemoryHandler()) { BaseAddress = memoryAddress };
        var cmFloor = new CmComFloorClient(cmFloorMemory);
        using var cmcomMemory = CmComCalls.Create(new Uri("http://127.0.0.1:1/"), new InMemoryHandler()); // loopback http: the in-memory handler answers
        var cmFloorLoopbackHttp = new HttpClient(FloorClient.CreateHandler()) { BaseAddress = server.BaseAddress };
        var cmFloorLoopback = new CmComFloorClient(cmFloorLoopbackHttp);
        using var cmcomLoopback = CmComCalls.Create(server.BaseAddress);
        var cases = new (string Name, Func<Task> Call)[]
        {
            ("floor-sale-memory", () => floors.Memory.SaleAsync()),
            ("sunbay-sale-memory", () => SunbayCalls.Sale(sunbayMemory)),
            ("floor-query-memory", () => floors.Memory.QueryAsync(Canned.TransactionId)),
            ("sunbay-query-memory", () => SunbayCalls.Query(sunbayMemory)),
            ("cmfloor-purchase-memory", () => cmFloor.PurchaseAsync()),
            ("cmcom-purchase-memory", () => CmComCalls.Purchase(cmcomMemory)),
            ("cmfloor-get-memory", () => cmFloor.GetAsync(CmComEnvelopes.TransactionId)),
            ("cmcom-get-memory", () => CmComCalls.Get(cmcomMemory)),
            ("floor-sale-loopback", () => floors.Loopback.SaleAsync()),
            ("sunbay-sale-loopback", () => SunbayCalls.Sale(sunbayLoopback)),
            ("floor-query-loopback", () => floors.Loopback.QueryAsync(Canned.TransactionId)),
            ("sunbay-query-loopback", () => SunbayCalls.Query(sunbayLoopback)),
            ("cmfloor-purchase-loopback", () => cmFloorLoopback.PurchaseAsync()),
            ("cmcom-purchase-loopback", () => CmComCalls.Purchase(cmcomLoopback)),
            ("cmfloor-get-loopback", () => cmFloorLoopback.GetAsync(CmComEnvelopes.TransactionId)),
            ("cmcom-get-loopback", () => CmComCalls.Get(cmcomLoopback)),
            ("floor-sale-loopback-again", () => floors.Loopback.SaleAsync()),
            ("floor-sale-loopback-sdk-transport", () => floorAsSdk.SaleAsync()),
            ("floor-query-loopback-again", () => floors.Loopback.QueryAsync(Canned.TransactionId)),
            ("floor-query-loopback-sdk-transport", () => floorAsSdk.QueryAsync(Canned.TransactionId)),
        };
        try
        {
            Console.WriteLine($"# {await SunbayCalls.DescribeAsync(sunbayMemory)} (in memory)");
            Console.WriteLine($"# {await CmComCalls.DescribeAsync(cmcomMemory)} (in memory)");
            if (only is not null)
            {
                var call = cases.FirstOrDefault(c => c.Name == only).Call
                    ?? throw new ArgumentException($"No case '{only}'; cases: {string.Join(", ", cases.Select(c => c.Name))}.");
                if (args.Contains("--allocs"))
                {
                    // Which types one call allocates, sampled (AllocationSampler): --calls calls, after a warm-up.
                    await Measure.BatchAsync(call, Math.Max(100, calls / 10));
                    using var sampler = new AllocationSampler();
                    await Task.Delay(500);
                    sampler.Start();
                    var measured = await Measure.BatchAsync(call, calls);
                    sampler.Stop();
                    await Task.Delay(500);
                    Console.WriteLine(string.Create(Invariant, $"# {only}: {measured.Bytes:F0} B/call measured"));
                    foreach (var line in sampler.Report(calls, 40))
                    {
                        Console.WriteLine(line);
                    }

                    return 0;
                }

                var until = DateTime.UtcNow.AddSeconds(Math.Max(1, seconds));
                var sample = default(Sample);
                for (var n = 1; DateTime.UtcNow < until; n++)
                {
                    sample = await Measure.BatchAsync(call, calls);
                    Console.WriteLine(string.Create(Invariant, $"{only} batch {n}: {sample.Micros:F1} us/call wall, {sample.CpuMicros:F1} us/call CPU, {sample.Bytes:F0} B/call"));
                }

                return 0;
            }

            foreach (var (_, call) in cases)
            {
                await Measure.BatchAsync(call, Math.Max(100, calls / 10));
            }

            var samples = cases.Select(_ => new List<Sample>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                // Pairs (floor, sunbay) stay next to each other; their order flips every round.
                for (var pair = 0; pair < cases.Length; pair += 2)
                {
                    foreach (var i in round % 2 == 0 ? new[] { pair, pair + 1 } : [pair + 1, pair])
                    {
                        samples[i].Add(await Measure.BatchAsync(cases[i].Call, calls));
                    }
                }
            }

            Console.WriteLine(string.Create(Invariant, $"# medians of {rounds} rounds x {calls} sequential calls; bytes and CPU include the loopback server's share on loopback"));
            Console.WriteLine("| case | wall µs/call | CPU µs/call | B/call | gen0 per 1k calls | ÷ floor (wall, CPU, bytes) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            for (var i = 0; i < cases.Length; i++)
            {
                var floor = samples[i - i % 2];
                var (wall, cpu, bytes) = (Measure.Median(samples[i].Select(s => s.Micros)), Measure.Median(samples[i].Select(s => s.CpuMicros)), Measure.Median(samples[i].Select(s => s.Bytes)));
                var ratios = i % 2 == 0 ? "1.00×" : string.Create(Invariant, $"{wall / Measure.Median(floor.Select(s => s.Micros)):F2}×, {cpu / Measure.Median(floor.Select(s => s.CpuMicros)):F2}×, {bytes / Measure.Median(floor.Select(s => s.Bytes)):F2}×");
                Console.WriteLine(string.Create(Invariant, $"| {cases[i].Name} | {wall:F1} | {cpu:F1} | {bytes:N0} | {Measure.Median(samples[i].Select(s => s.Gen0PerThousand)):F1} | {ratios} |"));
            }

            return 0;
        }
        finally
        {
            floorLoopback.Dispose();
            floorMemory.Dispose();
            cmFloorMemory.Dispose();
            cmFloorLoopbackHttp.Dispose();
            floorAsSdkHttp.Dispose();
        }
    }

    /// <summary>
    /// A primary handler that plays the canned server in memory: it copies the request body out (as a socket would take
    /// it), answers a sale with the echoing envelope and a query with the canned one, with the headers Kestrel sends.
    /// </summary>
    private sealed class InMemoryHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var length = 0;
                if (request.Content is { } content)
                {
                    using var sink = new MemoryStream(buffer, writable: true);
                    await content.CopyToAsync(sink, cancellationToken);
                    length = (int)sink.Position;
                }

                byte[] body;
                var path = request.RequestUri!.AbsolutePath;
                if (path == SunbayEnvelopes.SalePath)
                {
                    Span<byte> answer = stackalloc byte[SunbayEnvelopes.SaleResponseMaxLength];
                    body = answer[..SunbayEnvelopes.WriteSaleResponse(buffer.AsSpan(0, length), answer)].ToArray();
                }
                else if (path == SunbayEnvelopes.QueryPath)
                {
                    body = SunbayEnvelopes.QueryResponse;
                }
                else if (path == CmComEnvelopes.TransactionsPath || path == CmComEnvelopes.TransactionPath)
                {
                    body = path == CmComEnvelopes.TransactionPath ? CmComEnvelopes.Cleared : CmComEnvelopes.Created;
                }
                else
                {
                    return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
                }

                var response = new HttpResponseMessage(path == CmComEnvelopes.TransactionsPath ? HttpStatusCode.Created : HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(body) };
                response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                response.Headers.TryAddWithoutValidation("Date", DateTimeOffset.UtcNow.ToString("r", Invariant));
                response.Headers.TryAddWithoutValidation("Server", "Kestrel");
                return response;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
