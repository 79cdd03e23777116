using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Payments;

namespace Sunbay.Client.Tests.Durability;

/// <summary>
/// An ID the provider never received ends quickly (issue 21, point 5), and CM.com's list that shows a new transaction
/// late is re-read for a bounded window before anything is sent again (issue 19, point 4).
/// </summary>
public sealed class NotReceivedTests
{
    [Fact]
    public async Task Resuming_a_SUNBAY_id_that_never_left_ends_with_not_received_after_the_window_not_a_day()
    {
        await using var fixture = new SunbayCardPaymentsFixture();
        var started = fixture.Clock.GetUtcNow();

        var operation = fixture.Payments.GetOperation("neverSent0000000000000000000001");
        var error = await Assert.ThrowsAsync<PaymentNotReceivedException>(() => fixture.RunAsync(operation.WaitForCompletionAsync()));

        Assert.Equal("sunbay", error.Provider);
        Assert.Equal("neverSent0000000000000000000001", error.Id);
        Assert.InRange(fixture.Clock.GetUtcNow() - started, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2.1));
        Assert.InRange(fixture.Requests(FakeEndpoint.Query).Count, 2, 120); // not ~8,700
    }

    [Fact]
    public async Task Resuming_a_SUNBAY_id_that_exists_waits_for_its_outcome_as_before()
    {
        await using var fixture = new SunbayCardPaymentsFixture();
        var first = await fixture.RunAsync(fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(3m, "USD"), MerchantReference = "order-200001" }));

        var resumed = fixture.Payments.GetOperation(first.Id);

        Assert.Equal(CardPaymentStatus.Approved, (await fixture.RunAsync(resumed.WaitForCompletionAsync())).Status);
    }

    [Fact]
    public async Task The_fake_CM_com_list_shows_a_new_transaction_late_when_told_to()
    {
        await using var fixture = DurabilityFixture.Create("cm", o => o.ListShowsNewTransactionsAfter = TimeSpan.FromSeconds(20));
        var host = fixture.CmComHost!;
        fixture.NextCardIsNeverPresented();
        var app = fixture.StartInstance();
        await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment(reference: "order-late-1")));
        using var client = new CmComClient(new CmComClientOptions { BaseAddress = host.BaseAddress, ApiKey = host.ApiKey, Terminal = host.Terminals[0].Id }, host.CreateHandler(), fixture.Clock);

        Assert.Null(await fixture.RunAsync(client.FindTransactionByReferenceAsync("order-late-1")));
        fixture.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.NotNull(await fixture.RunAsync(client.FindTransactionByReferenceAsync("order-late-1")));
    }

    [Fact]
    public async Task After_a_lost_CM_com_answer_the_list_is_re_read_until_the_late_transaction_shows_and_nothing_is_sent_again()
    {
        // The list shows it after 20 s, under the default 30 s window (CmComPollingOptions.NotReceivedAfter).
        await using var fixture = DurabilityFixture.Create("cm", o => o.ListShowsNewTransactionsAfter = TimeSpan.FromSeconds(20));
        var host = fixture.CmComHost!;
        var app = fixture.StartInstance();
        fixture.LoseNextStartAnswer();
        var lost = await Assert.ThrowsAsync<CardPaymentOutcomeUnknownException>(() => fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment())));

        var resumed = await fixture.RunAsync(app.Payments.StartPaymentAsync(fixture.Payment(lost.IdempotencyKey)));
        await fixture.RunAsync(resumed.WaitForCompletionAsync());

        Assert.Equal(1, fixture.Starts);
        Assert.Equal(1, fixture.Transactions);
        Assert.True(host.Journal.Count(r => r.Endpoint == FakeEndpoint.ListTransactions) > 1);
    }
}
