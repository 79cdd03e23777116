using System.Text.Json;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// Refunds through the SUNBAY adapter (referenced, partial, unreferenced), the reconciliation of an outcome-unknown
/// start through the neutral API, and the neutral validation that runs before anything is sent.
/// </summary>
public sealed class SunbayCardRefundAndRecoveryTests : IAsyncLifetime
{
    private readonly SunbayCardPaymentsFixture _fixture = new();

    private ICardPayments Payments => _fixture.Payments;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<CardPaymentOutcome> PaidAsync(decimal amount = 40m)
    {
        var payment = await Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(amount, "USD"), MerchantReference = "ORDER-REF-1" });
        return await _fixture.RunAsync(payment.WaitForCompletionAsync());
    }

    [Fact]
    public async Task A_referenced_refund_names_the_payment_and_refunds_all_of_it()
    {
        var paid = await PaidAsync();

        var refund = await Payments.StartRefundAsync(CardRefundRequest.For(paid, "ORDER-REF-1-R"));
        var refunded = await _fixture.RunAsync(refund.WaitForCompletionAsync());

        var body = JsonDocument.Parse(_fixture.Requests(FakeEndpoint.Refund).Single().Body).RootElement;
        Assert.Equal(paid.ProviderTransactionId, body.GetProperty("originalTransactionId").GetString());
        Assert.Equal(4000, body.GetProperty("amount").GetProperty("orderAmount").GetInt64());
        Assert.Equal(paid.Terminal, body.GetProperty("terminalSn").GetString());
        Assert.Equal(CardPaymentStatus.Approved, refunded.Status);
        Assert.Equal(CardPaymentKind.Refund, refunded.Kind);
        Assert.Equal(new Money(40m, "USD"), refunded.Amount);
        Assert.Equal("REFUNDED", _fixture.Host.FindTransactionById(paid.ProviderTransactionId!)!.RelatedTransactionStatus);
    }

    [Fact]
    public async Task A_partial_refund_refunds_part_and_a_second_one_the_rest()
    {
        var paid = await PaidAsync();

        var first = await Payments.StartRefundAsync(CardRefundRequest.For(paid, "ORDER-REF-1-R1", new Money(15m, "USD")));
        await _fixture.RunAsync(first.WaitForCompletionAsync());
        var second = await Payments.StartRefundAsync(CardRefundRequest.For(paid, "ORDER-REF-1-R2", new Money(25m, "USD")));
        var rest = await _fixture.RunAsync(second.WaitForCompletionAsync());

        Assert.Equal(new Money(25m, "USD"), rest.Amount);
        Assert.True(rest.IsApproved);
        Assert.Equal("REFUNDED", _fixture.Host.FindTransactionById(paid.ProviderTransactionId!)!.RelatedTransactionStatus);
    }

    [Fact]
    public async Task An_unreferenced_refund_names_no_payment_and_carries_the_merchant_reference()
    {
        var refund = await Payments.StartRefundAsync(new CardRefundRequest { Amount = new Money(5m, "USD"), MerchantReference = "RETURN-0001" });
        var refunded = await _fixture.RunAsync(refund.WaitForCompletionAsync());

        var body = JsonDocument.Parse(_fixture.Requests(FakeEndpoint.Refund).Single().Body).RootElement;
        Assert.False(body.TryGetProperty("originalTransactionId", out _));
        Assert.Equal("RETURN-0001", body.GetProperty("referenceOrderId").GetString());
        Assert.True(refunded.IsApproved);
        Assert.Equal(CardPaymentKind.Refund, refunded.Kind);
    }

    [Fact]
    public async Task An_outcome_unknown_start_is_reconciled_by_starting_again_with_the_same_idempotency_key()
    {
        _fixture.Host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);
        var request = new CardPaymentRequest { Amount = new Money(12m, "USD"), MerchantReference = "ORDER-LOST-1" };

        var lost = await Assert.ThrowsAsync<SunbayTransportException>(() => Payments.StartPaymentAsync(request));
        var payment = await Payments.StartPaymentAsync(request with { IdempotencyKey = lost.TransactionRequestId });
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.True(lost.OutcomeUnknown);
        Assert.Equal(lost.TransactionRequestId, payment.Id);
        Assert.Single(_fixture.Requests(FakeEndpoint.Sale)); // resumed, never charged twice
        Assert.True(outcome.IsApproved);
        Assert.Equal(new Money(12m, "USD"), outcome.Amount);
    }

    [Fact]
    public async Task A_key_whose_first_start_never_arrived_sends_the_payment_then()
    {
        _fixture.Host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording);
        var request = new CardPaymentRequest { Amount = new Money(12m, "USD"), MerchantReference = "ORDER-LOST-2", IdempotencyKey = "pos-key-0002" };

        await Assert.ThrowsAsync<SunbayTransportException>(() => Payments.StartPaymentAsync(request));
        var payment = await Payments.StartPaymentAsync(request);

        Assert.Equal("pos-key-0002", payment.Id);
        Assert.Equal(2, _fixture.Requests(FakeEndpoint.Sale).Count);
        Assert.Single(_fixture.Host.Transactions);
    }

    [Fact]
    public async Task Neutral_and_sunbay_rules_name_the_neutral_property_and_nothing_is_sent()
    {
        async Task<string> FieldOf(CardPaymentRequest request) =>
            (await Assert.ThrowsAsync<PaymentsValidationException>(() => Payments.StartPaymentAsync(request))).Field;

        var valid = new CardPaymentRequest { Amount = new Money(1m, "USD"), MerchantReference = "ORDER-OK-1" };
        Assert.Equal("Amount", await FieldOf(valid with { Amount = default }));
        Assert.Equal("Amount", await FieldOf(valid with { Amount = new Money(0m, "USD") }));
        Assert.Equal("MerchantReference", await FieldOf(valid with { MerchantReference = " " }));
        Assert.Equal("MerchantReference", await FieldOf(valid with { MerchantReference = "ABC" })); // SUNBAY: 6 to 32 characters
        Assert.Equal("Terminal", await FieldOf(valid with { Terminal = "" }));
        Assert.Equal("IdempotencyKey", await FieldOf(valid with { IdempotencyKey = "not valid!" }));
        Assert.Equal("Description", await FieldOf(valid with { Description = new string('d', 200) }));
        Assert.Empty(_fixture.Host.Journal);
    }

    [Fact]
    public async Task A_refund_is_built_only_for_an_approved_payment_and_within_its_amount()
    {
        _fixture.Terminal.DeclineNext("051", "Insufficient funds");
        var declined = await PaidAsync();
        var paid = await PaidAsync(10m);

        Assert.Equal("payment", Assert.Throws<PaymentsValidationException>(() => CardRefundRequest.For(declined, "R-000001")).Field);
        Assert.Equal("Amount", Assert.Throws<PaymentsValidationException>(() => CardRefundRequest.For(paid, "R-000001", new Money(11m, "USD"))).Field);
        Assert.Equal("Amount", Assert.Throws<PaymentsValidationException>(() => CardRefundRequest.For(paid, "R-000001", new Money(5m, "EUR"))).Field);
        Assert.Equal("OriginalTransactionId", Assert.Throws<PaymentsValidationException>(() => new CardRefundRequest { Amount = paid.Amount, MerchantReference = "R-000001", OriginalTransactionId = " " }.Validate()).Field);
        Assert.Equal("id", Assert.Throws<PaymentsValidationException>(() => Payments.GetOperation(" ")).Field);
    }
}
