using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Tests.Durability;

/// <summary>
/// The journal's records and store: bad records (truncated, newer, foreign) are reported, counted and kept, never
/// dropped; a store that is down refuses a start before anything is sent; the records hold no receipt.
/// </summary>
public sealed class JournalStoreTests
{
    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task Unreadable_records_are_counted_and_kept_and_the_readable_ones_are_still_resolved(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var dead = fixture.StartInstance();
        await fixture.RunAsync(dead.Payments.StartPaymentAsync(fixture.Payment("key-readable-01")));
        await fixture.Store.TryOpenAsync("key-truncated", "{\"v\":1,\"key\":\"key-trun");
        await fixture.Store.TryOpenAsync("key-newer", "{\"v\":2,\"key\":\"key-newer\",\"somethingNew\":true}");
        await fixture.Store.TryOpenAsync("key-foreign", "{\"orderId\":42}");

        var app = fixture.StartInstance();
        Assert.Equal(1, await fixture.RunAsync(app.Recovery.ResolveOpenAsync(includeRecent: true)));
        await fixture.RunAsync(app.Recovery.ResolveOpenAsync(includeRecent: true));

        Assert.Equal(3, app.Recovery.UnreadableEntries);
        var open = (await IdempotencyTests.ToListAsync(fixture.Store.ListOpenAsync())).Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["key-foreign", "key-newer", "key-truncated"], open);
        var refused = await Assert.ThrowsAsync<PaymentJournalException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-newer"))));
        Assert.Contains("cannot read", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task A_journal_that_is_down_refuses_the_start_before_anything_is_sent(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance(new DownStore());

        var refused = await Assert.ThrowsAsync<PaymentJournalException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment())));

        Assert.Matches("^[0-9a-f]{32}$", refused.IdempotencyKey);
        Assert.Contains("nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Starts);
    }

    [Fact]
    public void A_record_round_trips_and_holds_no_receipt()
    {
        var entry = new PaymentJournalEntry
        {
            Key = "key-roundtrip",
            Provider = "cm",
            Kind = CardPaymentKind.Refund,
            Amount = new Money(1.005m, "KWD"),
            MerchantReference = "refund-1",
            Terminal = "SUNMI-P2lite-X",
            OriginalTransactionId = "tx-1",
            State = PaymentJournalState.Resolved,
            OperationId = "SUNMI-P2lite-X/tx-2",
            OpenedAt = new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero),
            Outcome = new CardPaymentOutcome
            {
                Provider = "cm",
                Kind = CardPaymentKind.Refund,
                Status = CardPaymentStatus.Approved,
                Amount = new Money(1.005m, "KWD"),
                ProviderTransactionId = "tx-2",
                Receipt = "CARDHOLDER RECEIPT ****1234",
            },
        };

        var record = PaymentJournalRecord.Write(entry);
        var read = PaymentJournalRecord.TryRead("key-roundtrip", record, out var problem);

        Assert.Null(problem);
        Assert.DoesNotContain("RECEIPT", record, StringComparison.Ordinal);
        Assert.Equal(entry with { Outcome = null }, read! with { Outcome = null });
        Assert.Equal(entry.Outcome.ProviderTransactionId, read.Outcome!.ProviderTransactionId);
        Assert.Equal(entry.Outcome.Amount, read.Outcome.Amount);
        Assert.Null(read.Outcome.Receipt);
        Assert.Null(PaymentJournalRecord.TryRead("another-key", record, out var foreign));
        Assert.Contains("another key", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_puts_the_journal_in_front_of_the_configured_provider()
    {
        var services = new ServiceCollection();
        services.AddSunbayClient(o =>
        {
            var test = Support.TestClients.Options();
            o.BaseAddress = test.BaseAddress;
            o.ApiKey = test.ApiKey;
            o.AppId = test.AppId;
            o.MerchantId = test.MerchantId;
        });
        services.AddCardPaymentRecovery<RecordingHandler>();
        services.AddCardPayments(o => o.Provider = "sunbay"); // after: the journal stays in front
        await using var provider = services.BuildServiceProvider();

        var payments = provider.GetRequiredService<ICardPayments>();

        Assert.IsType<JournaledCardPayments>(payments);
        Assert.Equal("sunbay", payments.Provider);
        Assert.IsType<InMemoryPaymentJournalStore>(provider.GetRequiredService<IPaymentJournalStore>());
        Assert.Contains(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is CardPaymentRecoveryService);
    }

    private sealed class DownStore : IPaymentJournalStore
    {
        public ValueTask<bool> TryOpenAsync(string key, string record, CancellationToken cancellationToken = default) => throw new IOException("connection refused");

        public ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken = default) => throw new IOException("connection refused");

        public ValueTask UpdateAsync(string key, string record, CancellationToken cancellationToken = default) => throw new IOException("connection refused");

        public IAsyncEnumerable<KeyValuePair<string, string>> ListOpenAsync(CancellationToken cancellationToken = default) => throw new IOException("connection refused");

        public ValueTask<bool> TryLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default) => throw new IOException("connection refused");

        public ValueTask CloseAsync(string key, string record, TimeSpan keepFor, CancellationToken cancellationToken = default) => throw new IOException("connection refused");
    }
}
