using Sunbay.Client.Payments;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// A point of sale written once against <see cref="ICardPayments"/>, run against every provider's fake: the test bodies
/// know nothing of the provider behind the interface.
/// </summary>
public sealed class PointOfSaleTests
{
    public static TheoryData<string> Providers => CardPaymentsFixtures.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_purchase_is_paid_and_then_refunded_with_a_reference_to_it(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        ICardPayments payments = fixture.Payments;
        var price = new Money(12.50m, fixture.Currency);

        var purchase = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = price, MerchantReference = "POS-000001" });
        var paid = await fixture.RunAsync(purchase.WaitForCompletionAsync());
        var refund = await payments.StartRefundAsync(CardRefundRequest.For(paid, "POS-000001-R"));
        var refunded = await fixture.RunAsync(refund.WaitForCompletionAsync());
        var resumed = await fixture.RunAsync(payments.GetOperation(refund.Id).WaitForCompletionAsync()); // after a restart

        Assert.Equal(provider, payments.Provider);
        Assert.Equal(CardPaymentStatus.Approved, paid.Status);
        Assert.Equal(CardPaymentKind.Payment, paid.Kind);
        Assert.Equal(price, paid.Amount);
        Assert.Equal("POS-000001", paid.MerchantReference);
        Assert.False(string.IsNullOrEmpty(paid.ProviderTransactionId));
        Assert.True(purchase.HasCompleted);
        Assert.Equal(paid.ProviderTransactionId, purchase.Value.ProviderTransactionId);
        Assert.Equal(CardPaymentStatus.Approved, refunded.Status);
        Assert.Equal(CardPaymentKind.Refund, refunded.Kind);
        Assert.Equal(price, refunded.Amount);
        Assert.NotEqual(paid.ProviderTransactionId, refunded.ProviderTransactionId);
        Assert.Equal(refunded.ProviderTransactionId, resumed.ProviderTransactionId);
        Assert.Equal(CardPaymentKind.Refund, resumed.Kind);
        Assert.Equal(CardPaymentStatus.Approved, resumed.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_purchase_the_cardholder_has_not_paid_yet_is_cancelled(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        ICardPayments payments = fixture.Payments;
        fixture.NextCardIsNeverPresented();

        var purchase = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(7m, fixture.Currency), MerchantReference = "POS-000002" });
        var cancel = await fixture.RunAsync(purchase.CancelAsync());

        Assert.Equal(CardCancelStatus.Cancelled, cancel.Status);
        Assert.Equal(CardPaymentStatus.Cancelled, cancel.Outcome.Status);
        Assert.False(cancel.Outcome.IsApproved);
        Assert.True(purchase.HasCompleted);
        Assert.Equal(CardPaymentStatus.Cancelled, purchase.Value.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_declined_card_is_an_outcome_and_no_money_moves(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        fixture.NextCardIsDeclined();

        var purchase = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(9.99m, fixture.Currency), MerchantReference = "POS-000003" });
        var outcome = await fixture.RunAsync(purchase.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Declined, outcome.Status);
        Assert.False(outcome.IsApproved);
        Assert.Equal(new Money(9.99m, fixture.Currency), outcome.Amount);
        Assert.Equal("POS-000003", outcome.MerchantReference);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_purchase_the_cardholder_cancels_on_the_terminal_ends_cancelled(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        fixture.NextCardholderCancels();

        var purchase = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(4m, fixture.Currency), MerchantReference = "POS-000004" });
        var outcome = await fixture.RunAsync(purchase.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Cancelled, outcome.Status);
        Assert.Equal(CardPaymentKind.Payment, outcome.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_cancel_after_the_purchase_was_paid_is_too_late_and_reports_the_approval(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        var purchase = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(5m, fixture.Currency), MerchantReference = "POS-000005" });
        var paid = await fixture.RunAsync(purchase.WaitForCompletionAsync());

        var cancel = await fixture.RunAsync(purchase.CancelAsync());

        Assert.Equal(CardPaymentStatus.Approved, paid.Status);
        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(CardPaymentStatus.Approved, cancel.Outcome.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_payment_started_again_with_its_idempotency_key_resumes_the_first_and_charges_once(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        var request = new CardPaymentRequest { Amount = new Money(6m, fixture.Currency), MerchantReference = "POS-000006", IdempotencyKey = "POS-000006-K" };

        var first = await fixture.Payments.StartPaymentAsync(request);
        var again = await fixture.Payments.StartPaymentAsync(request);
        var outcome = await fixture.RunAsync(again.WaitForCompletionAsync());

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Equal(outcome.ProviderTransactionId, (await fixture.RunAsync(first.WaitForCompletionAsync())).ProviderTransactionId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_malformed_operation_id_is_refused_naming_it(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);

        var error = Assert.Throws<PaymentsValidationException>(() => fixture.Payments.GetOperation(" "));

        Assert.Equal("id", error.Field);
    }
}
