using BenchmarkDotNet.Running;
using Sunbay.Client.Benchmarks;

// Run by hand (Release), never by `dotnet test`. The SDK is reached only through SunbayCalls.cs (public API).
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- interleaved [--rounds 30] [--calls 2000] [--warmup N] [--show-requests]
//     the README's "Per call: interleaved ratios to a raw `HttpClient`": per provider (SUNBAY: floor, Sunbay.Client and, when built with
//     SUNBAY_OFFICIAL_SDK=<clone>, SUNBAY's official SDK; CM.com: floor and CmComClient) in one process, alternating order each round,
//     medians of time and bytes per call as ratios to the floor, printed as a Markdown table (InterleavedRun.cs; the command: README, Performance)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- --filter '*' --job short   (BenchmarkDotNet: API with Stripe.net, webhooks)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- throughput                (1,000 sales on 100 fake terminals, 100,000 queries)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- polling                   (detection delay and GETs/s, polling and webhooks)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- profile [--calls 20000] [--rounds 3] [--case NAME --seconds S]
//     the clients over loopback and over an in-memory handler (client cost alone); one case in a loop to attach a profiler
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- journal [--rounds 10] [--calls 1000] [--redis 127.0.0.1:6379]
//     what the payment journal costs per start (none, in memory, Redis) (JournalRun.cs)
// Cold start (JIT and Native AOT, whole process): tests/Sunbay.Client.ColdStart/measure.sh
switch (args.FirstOrDefault())
{
    case "interleaved":
        return await InterleavedRun.RunAsync(args[1..]);
    case "throughput":
        return await ThroughputRun.RunAsync(args[1..]);
    case "polling":
        return await PollingRun.RunAsync(args[1..]);
    case "profile":
        return await ProfileRun.RunAsync(args[1..]);
    case "webhook": // `webhook [--rounds 100] [--calls 2000] [--case NAME --seconds S]`: issue 22's webhook targets, interleaved (WebhookRun in WebhookBenchmarks.cs)
        return WebhookRun.Run(args[1..]);
    case "journal":
        return await JournalRun.RunAsync(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ApiBenchmarks).Assembly).Run(args);
        return 0;
}
