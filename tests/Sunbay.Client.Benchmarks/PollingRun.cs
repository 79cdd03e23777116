using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// `-- polling`: with the default <see cref="SunbayPollingOptions"/> (1 s, ±20 % jitter), how long after the terminal
/// finishes an awaiting operation sees the final status, and how many GETs per second each operation sends; then the
/// same with webhooks (FakeSunbayHost -> MapSunbayWebhooks in this process -> the client's notification bus).
/// </summary>
internal static class PollingRun
{
    private const int Terminals = 30;
    private const int Rounds = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var defaults = new SunbayPollingOptions();
        Console.WriteLine($"== polling: default SunbayPollingOptions (InitialInterval {defaults.InitialInterval.TotalSeconds} s, Jitter ±{defaults.Jitter:P0}, BackoffAfter {defaults.BackoffAfter.TotalSeconds} s), {Terminals} terminals x {Rounds} rounds, card delay 2-6 s");
        await PollingOnlyAsync();
        Console.WriteLine("== webhooks: FakeSunbayHost -> MapSunbayWebhooks (Kestrel, this process) -> ITransactionNotificationBus -> waiting operation");
        await WithWebhooksAsync();
        return 0;
    }

    private static FakeSunbayHost StartHost()
    {
        var options = new FakeSunbayHostOptions();
        options.TerminalSns.Clear();
        for (var i = 0; i < Terminals; i++)
        {
            options.TerminalSns.Add($"T{i:D3}");
        }

        var host = FakeSunbayHost.Start(options);
        var random = new Random(42);
        foreach (var terminal in host.Terminals)
        {
            terminal.CardPresentDelay = TimeSpan.FromMilliseconds(2_000 + random.Next(4_000));
        }

        return host;
    }

    private static async Task PollingOnlyAsync()
    {
        await using var host = StartHost();
        using var client = host.CreateClient();
        var results = new ConcurrentBag<(double DelayMs, int Gets, double Seconds)>();
        for (var round = 0; round < Rounds; round++)
        {
            await Task.WhenAll(host.Terminals.Select(async t =>
            {
                var (requestId, started, done) = await SaleAsync(client, t.Sn);
                var fake = host.FindTransaction(requestId)!;
                var gets = host.Journal.Count(r => r.Method == "GET" && r.PathAndQuery.Contains(requestId, StringComparison.Ordinal));
                results.Add(((done - fake.CompletedAt!.Value).TotalMilliseconds, gets, (done - started).TotalSeconds));
            }));
        }

        Report("polling only", results.ToList(), "after the terminal finished");
    }

    private static async Task WithWebhooksAsync()
    {
        await using var host = StartHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var bus = new TimingBus(new InProcessTransactionNotificationBus());
        builder.Services.AddSingleton<ITransactionNotificationBus>(bus);
        builder.Services.AddSunbayWebhooks(o =>
        {
            foreach (var secret in host.WebhookSecrets)
            {
                o.Secrets.Add(secret);
            }
        });
        await using var app = builder.Build();
        app.MapSunbayWebhooks("/webhooks/sunbay", (_, _) => Task.CompletedTask);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var options = new SunbayClientOptions();
        host.ConfigureClient(options);
        options.NotifyUrl = address + "/webhooks/sunbay";
        using var client = new SunbayClient(options, notificationBus: bus);

        var results = new ConcurrentBag<(double DelayMs, int Gets, double Seconds)>();
        var fromTerminal = new ConcurrentBag<double>();
        for (var round = 0; round < Rounds; round++)
        {
            await Task.WhenAll(host.Terminals.Select(async t =>
            {
                var (requestId, started, done) = await SaleAsync(client, t.Sn);
                var fake = host.FindTransaction(requestId)!;
                var gets = host.Journal.Count(r => r.Method == "GET" && r.PathAndQuery.Contains(requestId, StringComparison.Ordinal));
                fromTerminal.Add((done - fake.CompletedAt!.Value).TotalMilliseconds);
                var published = bus.PublishedAt(requestId);
                results.Add((published is { } p ? (done - p).TotalMilliseconds : double.NaN, gets, (done - started).TotalSeconds));
            }));
        }

        Report("with webhooks", results.ToList(), "after the verified webhook was published to the bus");
        var sorted = fromTerminal.Order().ToArray();
        Console.WriteLine($"  end to end (terminal finished -> operation completed): median {ThroughputRun.Percentile(sorted, 0.5):F1} ms, p99 {ThroughputRun.Percentile(sorted, 0.99):F1} ms");
        Console.WriteLine($"  operations completed by webhook: {results.Count(r => !double.IsNaN(r.DelayMs))} of {results.Count}");
        await app.StopAsync();
    }

    private static async Task<(string RequestId, DateTimeOffset Started, DateTimeOffset Done)> SaleAsync(SunbayClient client, string terminal)
    {
        var started = DateTimeOffset.UtcNow;
        var (requestId, _) = await SunbayCalls.SaleToCompletionAsync(client, terminal);
        return (requestId, started, DateTimeOffset.UtcNow);
    }

    private static void Report(string name, List<(double DelayMs, int Gets, double Seconds)> results, string after)
    {
        var delays = results.Select(r => r.DelayMs).Where(d => !double.IsNaN(d)).Order().ToArray();
        var rate = results.Sum(r => r.Gets) / results.Sum(r => r.Seconds);
        var perOp = results.Average(r => r.Gets / r.Seconds);
        Console.WriteLine($"  {name}: detection delay {after}: median {ThroughputRun.Percentile(delays, 0.5):F1} ms, p90 {ThroughputRun.Percentile(delays, 0.9):F1} ms, max {delays.LastOrDefault():F1} ms (n={delays.Length})");
        Console.WriteLine($"  {name}: GETs per operation {results.Average(r => r.Gets):F2}; GETs per second per operation: {rate:F2} (pooled), {perOp:F2} (mean of operations); operation length mean {results.Average(r => r.Seconds):F2} s");
    }

    /// <summary>Forwards to the real bus and notes when each verified webhook was published.</summary>
    private sealed class TimingBus(ITransactionNotificationBus inner) : ITransactionNotificationBus
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _published = new();

        public DateTimeOffset? PublishedAt(string requestId) => _published.TryGetValue(requestId, out var at) ? at : null;

        public ValueTask PublishAsync(Transaction transaction, CancellationToken cancellationToken = default)
        {
            _published.TryAdd(transaction.TransactionRequestId, DateTimeOffset.UtcNow);
            return inner.PublishAsync(transaction, cancellationToken);
        }

        public IDisposable Subscribe(Action<Transaction> handler) => inner.Subscribe(handler);
    }
}
