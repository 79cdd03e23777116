using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>
/// Following and cancelling a CM.com transaction under faults, through real HTTP against the fake: reads are retried
/// through 5xx, drops and latency and the wait still reaches the final state; a cancel is sent once, whatever its answer.
/// </summary>
public sealed class FollowFaultTests : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private FakeCmComHost _host = null!;
    private CmComClient _client = null!;

    public static TheoryData<FakeFault> ReadFaults => new()
    {
        FakeFault.ServerError, FakeFault.BadGateway, FakeFault.ServiceUnavailable, FakeFault.GatewayTimeout, FakeFault.ServerErrorHtml,
        FakeFault.DropBeforeRecording, FakeFault.DropAfterRecording, FakeFault.TooManyRequests, FakeFault.TruncatedJson,
    };

    public static TheoryData<FakeFault> CancelFaults => new()
    {
        FakeFault.ServerError, FakeFault.ServiceUnavailable, FakeFault.DropBeforeRecording, FakeFault.DropAfterRecording,
    };

    public Task InitializeAsync()
    {
        _host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = _clock });
        _client = ReliabilityClients.Create(_host, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ReadFaults))]
    public async Task Reads_failing_while_polling_are_retried_and_the_wait_reaches_the_final_state(FakeFault fault)
    {
        var operation = await _client.StartPurchaseAsync(Purchase("poll-" + fault));
        _host.Faults.Enqueue(FakeCmComEndpoint.GetTransaction, fault, count: 4);

        var final = await _host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComTransactionStatus.Cleared, final.Status);
        Assert.True(final.IsApproved);
        Assert.Equal(0, _host.Faults.Pending);
        Assert.Equal(4, _host.Journal.Count(r => r.Endpoint == FakeCmComEndpoint.GetTransaction && r.Fault == fault));
        Assert.Single(Requests(FakeCmComEndpoint.StartTransaction));
    }

    [Fact]
    public async Task A_slow_read_beyond_the_attempt_limit_is_retried_and_the_wait_reaches_the_final_state()
    {
        var operation = await _client.StartPurchaseAsync(Purchase("poll-slow"));
        _host.Faults.EnqueueLatency(FakeCmComEndpoint.GetTransaction, TimeSpan.FromSeconds(11), count: 2);

        var final = await _host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComTransactionStatus.Cleared, final.Status);
        Assert.Equal(0, _host.Faults.Pending);
    }

    [Fact]
    public async Task A_cancel_answered_409_is_too_late_sent_once_and_the_payment_still_ends_approved()
    {
        var operation = await _client.StartPurchaseAsync(Purchase("cancel-409"));
        _host.Faults.Enqueue(FakeCmComEndpoint.CancelTransaction, FakeFault.Conflict);

        var cancel = await operation.CancelAsync();
        var final = await _host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CmComCancelOutcome.TooLate, cancel.Outcome);
        Assert.Single(Requests(FakeCmComEndpoint.CancelTransaction));
        Assert.True(final.IsApproved);
        Assert.Equal("CLEARED", _host.FindTransaction(operation.Id)!.Status);
    }

    [Theory]
    [MemberData(nameof(CancelFaults))]
    public async Task A_cancel_without_a_usable_answer_is_sent_once_and_the_wait_finds_what_happened(FakeFault fault)
    {
        _host.Terminals[0].NeverPresentCardNext();
        var operation = await _client.StartPurchaseAsync(Purchase("cancel-" + fault));
        _host.Faults.Enqueue(FakeCmComEndpoint.CancelTransaction, fault);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => operation.CancelAsync());
        var processed = fault == FakeFault.DropAfterRecording;

        Assert.True(error.OutcomeUnknown);
        Assert.Single(Requests(FakeCmComEndpoint.CancelTransaction));
        Assert.Equal(processed ? "CANCELLED" : "CREATED", _host.FindTransaction(operation.Id)!.Status);

        // Reconcile: read first, cancel again only when it did not happen.
        if (!(await operation.UpdateStatusAsync()).IsFinal)
        {
            Assert.Equal(CmComCancelOutcome.Cancelled, (await operation.CancelAsync()).Outcome);
        }

        var final = await _host.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
        Assert.Equal(CmComTransactionStatus.Cancelled, final.Status);
        Assert.Equal(processed ? 1 : 2, Requests(FakeCmComEndpoint.CancelTransaction).Count);
    }

    [Fact]
    public async Task Through_the_neutral_api_a_cancel_answered_409_is_too_late_and_reports_the_approval()
    {
        var payments = _client.AsCardPayments();
        var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(12m, "EUR"), MerchantReference = "neutral-409" });
        _host.Faults.Enqueue(FakeCmComEndpoint.CancelTransaction, FakeFault.Conflict);

        var cancel = await _host.RunUntilAsync(payment.CancelAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(CardPaymentStatus.Approved, cancel.Outcome.Status);
        Assert.Single(Requests(FakeCmComEndpoint.CancelTransaction));
    }

    [Fact]
    public async Task Through_the_neutral_api_a_lost_answer_is_outcome_unknown_and_the_idempotent_restart_charges_once()
    {
        var payments = _client.AsCardPayments();
        var request = new CardPaymentRequest { Amount = new Money(12m, "EUR"), MerchantReference = "neutral-lost", IdempotencyKey = "neutral-lost" };
        _host.Faults.Enqueue(FakeCmComEndpoint.StartTransaction, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAnyAsync<SunbayTransportException>(() => payments.StartPaymentAsync(request));
        var resumed = await payments.StartPaymentAsync(request);
        var outcome = await _host.RunUntilAsync(resumed.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Single(Requests(FakeCmComEndpoint.StartTransaction));
        Assert.Equal(outcome.ProviderTransactionId, Assert.Single(_host.Transactions).Id);
    }

    private static CmComPurchaseRequest Purchase(string reference) => new() { MerchantOrderReference = reference, Amount = 12m, Currency = "EUR" };

    private List<FakeCmComRecordedRequest> Requests(FakeCmComEndpoint endpoint) => [.. _host.Journal.Where(r => r.Endpoint == endpoint)];
}
