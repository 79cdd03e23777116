using Sunbay.Client.Payments;
using Sunbay.Client.Pipeline;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Pipeline;

/// <summary>
/// The one wait, as a provider written outside the SDK gets it: reads until final through failed reads, a verified
/// notification ends a wait in flight, the first final state wins, and a wait past its deadline ends with the SDK's
/// timeout while the operation goes on.
/// </summary>
public sealed class PolledCardPaymentOperationTests
{
    [Fact]
    public async Task The_wait_reads_until_final_and_keeps_going_through_a_failed_read()
    {
        var clock = TestClients.VirtualClock();
        var operation = new ScriptedOperation(clock, [null, new PaymentsTransportException("test", "read failed", "get-payment", false, null, 503), null, Outcome(CardPaymentStatus.Approved)]);

        var outcome = await clock.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
        Assert.Equal(4, operation.Reads);
        Assert.True(operation.HasCompleted);
        Assert.Same(outcome, operation.Value);
    }

    [Fact]
    public async Task A_notification_ends_a_wait_in_flight_and_the_first_final_state_wins()
    {
        var clock = TestClients.VirtualClock();
        var operation = new ScriptedOperation(clock, []); // never final by reading
        var wait = operation.WaitForCompletionAsync();
        await clock.RunUntilAsync(Task.Delay(TimeSpan.FromSeconds(5), clock), TimeSpan.FromSeconds(10));
        Assert.False(wait.IsCompleted);

        var declined = Outcome(CardPaymentStatus.Declined);
        Assert.True(operation.TryComplete(declined));
        Assert.False(operation.TryComplete(Outcome(CardPaymentStatus.Approved)));

        Assert.Same(declined, await wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Same(declined, operation.Value);
    }

    [Fact]
    public async Task A_wait_past_its_deadline_ends_with_the_SDKs_timeout_and_the_last_failed_read()
    {
        var clock = TestClients.VirtualClock();
        var failure = new PaymentsTransportException("test", "read failed", "get-payment", false, null, 503);
        var operation = new ScriptedOperation(clock, [], polling: new PaymentsPollingOptions { MaxWait = TimeSpan.FromMinutes(2) }, always: failure);

        var error = await Assert.ThrowsAsync<PaymentsOperationTimeoutException>(() => clock.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(10)));

        Assert.Equal("test", error.Provider);
        Assert.Same(failure, error.LastError);
        Assert.False(operation.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
    }

    [Fact]
    public async Task A_read_failure_that_says_something_about_the_operation_ends_the_wait()
    {
        var clock = TestClients.VirtualClock();
        var refused = new PaymentsApiException("test", "get-payment", System.Net.HttpStatusCode.NotFound, "not_found", null, null, "no such payment");
        var operation = new ScriptedOperation(clock, [], always: refused);

        Assert.Same(refused, await Assert.ThrowsAsync<PaymentsApiException>(() => clock.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1))));
        Assert.Equal(1, operation.Reads);
    }

    [Fact]
    public async Task A_cancel_of_a_completed_operation_sends_nothing_and_reports_too_late()
    {
        var clock = TestClients.VirtualClock();
        var operation = new ScriptedOperation(clock, [Outcome(CardPaymentStatus.Approved)]);
        await clock.RunUntilAsync(operation.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));

        var cancel = await operation.CancelAsync();

        Assert.Equal(CardCancelStatus.TooLate, cancel.Status);
        Assert.Equal(0, operation.CancelRequests);
    }

    [Fact]
    public void Polling_settings_out_of_range_are_refused_naming_them()
    {
        var error = Assert.Throws<PaymentsConfigurationException>(() => new ScriptedOperation(TestClients.VirtualClock(), [], polling: new PaymentsPollingOptions { Jitter = 1.5, MaxWait = TimeSpan.Zero }));

        Assert.Contains(error.Failures, f => f.Contains("Jitter", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxWait", StringComparison.Ordinal));
    }

    private static CardPaymentOutcome Outcome(CardPaymentStatus status) => new()
    {
        Provider = "test",
        Kind = CardPaymentKind.Payment,
        Status = status,
        Amount = new Money(12.50m, "EUR"),
    };

    /// <summary>An operation whose reads return the script's outcomes (null: not final) or throw its exceptions, then <paramref name="always"/> or "not final".</summary>
    private sealed class ScriptedOperation(FakeClock clock, object?[] script, PaymentsPollingOptions? polling = null, Exception? always = null)
        : PolledCardPaymentOperation("test", "op_1", clock, polling)
    {
        private int _reads;

        public int Reads => _reads;

        public int CancelRequests { get; private set; }

        protected override Task<CardPaymentOutcome?> ReadOutcomeAsync(CancellationToken cancellationToken)
        {
            var read = Interlocked.Increment(ref _reads) - 1;
            var next = read < script.Length ? script[read] : always;
            return next switch
            {
                Exception error => Task.FromException<CardPaymentOutcome?>(error),
                CardPaymentOutcome outcome => Task.FromResult<CardPaymentOutcome?>(outcome),
                _ => Task.FromResult<CardPaymentOutcome?>(null),
            };
        }

        protected override Task RequestCancelAsync(CancellationToken cancellationToken)
        {
            CancelRequests++;
            return Task.CompletedTask;
        }
    }
}
