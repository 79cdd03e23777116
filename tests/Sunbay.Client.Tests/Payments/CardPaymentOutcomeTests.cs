using Sunbay.Client.Payments;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// The facts a cashier, a receipt and a support call need, on the neutral outcome of every provider: why a card was
/// declined, the authorisation code, the brand, the masked card and the provider's IDs, each when the provider reports
/// it (CM.com reports no authorisation code, card number, result message or request ID), and never card data in
/// <see cref="CardPaymentOutcome.ToString"/>.
/// </summary>
public sealed class CardPaymentOutcomeTests
{
    public static TheoryData<string> Providers => CardPaymentsFixtures.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_approved_payment_carries_what_a_receipt_and_a_support_call_need(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);

        var payment = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(4.20m, fixture.Currency), MerchantReference = "RECEIPT-01" });
        var outcome = await fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.False(string.IsNullOrEmpty(outcome.CardBrand));
        Assert.Matches("^[0-9]{6}$", outcome.SystemTraceAuditNumber);
        if (provider == "sunbay")
        {
            Assert.Equal("000", outcome.ResultCode);
            Assert.Matches("^[0-9]{6}$", outcome.AuthorizationCode);
            Assert.Equal("411111****1111", outcome.MaskedCard);
            Assert.Equal(payment.Id, outcome.ProviderRequestId);
        }
        else if (provider == "example")
        {
            Assert.Equal("00", outcome.ResultCode);
            Assert.Equal("A1B2C3", outcome.AuthorizationCode);
            Assert.Equal("411111******1111", outcome.MaskedCard);
            Assert.Equal(payment.Id, outcome.ProviderTransactionId);
        }
        else
        {
            Assert.Equal("APPROVED", outcome.ResultCode);
            Assert.Equal("V_PAY", outcome.CardBrand);
            Assert.Null(outcome.AuthorizationCode);
            Assert.Null(outcome.MaskedCard);
            Assert.Null(outcome.ResultMessage);
            Assert.Null(outcome.ProviderRequestId);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_declined_payment_says_why(string provider)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        fixture.NextCardIsDeclined();

        var payment = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(4.20m, fixture.Currency), MerchantReference = "RECEIPT-02" });
        var outcome = await fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Declined, outcome.Status);
        if (provider is "sunbay" or "example")
        {
            Assert.Equal("05", outcome.ResultCode);
            Assert.Equal("Do not honour", outcome.ResultMessage);
        }
        else
        {
            // CM.com reports its result only: the reason stays on the terminal's receipt.
            Assert.Equal("DECLINED", outcome.ResultCode);
            Assert.Null(outcome.ResultMessage);
        }
    }

    [Theory]
    [InlineData("4111111111111111", "411111******1111")]
    [InlineData("4111 1111 1111 1111", "4111 11** **** 1111")]
    [InlineData("411111****1111", "411111****1111")]
    [InlineData("41111111****1111", "411111******1111")]
    [InlineData("****1111", "****1111")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void The_masked_card_keeps_at_most_the_first_6_and_last_4_digits_whatever_the_provider_sent(string? sent, string? kept)
    {
        var outcome = new CardPaymentOutcome
        {
            Provider = "sunbay",
            Kind = CardPaymentKind.Payment,
            Status = CardPaymentStatus.Approved,
            Amount = new Money(1m, "EUR"),
            MaskedCard = sent,
        };

        Assert.Equal(kept, outcome.MaskedCard);
    }

    [Fact]
    public void ToString_prints_no_card_data_receipt_or_authorisation()
    {
        var outcome = new CardPaymentOutcome
        {
            Provider = "sunbay",
            Kind = CardPaymentKind.Payment,
            Status = CardPaymentStatus.Approved,
            Amount = new Money(1m, "EUR"),
            ProviderTransactionId = "T-1",
            MaskedCard = "4111111111111111",
            AuthorizationCode = "654321",
            CardBrand = "VISA",
            Receipt = "CARD 4111 11** **** 1111",
            ResultMessage = "card 4111111111111111",
        };

        var text = outcome.ToString();

        Assert.DoesNotContain("1111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("654321", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CARD", text, StringComparison.Ordinal);
        Assert.Contains("T-1", text, StringComparison.Ordinal);
    }
}
