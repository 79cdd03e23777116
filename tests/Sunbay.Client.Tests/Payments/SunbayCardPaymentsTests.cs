using System.Text.Json;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// The SUNBAY adapter end to end against the fake (in memory, virtual time): each SUNBAY end state maps to the neutral
/// one, a cancel is an abort, and amounts reach the wire in the currency's minor units.
/// </summary>
public sealed class SunbayCardPaymentsTests : IAsyncLifetime
{
    private readonly SunbayCardPaymentsFixture _fixture = new();

    private ICardPayments Payments => _fixture.Payments;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static CardPaymentRequest Purchase(decimal amount = 25m, string currency = "USD") =>
        new() { Amount = new Money(amount, currency), MerchantReference = "ORDER-PAY-1" };

    [Fact]
    public async Task An_approved_payment_is_a_sale_in_minor_units_and_its_outcome_says_so()
    {
        var payment = await Payments.StartPaymentAsync(Purchase(25.40m));
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());

        var body = JsonDocument.Parse(_fixture.Requests(FakeEndpoint.Sale).Single().Body).RootElement;
        Assert.Equal(2540, body.GetProperty("amount").GetProperty("orderAmount").GetInt64());
        Assert.Equal("USD", body.GetProperty("amount").GetProperty("priceCurrency").GetString());
        Assert.Equal("ORDER-PAY-1", body.GetProperty("referenceOrderId").GetString());
        Assert.Equal("Card payment", body.GetProperty("description").GetString());
        Assert.Equal(payment.Id, body.GetProperty("transactionRequestId").GetString());

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.True(outcome.IsApproved);
        Assert.Equal("sunbay", outcome.Provider);
        Assert.Equal(CardPaymentKind.Payment, outcome.Kind);
        Assert.Equal(new Money(25.40m, "USD"), outcome.Amount);
        Assert.Equal(_fixture.Host.FindTransaction(payment.Id)!.TransactionId, outcome.ProviderTransactionId);
        Assert.Equal("ORDER-PAY-1", outcome.MerchantReference);
        Assert.Equal(_fixture.Terminal.Sn, outcome.Terminal);
        Assert.Null(outcome.Receipt);
    }

    [Theory]
    [InlineData("JPY", 1500, 1500)]
    [InlineData("KWD", 1.25, 1250)]
    public async Task The_currency_s_exponent_reaches_the_wire(string currency, double major, long minor)
    {
        var payment = await Payments.StartPaymentAsync(Purchase((decimal)major, currency));
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());

        var amount = JsonDocument.Parse(_fixture.Requests(FakeEndpoint.Sale).Single().Body).RootElement.GetProperty("amount");
        Assert.Equal(minor, amount.GetProperty("orderAmount").GetInt64());
        Assert.Equal(new Money((decimal)major, currency), outcome.Amount);
    }

    [Fact]
    public async Task A_declined_payment_is_declined()
    {
        _fixture.Terminal.DeclineNext("051", "Insufficient funds");

        var payment = await Payments.StartPaymentAsync(Purchase());
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Declined, outcome.Status);
        Assert.False(outcome.IsApproved);
        Assert.Equal(new Money(25m, "USD"), outcome.Amount);
    }

    [Fact]
    public async Task A_cancel_in_time_aborts_the_sale_and_reports_it_cancelled()
    {
        _fixture.Terminal.NeverPresentCardNext();
        var payment = await Payments.StartPaymentAsync(Purchase());

        var cancel = await _fixture.RunAsync(payment.CancelAsync());

        Assert.Equal(CardCancelStatus.Cancelled, cancel.Status);
        Assert.Equal(CardPaymentStatus.Cancelled, cancel.Outcome.Status);
        var abort = Assert.Single(_fixture.Requests(FakeEndpoint.Abort));
        Assert.Equal(payment.Id, JsonDocument.Parse(abort.Body).RootElement.GetProperty("originalTransactionRequestId").GetString());
        Assert.Equal("C", _fixture.Host.FindTransaction(payment.Id)!.Status);
        Assert.False(_fixture.Terminal.IsBusy);
    }

    [Fact]
    public async Task A_cancel_after_the_card_was_approved_is_too_late_and_reports_the_approval()
    {
        _fixture.Terminal.NeverPresentCardNext();
        var payment = await Payments.StartPaymentAsync(Purchase());
        Assert.True(_fixture.Terminal.PresentCard()); // approved on the terminal; this process has not seen it yet

        var cancel = await _fixture.RunAsync(payment.CancelAsync());

        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(CardPaymentStatus.Approved, cancel.Outcome.Status);
        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, Assert.Single(_fixture.Requests(FakeEndpoint.Abort)).Code);
        Assert.True(payment.Value.IsApproved);
    }

    [Fact]
    public async Task A_cancel_of_a_completed_payment_sends_nothing_and_is_too_late()
    {
        var payment = await Payments.StartPaymentAsync(Purchase());
        await _fixture.RunAsync(payment.WaitForCompletionAsync());

        var cancel = await payment.CancelAsync();

        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(CardPaymentStatus.Approved, cancel.Outcome.Status);
        Assert.Empty(_fixture.Requests(FakeEndpoint.Abort));
    }

    [Fact]
    public async Task A_cardholder_who_cancels_on_the_terminal_ends_it_cancelled()
    {
        _fixture.Terminal.CancelNext();

        var payment = await Payments.StartPaymentAsync(Purchase());
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Cancelled, outcome.Status);
    }

    [Fact]
    public async Task A_payment_nobody_pays_expires_with_the_default_expiry_also_when_resumed()
    {
        _fixture.NextCardIsNeverPresented();
        var start = _fixture.Clock.GetUtcNow();

        var payment = await Payments.StartPaymentAsync(Purchase());
        var outcome = await _fixture.RunAsync(payment.WaitForCompletionAsync());
        var resumed = await _fixture.RunAsync(Payments.GetOperation(payment.Id).WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Expired, outcome.Status);
        Assert.Equal(CardPaymentStatus.Expired, resumed.Status);
        Assert.InRange(_fixture.Clock.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        Assert.Empty(_fixture.Requests(FakeEndpoint.Abort));
    }

    [Fact]
    public async Task A_resumed_cancelled_payment_is_cancelled_not_expired()
    {
        _fixture.NextCardIsNeverPresented();
        var payment = await Payments.StartPaymentAsync(Purchase());
        await _fixture.RunAsync(payment.CancelAsync());

        var resumed = await _fixture.RunAsync(Payments.GetOperation(payment.Id).WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Cancelled, resumed.Status);
        Assert.Equal(CardPaymentKind.Payment, resumed.Kind);
        Assert.Equal(new Money(25m, "USD"), resumed.Amount);
    }
}
