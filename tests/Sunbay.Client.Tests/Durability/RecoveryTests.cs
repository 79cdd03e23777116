using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Tests.Durability;

/// <summary>
/// The journal's recovery, in process: another instance (or the same one after a restart) resolves what the first left
/// open through the provider's query and delivers each outcome once; an entry whose request never arrived ends as
/// "not received" within the provider's window.
/// </summary>
public sealed class RecoveryTests
{
    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task A_payment_left_open_by_a_dead_instance_is_resolved_by_the_next_and_delivered_once(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var dead = fixture.StartInstance();
        await fixture.RunAsync(dead.Payments.StartPaymentAsync(fixture.Payment("key-orphan-001")));

        var next = fixture.StartInstance();
        var delivered = await fixture.RunAsync(next.Recovery.ResolveOpenAsync(includeRecent: true));
        var again = await fixture.RunAsync(next.Recovery.ResolveOpenAsync(includeRecent: true));

        Assert.Equal(1, delivered);
        Assert.Equal(0, again);
        var resolution = Assert.Single(next.Handler.Received);
        Assert.Equal("recovery", resolution.Source);
        Assert.Equal(CardPaymentStatus.Approved, resolution.Outcome!.Status);
        Assert.Empty(dead.Handler.Received);
        Assert.Equal(1, fixture.Starts);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task A_lost_answer_is_resolved_by_lookup_and_never_sent_again(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var dead = fixture.StartInstance();
        fixture.LoseNextStartAnswer();
        await Assert.ThrowsAsync<CardPaymentOutcomeUnknownException>(() => fixture.RunAsync(dead.Payments.StartPaymentAsync(fixture.Payment())));

        var next = fixture.StartInstance();
        Assert.Equal(1, await fixture.RunAsync(next.Recovery.ResolveOpenAsync(includeRecent: true)));

        Assert.Equal(CardPaymentStatus.Approved, Assert.Single(next.Handler.Received).Outcome!.Status);
        Assert.Equal(1, fixture.Starts);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task Two_instances_racing_on_the_same_entries_deliver_each_once(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var dead = fixture.StartInstance();
        for (var i = 0; i < 5; i++)
        {
            await fixture.RunAsync(dead.Payments.StartPaymentAsync(fixture.Payment($"key-race-{i:D4}", reference: $"order-race-{i:D4}")));
            await fixture.RunAsync(DelayAsync(fixture, TimeSpan.FromSeconds(30))); // the terminal finishes it; nobody waits
        }

        var a = fixture.StartInstance();
        var b = fixture.StartInstance();
        var both = await fixture.RunAsync(Task.WhenAll(a.Recovery.ResolveOpenAsync(true), b.Recovery.ResolveOpenAsync(true)));

        Assert.Equal(5, both.Sum());
        var keys = a.Handler.Received.Concat(b.Handler.Received).Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"key-race-{i:D4}"), keys);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task An_entry_whose_request_never_left_ends_as_not_received_within_the_window(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();

        // The crash came after the entry was written and before the request left.
        var entry = new PaymentJournalEntry
        {
            Key = "key-never-left1",
            Provider = provider,
            Kind = CardPaymentKind.Payment,
            Amount = fixture.Amount(),
            MerchantReference = "order-never-left",
            State = PaymentJournalState.Sending,
            OpenedAt = fixture.Clock.GetUtcNow(),
        };
        Assert.True(await fixture.Store.TryOpenAsync(entry.Key, PaymentJournalRecord.Write(entry)));
        var started = fixture.Clock.GetUtcNow();

        Assert.Equal(1, await fixture.RunAsync(app.Recovery.ResolveOpenAsync(includeRecent: true)));

        var resolution = Assert.Single(app.Handler.Received);
        Assert.True(resolution.NotReceived);
        Assert.Equal(PaymentJournalState.NotReceived, resolution.Entry.State);
        Assert.InRange(fixture.Clock.GetUtcNow() - started, TimeSpan.FromSeconds(29), TimeSpan.FromMinutes(2.5));
        Assert.Equal(0, fixture.Starts);

        // Nothing was charged: the same key starts the payment now.
        var operation = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-never-left1", reference: "order-never-left")));
        Assert.Equal(CardPaymentStatus.Approved, (await fixture.RunAsync(operation.WaitForCompletionAsync())).Status);
        Assert.Equal(1, fixture.Starts);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task A_handler_that_fails_leaves_the_entry_open_and_the_next_pass_delivers_the_recorded_outcome(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance(configure: o => o.DeliveryLease = TimeSpan.FromSeconds(5));
        var failures = 1;
        app.Handler.OnHandle = _ => Interlocked.Decrement(ref failures) >= 0 ? throw new InvalidOperationException("database down") : Task.CompletedTask;

        var operation = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-handler-fails")));
        var outcome = await fixture.RunAsync(operation.WaitForCompletionAsync()); // the caller still gets its outcome
        Assert.Empty(app.Handler.Received);
        Assert.Single(await IdempotencyTests.ToListAsync(fixture.Store.ListOpenAsync()));

        fixture.Clock.Advance(TimeSpan.FromSeconds(6)); // the failed delivery's lease lapses
        Assert.Equal(1, await fixture.RunAsync(app.Recovery.ResolveOpenAsync(includeRecent: true)));

        Assert.Equal(outcome.ProviderTransactionId, Assert.Single(app.Handler.Received).Outcome!.ProviderTransactionId);
    }

    private static async Task<bool> DelayAsync(DurabilityFixture fixture, TimeSpan delay)
    {
        await Task.Delay(delay, fixture.Clock);
        return true;
    }
}
