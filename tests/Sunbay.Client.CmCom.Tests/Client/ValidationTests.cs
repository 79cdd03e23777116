using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>Bad input is a PaymentsValidationException naming the field and the rule, and nothing is sent.</summary>
public sealed class ValidationTests
{
    public static TheoryData<CmComPurchaseRequest, string, string> BadPurchases => new()
    {
        { TestClients.Purchase() with { MerchantOrderReference = null! }, "merchant_order_reference", "is required" },
        { TestClients.Purchase(reference: "inv 1"), "merchant_order_reference", "must match" },
        { TestClients.Purchase(reference: new string('r', 65)), "merchant_order_reference", "1 to 64" },
        { TestClients.Purchase(currency: "eur"), "amount.currency", "must match" },
        { TestClients.Purchase(currency: "EURO"), "amount.currency", "must match" },
        { TestClients.Purchase(amount: 0m), "amount.value", "at least 0.001" },
        { TestClients.Purchase(amount: 1_000_000_000m), "amount.value", "at most" },
        { TestClients.Purchase(amount: 1.0001m), "amount.value", "decimal" },
        { TestClients.Purchase(amount: 98.755m), "amount.value", "at most 2 decimal(s) in EUR" },
        { TestClients.Purchase(amount: 1.5m, currency: "JPY"), "amount.value", "at most 0 decimal(s) in JPY" },
        { TestClients.Purchase(amount: 1.2345m, currency: "KWD"), "amount.value", "at most 3 decimal(s) in KWD" },
        { TestClients.Purchase(currency: "XYZ"), "amount.currency", "ISO 4217" },
        { TestClients.Purchase() with { TerminalId = "SUNMI" }, "terminalId", "{manufacturer}-{model}-{serial}" },
        { TestClients.Purchase() with { TerminalId = "SUNMI-P2/lite-1" }, "terminalId", "must match" },
        { TestClients.Purchase() with { TerminalId = " " }, "terminalId", "must not be blank" },
    };

    [Theory]
    [MemberData(nameof(BadPurchases))]
    public async Task A_bad_purchase_is_refused_before_any_request(CmComPurchaseRequest request, string field, string rule)
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartPurchaseAsync(request));

        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Trailing_zeros_do_not_count_as_decimals()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        await client.StartPurchaseAsync(TestClients.Purchase(amount: 98.750m));

        Assert.Contains("\"value\":98.750", stub.Requests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_terminal_the_call_must_name_one()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub, TestClients.Options(o => o.Terminal = null));

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.GetTransactionAsync("t-1"));

        Assert.Equal("terminalId", error.Field);
        Assert.Contains("CmCom:Terminal", error.Rule, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("50%")]
    public async Task A_transaction_id_that_would_leave_its_path_segment_is_refused(string id)
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        Assert.Equal("transactionId", (await Assert.ThrowsAsync<PaymentsValidationException>(() => client.CancelAsync(id))).Field);
        Assert.Equal("transactionId", Assert.Throws<PaymentsValidationException>(() => client.GetOperation(id)).Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task A_blank_purchase_id_is_an_error_not_an_unreferenced_refund()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var refund = new CmComRefundRequest { MerchantOrderReference = "r-1", Amount = 1m, Currency = "EUR", PurchaseId = "" };

        Assert.Equal("reference.id", (await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartRefundAsync(refund))).Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void A_refund_for_a_purchase_takes_its_terminal_and_currency_and_refuses_more_than_was_paid()
    {
        var purchase = CmComModelFactory.Transaction("p-1", "SUNMI-P2-S1", CmComTransactionStatus.Cleared, CmComTransactionResult.Approved, amount: 20m, currency: "EUR");

        var refund = CmComRefundRequest.For(purchase, "inv-1-r", 5m);
        var tooMuch = Assert.Throws<PaymentsValidationException>(() => CmComRefundRequest.For(purchase, "inv-1-r", 20.01m));
        var declined = Assert.Throws<PaymentsValidationException>(() => CmComRefundRequest.For(CmComModelFactory.Transaction("p-2", "SUNMI-P2-S1", CmComTransactionStatus.Cancelled, CmComTransactionResult.Declined, amount: 20m, currency: "EUR"), "r"));

        Assert.Equal(("p-1", "SUNMI-P2-S1", "EUR", 5m), (refund.PurchaseId, refund.TerminalId, refund.Currency, refund.Amount));
        Assert.Equal("amount.value", tooMuch.Field);
        Assert.Equal("reference.id", declined.Field);
    }

    [Theory]
    [InlineData("", null, null, "label")]
    [InlineData("k", "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "validity.until")]
    [InlineData("k", "2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "validity.until")]
    public async Task A_bad_key_request_is_refused_before_any_request(string label, string? from, string? until, string field)
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var request = new CmComApiKeyRequest { Label = label, ValidFrom = from is null ? null : DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ValidUntil = until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(field, (await Assert.ThrowsAsync<PaymentsValidationException>(() => client.CreateApiKeyAsync(request))).Field);
        Assert.Empty(stub.Requests);
    }
}
