using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>
/// Following and cancelling a CM.com transaction under faults, through real HTTP against the fake: reads are retried
/// through 5xx, drops and latency and the wait still reaches the final state; a cancel is sent once, whatever its answer.
/// </summary>
public sealed class FollowFaultTests : FakeHostTest
{
    public static TheoryData<FakeFault> ReadFaults => new()
    {
        FakeFault.ServerError, FakeFault.BadGateway, FakeFault.ServiceUnavailable, FakeFault.GatewayTimeout, FakeFault.ServerErrorHtml,
        FakeFault.DropBeforeRecording, FakeFault.DropAfterRecording, FakeFault.TooManyRequests, FakeFault.TruncatedJson,
    };

    public static TheoryData<FakeFault> CancelFaults => new()
    {
        FakeFault.ServerError, FakeFault.ServiceUnavailable, FakeFault.DropBeforeRecording, FakeFault.DropAfterRecording,
    };

    [Theory]
    [MemberData(nameof(ReadFaults))]
    public async Task Reads_failing_while_polling_are_retried_and_the_wait_reaches_the_final_state(FakeFault fault)
    {
        var operation = await Client.StartPurchaseAsync(Purchase("poll-" + fault));
        Host.Faults.Enqueue(FakeEndpoint.GetTransaction, fault, count: 4);

        var final = await Host.RunUntilAsync(operation.WaitForClearingAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComTransactionStatus.Cleared, final.Status);
        Assert.True(final.IsApproved);
        Assert.Equal(0, Host.Faults.Pending);
        Assert.Equal(4, Host.Journal.Count(r => r.Endpoint == FakeEndpoint.GetTransaction && r.Fault == fault));
        Assert.Single(Requests(FakeEndpoint.StartTransaction));
    }

    [Fact]
    public async Task A_slow_read_beyond_the_attempt_limit_is_retried_and_the_wait_reaches_the_final_state()
    {
        var operation = await Client.StartPurchaseAsync(Purchase("poll-slow"));
        Host.Faults.EnqueueLatency(FakeEndpoint.GetTransaction, TimeSpan.FromSeconds(11), count: 2);

        var final = await Host.RunUntilAsync(operation.WaitForClearingAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComTransactionStatus.Cleared, final.Status);
        Assert.Equal(0, Host.Faults.Pending);
    }

    [Fact]
    public async Task A_cancel_answered_409_is_too_late_sent_once_and_the_payment_still_ends_approved()
    {
        var operation = await Client.StartPurchaseAsync(Purchase("cancel-409"));
        Host.Faults.Enqueue(FakeEndpoint.CancelTransaction, FakeFault.Conflict);

        var cancel = await operation.CancelAsync();
        var final = await Host.RunUntilAsync(operation.WaitForClearingAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComCancelOutcome.TooLate, cancel.Outcome);
        Assert.Single(Requests(FakeEndpoint.CancelTransaction));
        Assert.True(final.IsApproved);
        Assert.Equal("CLEARED", Host.FindTransaction(operation.Id)!.Status);
    }

    [Theory]
    [MemberData(nameof(CancelFaults))]
    public async Task A_cancel_without_a_usable_answer_is_sent_once_and_the_wait_finds_what_happened(FakeFault fault)
    {
        Host.Terminals[0].NeverPresentCardNext();
        var operation = await Client.StartPurchaseAsync(Purchase("cancel-" + fault));
        Host.Faults.Enqueue(FakeEndpoint.CancelTransaction, fault);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => operation.CancelAsync());
        var processed = fault == FakeFault.DropAfterRecording;

        Assert.True(error.OutcomeUnknown);
        Assert.Single(Requests(FakeEndpoint.CancelTransaction));
        Assert.Equal(processed ? "CANCELLED" : "CREATED", Host.FindTransaction(operation.Id)!.Status);

        // Reconcile: read first, cancel again only when it did not happen.
        if (!(await operation.UpdateStatusAsync()).IsFinal)
        {
            Assert.Equal(CmComCancelOutcome.Cancelled, (await operation.CancelAsync()).Outcome);
        }

        var final = await Host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
        Assert.Equal(CmComTransactionStatus.Cancelled, final.Status);
        Assert.Equal(processed ? 1 : 2, Requests(FakeEndpoint.CancelTransaction).Count);
    }

    [Fact]
    public async Task Through_the_neutral_api_a_cancel_answered_409_is_too_late_and_reports_the_approval()
    {
        var payments = Client.AsCardPayments();
        var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(12m, "EUR"), MerchantReference = "neutral-409" });
        Host.Faults.Enqueue(FakeEndpoint.CancelTransaction, FakeFault.Conflict);

        var cancel = await Host.RunUntilAsync(payment.CancelAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(CardPaymentStatus.Approved, cancel.Outcome.Status);
        Assert.Single(Requests(FakeEndpoint.CancelTransaction));
    }

    [Fact]
    public async Task Through_the_neutral_api_a_lost_answer_is_outcome_unknown_and_the_idempotent_restart_charges_once()
    {
        var payments = Client.AsCardPayments();
        var request = new CardPaymentRequest { Amount = new Money(12m, "EUR"), MerchantReference = "neutral-lost", IdempotencyKey = "neutral-lost" };
        Host.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => payments.StartPaymentAsync(request));
        var resumed = await payments.StartPaymentAsync(request);
        var outcome = await Host.RunUntilAsync(resumed.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Single(Requests(FakeEndpoint.StartTransaction));
        Assert.Equal(outcome.ProviderTransactionId, Assert.Single(Host.Transactions).Id);
    }

    private static CmComPurchaseRequest Purchase(string reference) => new() { MerchantOrderReference = reference, Amount = 12m, Currency = "EUR" };

    private List<RecordedRequest> Requests(FakeEndpoint endpoint) => [.. Host.Journal.Where(r => r.Endpoint == endpoint)];
}
