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
}
