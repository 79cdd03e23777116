using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// The circuit breaker refuses pushes while it is open, and lets them through again once its break is over, even when no
/// query ran since (a point of sale that only starts payments).
/// </summary>
public sealed class BreakerPromiseTests
{
    [Theory]
    [MemberData(nameof(AnswerPromiseTests.Providers), MemberType = typeof(AnswerPromiseTests))]
    public async Task Pushes_are_sent_again_after_the_break_without_any_query(ProviderCase provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var server = MisbehavingServer.Start(r => provider.IsQuery(r) ? Reply.Json(503, "{}") : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, time, maxGetRetries: 0);

        // Enough failed queries to open the breaker (20 in its sampling window, all failing).
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAnyAsync<PaymentsException>(() => client.QueryAsync());
        }

        var refused = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.StartAsync());
        Assert.False(refused.OutcomeUnknown);
        Assert.DoesNotContain(server.Requests, provider.IsStart);

        time.Advance(TimeSpan.FromSeconds(14));
        await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.StartAsync());
        Assert.DoesNotContain(server.Requests, provider.IsStart);

        time.Advance(TimeSpan.FromSeconds(2)); // the 15 s break is over; no query ran
        await client.StartAsync();
        Assert.Single(server.Requests, provider.IsStart);
    }

    [Theory]
    [MemberData(nameof(AnswerPromiseTests.Providers), MemberType = typeof(AnswerPromiseTests))]
    public async Task Queries_that_succeed_are_counted_by_the_breaker(ProviderCase provider)
    {
        // 21 answered queries, then 20 failing ones: 20 failures in 41 calls is under the 0.5 ratio, so the circuit stays
        // closed. Were the successes not counted (a first attempt sent past the breaker), 20 of 20 would open it.
        var queries = 0;
        await using var server = MisbehavingServer.Start(r => provider.IsQuery(r)
            ? Interlocked.Increment(ref queries) <= 21 ? provider.Normal(r) : Reply.Json(503, "{}")
            : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)), maxGetRetries: 0);

        for (var i = 0; i < 21; i++)
        {
            await client.QueryAsync();
        }

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAnyAsync<PaymentsException>(() => client.QueryAsync());
        }

        await client.StartAsync();
        Assert.Single(server.Requests, provider.IsStart);
    }

    [Theory]
    [MemberData(nameof(AnswerPromiseTests.Providers), MemberType = typeof(AnswerPromiseTests))]
    public async Task Every_attempt_of_a_retried_query_is_counted_and_an_open_circuit_sends_no_query(ProviderCase provider)
    {
        // Five queries of four attempts each (three retries): 20 failed attempts open the circuit. Were only first
        // attempts counted, five would not reach the minimum throughput of 20.
        await using var server = MisbehavingServer.Start(r => provider.IsQuery(r) ? Reply.Json(503, "{}") : provider.Normal(r));
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)), maxGetRetries: 3);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAnyAsync<PaymentsException>(() => client.QueryAsync());
        }

        Assert.Equal(20, server.Requests.Count(provider.IsQuery));
        var refused = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.StartAsync());
        Assert.False(refused.OutcomeUnknown);
        Assert.DoesNotContain(server.Requests, provider.IsStart);

        // Open: a query is refused before it is sent, and not retried.
        await Assert.ThrowsAnyAsync<PaymentsException>(() => client.QueryAsync());
        Assert.Equal(20, server.Requests.Count(provider.IsQuery));
    }
}
