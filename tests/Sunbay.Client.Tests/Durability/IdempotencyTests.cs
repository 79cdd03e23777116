using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Tests.Durability;

/// <summary>
/// One meaning of idempotency on every provider (issue 19, point 4), through the journaled neutral API against each
/// provider's fake over its HTTP: a key for every start, one request per key, a changed amount refused before I/O, one
/// request for concurrent starts, and no second request after a lost answer.
/// </summary>
public sealed class IdempotencyTests
{
    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task A_start_without_a_key_gets_one_and_its_outcome_reaches_the_handler_once(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();

        var operation = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment()));
        var outcome = await fixture.RunAsync(operation.WaitForCompletionAsync());
        await fixture.RunAsync(operation.WaitForCompletionAsync()); // a second wait delivers nothing more

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        var delivered = Assert.Single(app.Handler.Received);
        Assert.Matches("^[0-9a-f]{32}$", delivered.IdempotencyKey);
        Assert.Equal("start", delivered.Source);
        Assert.Equal(outcome.ProviderTransactionId, delivered.Outcome!.ProviderTransactionId);
        Assert.Empty(await ToListAsync(fixture.Store.ListOpenAsync()));
        Assert.Equal(1, fixture.Starts);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task The_same_key_and_request_again_sends_nothing_and_returns_the_first_outcome(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();
        var first = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-same-0001")));
        var outcome = await fixture.RunAsync(first.WaitForCompletionAsync());

        var again = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-same-0001")));

        Assert.True(again.HasCompleted);
        Assert.Equal(outcome.ProviderTransactionId, again.Value.ProviderTransactionId);
        Assert.Equal(1, fixture.Starts);
        Assert.Equal(1, fixture.Transactions);
        Assert.Single(app.Handler.Received);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task The_same_key_with_another_amount_or_currency_is_refused_before_any_request(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();
        fixture.NextCardIsNeverPresented();
        await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-amount-01", amount: 12.50m)));

        var otherAmount = await Assert.ThrowsAsync<PaymentsValidationException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment("key-amount-01", amount: 13.50m))));
        var otherCurrency = await Assert.ThrowsAsync<PaymentsValidationException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(
            new CardPaymentRequest { Amount = new Money(12.50m, fixture.Currency == "EUR" ? "USD" : "EUR"), MerchantReference = "order-100001", IdempotencyKey = "key-amount-01" })));

        Assert.Equal("IdempotencyKey", otherAmount.Field);
        Assert.Contains("already names a payment", otherAmount.Message, StringComparison.Ordinal);
        Assert.Equal("IdempotencyKey", otherCurrency.Field);
        Assert.Equal(1, fixture.Starts);
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task Concurrent_starts_with_one_key_send_one_request(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();

        var starts = Enumerable.Range(0, 8).Select(_ => app.Payments.StartPaymentAsync(fixture.Payment("key-concurrent"))).ToArray();
        var operations = await fixture.RunAsync(Task.WhenAll(starts));

        Assert.Equal(1, fixture.Starts);
        Assert.Single(operations.Select(o => o.Id).Distinct());
    }

    [Theory]
    [MemberData(nameof(DurabilityFixture.Providers), MemberType = typeof(DurabilityFixture))]
    public async Task After_a_lost_answer_the_error_names_the_key_and_starting_again_with_it_sends_nothing_twice(string provider)
    {
        await using var fixture = DurabilityFixture.Create(provider);
        var app = fixture.StartInstance();
        fixture.LoseNextStartAnswer();

        var lost = await Assert.ThrowsAsync<CardPaymentOutcomeUnknownException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment())));
        Assert.True(lost.OutcomeUnknown);
        Assert.Matches("^[0-9a-f]{32}$", lost.IdempotencyKey);
        Assert.Contains(lost.IdempotencyKey!, lost.Message, StringComparison.Ordinal);

        var resumed = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment(lost.IdempotencyKey)));
        var outcome = await fixture.RunAsync(resumed.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Equal(1, fixture.Starts);
        Assert.Equal(1, fixture.Transactions);
        Assert.Equal(lost.IdempotencyKey, Assert.Single(app.Handler.Received).IdempotencyKey);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
