using BenchmarkDotNet.Running;
using Sunbay.Client.Benchmarks;

// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- --filter '*' --job short   (BenchmarkDotNet)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- throughput                (1,000 sales on 100 fake terminals, 100,000 queries)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- polling                   (detection delay and GETs/s, polling and webhooks)
// dotnet run -c Release --project tests/Sunbay.Client.Benchmarks -- interleaved [--rounds 30] [--calls 2000]  (README per-call ratios)
switch (args.FirstOrDefault())
{
    case "interleaved":
        return await InterleavedRun.RunAsync(args[1..]);
    case "throughput":
        return await ThroughputRun.RunAsync(args[1..]);
    case "profile":
        return await ProfileRun.RunAsync(args[1..]);
    case "polling":
        return await PollingRun.RunAsync(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ApiBenchmarks).Assembly).Run(args);
        return 0;
}
