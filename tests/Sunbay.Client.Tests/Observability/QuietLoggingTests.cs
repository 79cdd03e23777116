using Microsoft.Extensions.Logging;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Observability;

/// <summary>
/// Quiet by default: a sale and its wait, with polls and a retried query on the way, write at Information only the line
/// of the transaction's state change; every call, poll and retry is there, at Debug.
/// </summary>
public sealed class QuietLoggingTests
{
    [Fact]
    public async Task A_sale_and_its_wait_log_only_the_state_change_at_information_and_each_poll_and_retry_at_debug()
    {
        var clock = TestClients.VirtualClock();
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = clock, CardPresentDelay = TimeSpan.FromSeconds(6) });
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = new SunbayClientOptions();
        host.ConfigureClient(options);
        using var client = new SunbayClient(options, host.CreateHandler(), clock, factory);

        // The first poll is answered 503 twice before it gets through: two retries, no failed poll.
        host.Faults.Enqueue(FakeEndpoint.Query, FakeFault.ServiceUnavailable, count: 2);
        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-QUIET", Description = "Quiet" });
        var seen = new List<TransactionStatus>();
        var result = await host.RunUntilAsync(sale.WaitForCompletionAsync(new SynchronousProgress(t => seen.Add(t.Status))), TimeSpan.FromMinutes(5));

        Assert.Equal(TransactionStatus.Success, result.Status);
        var levels = logs.Lines.Select(Level).ToList();
        var information = logs.Lines.Where((_, i) => levels[i] >= LogLevel.Information).ToList();
        var line = Assert.Single(information);
        Assert.StartsWith("Information", line, StringComparison.Ordinal);
        Assert.Contains($"Transaction {sale.TransactionRequestId} reached final status Success (poll)", line, StringComparison.Ordinal);

        // What happened on the way is all there, one level down: the sale, every poll, both retries.
        var debug = logs.Lines.Where((_, i) => levels[i] == LogLevel.Debug).ToList();
        var polls = host.Journal.Count(r => r.Endpoint == FakeEndpoint.Query && r.StatusCode == 200);
        Assert.True(polls >= 3, $"Only {polls} polls: the wait must poll several times for the test to mean anything.");
        Assert.True(seen.Count >= 3 && seen[..^1].All(s => s == TransactionStatus.Processing), string.Join(", ", seen));
        Assert.Single(debug, l => l.Contains("SUNBAY sale answered", StringComparison.Ordinal));
        Assert.Equal(polls, debug.Count(l => l.Contains("SUNBAY query answered", StringComparison.Ordinal)));
        Assert.Equal(2, debug.Count(l => l.Contains("Retrying SUNBAY GET", StringComparison.Ordinal)));
    }

    private sealed class SynchronousProgress(Action<Transaction> report) : IProgress<Transaction>
    {
        public void Report(Transaction value) => report(value);
    }

    /// <summary>The level a <see cref="CapturingLoggerProvider"/> line starts with (scopes, which have none, count as Trace).</summary>
    private static LogLevel Level(string line) =>
        Enum.TryParse<LogLevel>(line.AsSpan(0, Math.Max(0, line.IndexOf(' ', StringComparison.Ordinal))), out var level) ? level : LogLevel.Trace;
}
