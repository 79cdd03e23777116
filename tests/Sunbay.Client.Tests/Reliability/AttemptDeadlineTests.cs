using Polly.Timeout;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// A query's two time limits: each attempt's (<c>GetAttempt</c>) and the call's total (<c>GetTotal</c>). The first
/// attempt shares the call's own limit, armed for the attempt and then for what is left of the total: these pin that a
/// lone attempt still ends at the attempt limit, and that a retry gets a fresh attempt limit inside the total. Time moves
/// only when the test moves it; every request waits until the test answers it.
/// </summary>
public sealed class AttemptDeadlineTests
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_query_without_retries_ends_at_its_attempt_limit_not_at_the_total()
    {
        var time = TestClients.Clock();
        var handler = new GatedHandler();
        using var client = Create(handler, time, maxGetRetries: 0);

        var query = client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("DEADLINE-1"));
        await handler.NextAsync();
        time.Advance(Attempt);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(error.OutcomeUnknown);
        Assert.Equal(Attempt, Assert.IsType<TimeoutRejectedException>(error.InnerException).Timeout);
    }

    [Fact]
    public async Task A_retry_after_a_first_attempt_that_timed_out_has_its_own_attempt_limit_from_its_start()
    {
        // The first attempt times out at 10 s; the retry starts then, and its own 10 s run from its start, so an answer
        // at 19 s is in time (the first attempt's limit is not the retry's).
        var time = TestClients.Clock();
        var handler = new GatedHandler();
        using var client = Create(handler, time, maxGetRetries: 3);

        var query = client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("DEADLINE-2"));
        await handler.NextAsync();
        time.Advance(Attempt);
        var retry = await handler.NextAsync();
        time.Advance(TimeSpan.FromSeconds(9));
        retry.Respond(StubHandler.Query("DEADLINE-2", "S"));

        var transaction = await query.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("DEADLINE-2", transaction.TransactionRequestId);
    }

    [Fact]
    public async Task Each_retry_gets_a_fresh_attempt_limit_and_the_total_still_ends_the_call()
    {
        // 0 s: first attempt; 10 s: it times out, the retry is sent; 20 s: the retry's own limit passes, a third attempt
        // is sent; 25 s: the total passes during it, and nothing more is sent.
        var time = TestClients.Clock();
        var handler = new GatedHandler();
        using var client = Create(handler, time, maxGetRetries: 3);

        var query = client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("DEADLINE-3"));
        await handler.NextAsync();
        time.Advance(Attempt);
        await handler.NextAsync();
        time.Advance(Attempt);
        await handler.NextAsync();
        time.Advance(Total - Attempt - Attempt);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Total, Assert.IsType<TimeoutRejectedException>(error.InnerException).Timeout);
        Assert.Equal(3, handler.Sent);
    }

    private static SunbayClient Create(GatedHandler handler, TimeProvider time, int maxGetRetries) =>
        new(TestClients.Options(o =>
        {
            o.Timeouts.GetAttempt = Attempt;
            o.Timeouts.GetTotal = Total;
            o.Retry.MaxGetRetries = maxGetRetries;
        }), handler, time);
}
