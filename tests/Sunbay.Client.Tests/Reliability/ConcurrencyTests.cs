using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Sunbay.Client.Testing;
using Xunit.Abstractions;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// Many terminals at once on one client, with seeded random faults on pushes and queries: every operation ends in the
/// host's state, nothing is charged twice, and the SDK sends exactly the POSTs it was asked to.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261123;
    private const int TerminalCount = 50;
    private const int OperationsPerTerminal = 10;

    private static readonly FakeFault[] PushFaults = Enum.GetValues<FakeFault>().Where(f => f is not (FakeFault.None or FakeFault.Conflict)).ToArray();

    // Queries: faults the retry rides out without the clock moving (Retry-After needs time, the fake's clock stands still here).
    private static readonly FakeFault[] QueryFaults =
        [FakeFault.ServerError, FakeFault.BadGateway, FakeFault.ServiceUnavailableHtml, FakeFault.GatewayTimeoutHtml, FakeFault.DropBeforeRecording, FakeFault.DropAfterRecording];

    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly object _breakerGate = new();
    private readonly ConcurrentDictionary<string, int> _sends = new(StringComparer.Ordinal);
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;
    private int _unknown;
    private int _knownNotSent;
    private int _apiErrors;
    private int _resends;
    private int _breakerRejections;
    private DateTimeOffset _lastBreakWait;

    public Task InitializeAsync()
    {
        var options = new FakeSunbayHostOptions { TimeProvider = _time };
        options.TerminalSns.Clear();
        for (var i = 1; i <= TerminalCount; i++)
        {
            options.TerminalSns.Add($"T{i:D2}");
        }

        _host = FakeSunbayHost.Start(options);
        _client = _host.CreateClient(o => o.Retry.BaseDelay = TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Five_hundred_operations_on_fifty_terminals_under_random_faults_end_in_the_host_state_without_duplicates()
    {
        var random = new Random(Seed);
        var plans = Enumerable.Range(0, TerminalCount)
            .Select(t => Enumerable.Range(0, OperationsPerTerminal).Select(_ => Plan.Draw(random)).ToList())
            .ToList();
        var watch = Stopwatch.StartNew();

        var results = await Task.WhenAll(plans.Select((plan, t) => Task.Run(() => RunTerminalAsync($"T{t + 1:D2}", plan))));
        watch.Stop();

        var outcomes = results.SelectMany(r => r).ToList();
        Assert.Equal(TerminalCount * OperationsPerTerminal, outcomes.Count);
        foreach (var outcome in outcomes)
        {
            var host = _host.FindTransaction(outcome.TransactionRequestId);
            Assert.NotNull(host);
            Assert.True(outcome.Final.Status.IsFinal, outcome.Final.ToString());
            Assert.Equal(TransactionStatus.Parse(host.Status), outcome.Final.Status);
            Assert.Equal(host.TransactionId, outcome.Final.TransactionId);
        }

        // Zero duplicates, and nothing the SDK was not asked to send.
        var transactions = _host.Transactions;
        Assert.All(transactions.GroupBy(t => t.TransactionRequestId, StringComparer.Ordinal), g => Assert.Single(g));
        Assert.Equal(outcomes.Count, transactions.Count);
        var posts = _host.Journal.Where(r => r.Method == "POST").ToList();
        Assert.Equal(_sends.Values.Sum(), posts.Count);
        foreach (var outcome in outcomes)
        {
            var mine = posts.Where(p => Faults.Carries(p, outcome.TransactionRequestId)).ToList();
            Assert.Equal(_sends[outcome.TransactionRequestId], mine.Count);
            Assert.Single(mine, Faults.WasProcessed);
        }

        output.WriteLine(
            $"{outcomes.Count} operations on {TerminalCount} terminals in {watch.Elapsed.TotalSeconds:F1} s: {posts.Count} POSTs, " +
            $"{_host.Journal.Count(r => r.Method == "GET")} GETs, {_host.Journal.Count(r => r.Fault != FakeFault.None)} faults answered; " +
            $"{_unknown} outcome-unknown, {_knownNotSent} known-not-sent, {_apiErrors} API errors on first send, {_resends} re-sends, " +
            $"{_breakerRejections} circuit-breaker rejections; statuses {string.Join(", ", outcomes.GroupBy(o => o.Final.Status.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}; " +
            $"duplicates {transactions.Count - transactions.Select(t => t.TransactionRequestId).Distinct(StringComparer.Ordinal).Count()}.");
    }

    private async Task<List<Outcome>> RunTerminalAsync(string terminal, List<Plan> plan)
    {
        var outcomes = new List<Outcome>(plan.Count);
        var approvedSales = new Queue<Transaction>();
        var index = 0;
        foreach (var step in plan)
        {
            var id = Faults.RequestId(terminal, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            (PushRequest Request, FakeEndpoint Endpoint) push = step.Kind switch
            {
                Kind.Refund when approvedSales.Count > 0 => (RefundRequest.For(approvedSales.Dequeue()) with { TransactionRequestId = id, PushToTerminal = step.Amount % 2 == 0 }, FakeEndpoint.Refund),
                Kind.Void when approvedSales.Count > 0 => (VoidRequest.For(approvedSales.Dequeue()) with { TransactionRequestId = id }, FakeEndpoint.Void),
                _ => (new SaleRequest { Amount = step.Amount, Currency = "USD", ReferenceOrderId = $"ORDER-{terminal}-{index}", Description = "Concurrency", TerminalSn = terminal, TransactionRequestId = id }, FakeEndpoint.Sale),
            };
            if (step.PushFault is { } pushFault)
            {
                _host.Faults.Enqueue(push.Endpoint, pushFault);
            }

            if (step.QueryFault is { } queryFault)
            {
                _host.Faults.Enqueue(FakeEndpoint.Query, queryFault);
            }

            var final = await RunOperationAsync(terminal, push.Request, id, first: true);
            outcomes.Add(new Outcome(id, final));
            if (final.Type == TransactionType.Sale && final.IsApproved)
            {
                approvedSales.Enqueue(final);
            }
        }

        return outcomes;
    }

    /// <summary>The recommended pattern: send once; on any doubt query by transactionRequestId, re-send only when SUNBAY has nothing.</summary>
    private async Task<Transaction> RunOperationAsync(string terminal, PushRequest request, string id, bool first)
    {
        await SendAsync(request, id, first);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(id)) is null)
                {
                    Interlocked.Increment(ref _resends);
                    await SendAsync(request, id, first: false);
                    continue;
                }

                _host.Terminal(terminal).PresentCard();
                return await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(id));
            }
            catch (SunbayTransportException ex) when (!ex.OutcomeUnknown)
            {
                WaitOutBreaker(ex);
            }
        }

        throw new InvalidOperationException($"{id} did not reach a known state.");
    }

    private async Task SendAsync(PushRequest request, string id, bool first)
    {
        _sends.AddOrUpdate(id, 1, (_, n) => n + 1);
        try
        {
            _ = request switch
            {
                SaleRequest sale => await _client.StartSaleAsync(sale),
                RefundRequest refund => await _client.StartRefundAsync(refund),
                VoidRequest @void => await _client.StartVoidAsync(@void),
                _ => throw new InvalidOperationException(request.GetType().Name),
            };
        }
        catch (SunbayTransportException ex)
        {
            if (ex.InnerException is BrokenCircuitException)
            {
                _sends.AddOrUpdate(id, 0, (_, n) => n - 1); // rejected before sending
            }

            if (first)
            {
                Interlocked.Increment(ref ex.OutcomeUnknown ? ref _unknown : ref _knownNotSent);
            }

            Assert.Equal(id, ex.TransactionRequestId);
            WaitOutBreaker(ex);
        }
        catch (SunbayApiException ex) when (ex.Code == FakeSunbayCodes.DuplicateRequest)
        {
            // Rejected before processing; the query that follows confirms it.
            Interlocked.Increment(ref _apiErrors);
        }
    }

    /// <summary>An open breaker rejects everything until its break passes: the first worker to see it moves the clock on.</summary>
    private void WaitOutBreaker(SunbayTransportException ex)
    {
        if (ex.InnerException is not BrokenCircuitException)
        {
            return;
        }

        var seenAt = _time.GetUtcNow();
        Interlocked.Increment(ref _breakerRejections);
        lock (_breakerGate)
        {
            if (seenAt >= _lastBreakWait)
            {
                _time.Advance(BreakDuration);
                _lastBreakWait = _time.GetUtcNow();
            }
        }
    }

    private enum Kind
    {
        Sale,
        Refund,
        Void,
    }

    private sealed record Plan(Kind Kind, long Amount, FakeFault? PushFault, FakeFault? QueryFault)
    {
        public static Plan Draw(Random random) => new(
            random.Next(10) switch { < 6 => Kind.Sale, < 8 => Kind.Refund, _ => Kind.Void },
            random.Next(100, 5000),
            random.NextDouble() < 0.3 ? PushFaults[random.Next(PushFaults.Length)] : null,
            random.NextDouble() < 0.1 ? QueryFaults[random.Next(QueryFaults.Length)] : null);
    }

    private sealed record Outcome(string TransactionRequestId, Transaction Final);
}
