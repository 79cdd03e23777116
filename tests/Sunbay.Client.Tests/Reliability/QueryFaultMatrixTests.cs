using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// The reconcile query (GET by <c>transactionRequestId</c>) under every fault, once (the retry recovers) and more often
/// than the retries allow (a typed error): retries are bounded and the answer is the host's.
/// </summary>
public sealed class QueryFaultMatrixTests : IAsyncLifetime
{
    private const int MaxGetRetries = 3;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;

    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var fault in Enum.GetNames<FakeFault>().Where(f => f != nameof(FakeFault.Conflict)).Append(Faults.Timeout))
            {
                data.Add(fault, 1);
                if (fault != nameof(FakeFault.None))
                {
                    data.Add(fault, MaxGetRetries + 1);
                }
            }

            return data;
        }
    }

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _client = _host.CreateClient(o =>
        {
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxGetRetries = MaxGetRetries;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_faulted_query_is_retried_a_bounded_number_of_times_and_answers_the_host_state(string fault, int times)
    {
        var sale = await _client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-Q", Description = "Query" });
        _time.Advance(TimeSpan.FromSeconds(3));
        var id = sale.TransactionRequestId!;
        Faults.Arm(_host, FakeEndpoint.Query, fault, times, Faults.GetLatency);

        var query = _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(id));
        var error = await Faults.Capture(DriveAsync(query));
        if (fault == Faults.Timeout)
        {
            // Requests the client gave up on are still answered (late) by the host: let them in before counting.
            var answered = () => Gets().Count == Math.Min(times + 1, 3);
            for (var i = 0; i < 100 && !answered(); i++)
            {
                _time.Advance(Faults.GetLatency); // again if the host started a delay after the last move
                await FakeTimeExtensions.WaitUntilAsync(answered, maxRounds: 200);
            }
        }

        var gets = Gets();
        var expected = Expected(fault, times);
        Assert.Equal(expected.Gets, gets.Count);
        Assert.InRange(gets.Count, 1, MaxGetRetries + 1);
        if (expected.Answers)
        {
            Assert.Null(error);
            var host = _host.FindTransaction(id)!;
            var found = await query;
            Assert.NotNull(found);
            Assert.Equal(host.TransactionId, found.TransactionId);
            Assert.Equal(TransactionStatus.Parse(host.Status), found.Status);
        }
        else if (fault == nameof(FakeFault.DuplicateClientRequestId))
        {
            Assert.Equal(FakeSunbayCodes.DuplicateRequest, Assert.IsType<SunbayApiException>(error).Code);
        }
        else
        {
            var transport = Assert.IsType<SunbayTransportException>(error);
            Assert.False(transport.OutcomeUnknown);
            Assert.Equal("query", transport.Operation);
        }

        if (fault == nameof(FakeFault.TooManyRequests))
        {
            // Retry-After is honoured over the (zero) backoff: each retry waits the host's 1 s.
            for (var i = 1; i < gets.Count; i++)
            {
                Assert.True(gets[i].Time - gets[i - 1].Time >= _host.Faults.RetryAfter, $"GET {i + 1} came {gets[i].Time - gets[i - 1].Time} after the one before.");
            }
        }
    }

    /// <summary>How many GETs and whether the host's answer comes back.</summary>
    private static (int Gets, bool Answers) Expected(string fault, int times) => fault switch
    {
        nameof(FakeFault.None) => (1, true),

        // A 200 with the right JSON: read as usual.
        nameof(FakeFault.WrongContentType) => (1, true),

        // A business error: an answer, not a transient failure, so not retried.
        nameof(FakeFault.DuplicateClientRequestId) => (1, false),

        // A redirect: never followed and not retried.
        _ when Faults.IsRedirect(fault) => (1, false),

        // A 200 whose body is not complete JSON fails its attempt (SunbayQueryBufferingHandler) and is retried like a 5xx.

        // 10 s per attempt within a 30 s total: three attempts at most.
        Faults.Timeout => times == 1 ? (2, true) : (3, false),

        // 5xx, 429, dropped connections: retried up to MaxGetRetries.
        _ => times <= MaxGetRetries ? (times + 1, true) : (MaxGetRetries + 1, false),
    };

    private async Task<Transaction?> DriveAsync(Task<Transaction?> query)
    {
        await _time.DriveUntilAsync(() => query.IsCompleted, TimeSpan.FromSeconds(1), maxSteps: 120);
        return await query;
    }

    private List<RecordedRequest> Gets() => [.. _host.Journal.Where(r => r.Endpoint == FakeEndpoint.Query)];
}
