namespace Sunbay.Client.Benchmarks;
internal static class ThroughputRun
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
internal static class PollingRun
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
