using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Guide;

/// <summary>Issue 20, points 7 to 9, on the fake CM.com host: clearing soon and hours later, a reversal, a decline.</summary>
public sealed class FakeOutcomeGuideTests
{
    private const string Terminal = Reliability.FakeHostTest.Terminal;

    [Theory]
    [InlineData(60)] // clearing soon: a minute after authorisation, after the wait saw AUTHORIZED (a second raced the poll's jitter)
    [InlineData(6 * 60 * 60)] // clearing hours later, as a batch at the end of the day would
    public async Task The_sale_is_approved_at_authorization_and_the_clearing_wait_follows_it_to_cleared(int clearingSeconds)
    {
        var clock = new FakeClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock, ClearingDelay = TimeSpan.FromSeconds(clearingSeconds) });
        using var client = Client(host, clock);
        var started = clock.GetUtcNow();
        var operation = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv-clearing", Amount = 10m, Currency = "EUR" });

        var approved = await host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));
        var approvedAfter = clock.GetUtcNow() - started;
        var cleared = await host.RunUntilAsync(operation.WaitForClearingAsync(), TimeSpan.FromHours(7));

        Assert.True(approved.IsApproved);
        Assert.Equal(CmComTransactionStatus.Authorized, approved.Status);
        Assert.True(approvedAfter < TimeSpan.FromSeconds(30), approvedAfter.ToString());
        Assert.Equal(CmComTransactionStatus.Cleared, cleared.Status);
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(clearingSeconds));
    }

    [Fact]
    public async Task Through_the_neutral_api_the_sale_is_approved_without_waiting_hours_for_clearing()
    {
        var clock = new FakeClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock, ClearingDelay = TimeSpan.FromHours(6) });
        using var client = Client(host, clock);
        var payment = await client.AsCardPayments().StartPaymentAsync(new CardPaymentRequest { Amount = new Money(10m, "EUR"), MerchantReference = "inv-neutral" });

        var outcome = await host.RunUntilAsync(payment.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Equal("AUTHORIZED", host.Transactions[0].Status);
    }

    [Fact]
    public async Task An_authorization_cancelled_before_clearing_is_not_a_payment_and_is_refused_as_a_refunds_reference()
    {
        var clock = new FakeClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock, ClearingDelay = TimeSpan.FromHours(6) });
        using var client = Client(host, clock);
        var operation = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv-reversed", Amount = 10m, Currency = "EUR" });
        await host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));

        Assert.True(host.CancelAuthorized(operation.Id));
        var final = await host.RunUntilAsync(operation.WaitForClearingAsync(), TimeSpan.FromMinutes(1));
        var outcome = await host.RunUntilAsync(client.AsCardPayments().GetOperation($"{Terminal}/{operation.Id}").WaitForCompletionAsync(), TimeSpan.FromMinutes(1));
        var refused = await Assert.ThrowsAsync<CmComApiException>(() => client.StartRefundAsync(new CmComRefundRequest { PurchaseId = operation.Id, MerchantOrderReference = "inv-reversed-r", Amount = 10m, Currency = "EUR" }));

        Assert.Equal((CmComTransactionStatus.Cancelled, CmComTransactionResult.Approved), (final.Status, final.Result));
        Assert.False(final.IsApproved);
        Assert.False(operation.Value.IsApproved);
        Assert.Equal(CardPaymentStatus.Cancelled, outcome.Status);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Throws<PaymentsValidationException>(() => CmComRefundRequest.For(final, "inv-reversed-r"));
    }

    [Fact]
    public async Task A_decline_ends_both_waits_declined()
    {
        var clock = new FakeClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock });
        using var client = Client(host, clock);
        host.Terminal(Terminal).DeclineNext("05", "Do not honour");
        var operation = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv-declined", Amount = 10m, Currency = "EUR" });

        var declined = await host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));
        var cleared = await operation.WaitForClearingAsync();

        Assert.Equal(CmComTransactionResult.Declined, declined.Result);
        Assert.Same(declined, cleared);
    }

    private static CmComClient Client(FakeCmComHost host, FakeClock clock)
    {
        var options = new CmComClientOptions { BaseAddress = host.BaseAddress, ApiKey = host.ApiKey!, Terminal = Terminal };
        options.Retry.BaseDelay = TimeSpan.Zero;
        return new CmComClient(options, host.CreateHandler(), clock);
    }
}
