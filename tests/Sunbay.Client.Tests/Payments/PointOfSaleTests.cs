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
}
