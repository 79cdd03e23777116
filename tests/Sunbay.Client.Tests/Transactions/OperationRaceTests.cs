using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunbay.Client.Http;
using Sunbay.Client.Notifications;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>
/// Interleavings of polls, webhooks, cancellation and disposal, each forced by hand: answers are released by the test
/// (<see cref="GatedHandler"/>), time moves only when the test moves it, webhooks are published at the exact moment.
/// </summary>
public sealed class OperationRaceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static Transaction Webhook(string status = "S") =>
        SunbayModelFactory.Transaction("req1", TransactionStatus.Parse(status), transactionId: "from-webhook");

    [Fact]
    public async Task A_stale_poll_answer_after_the_webhook_does_not_undo_the_completion()
    {
        var handler = new GatedHandler();
        var bus = new InProcessTransactionNotificationBus();
        using var client = new SunbayClient(TestClients.Options(), handler, TestClients.Clock(), notificationBus: bus);
        var operation = client.GetOperation("req1");

        var wait = operation.WaitForCompletionAsync();
        var waitPoll = await handler.NextAsync();               // the wait's poll is in flight
        var update = operation.UpdateStatusAsync();
        var updatePoll = await handler.NextAsync();             // and so is a caller's own query

        await bus.PublishAsync(Webhook());                       // the verified webhook arrives
        var result = await wait.WaitAsync(Guard);               // at once: no poll answer needed
        Assert.Equal("from-webhook", result.TransactionId);
        Assert.True(operation.HasCompleted);

        updatePoll.Respond(StubHandler.Query("req1", "P", resultCode: null)); // the stale answers arrive
        waitPoll.Respond(StubHandler.Query("req1", "P", resultCode: null));
        var updated = await update.WaitAsync(Guard);

        Assert.Same(result, updated);
        Assert.True(operation.HasCompleted);
        Assert.Same(result, operation.Value);
        Assert.Equal(TransactionUpdateSource.Webhook, operation.CompletedBy);
    }

    [Fact]
    public async Task The_first_final_status_wins_over_a_different_later_one()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)))
            .Always(_ => StubHandler.Json(StubHandler.Query("req1", "F", resultCode: "051")));
        var bus = new InProcessTransactionNotificationBus();
        using var client = TestClients.Create(stub, bus: bus);
        var operation = client.GetOperation("req1");
        var wait = operation.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => operation.LastKnown is not null);

        await bus.PublishAsync(Webhook("S"));
        Assert.Equal(TransactionStatus.Success, (await wait.WaitAsync(Guard)).Status);
        var later = await operation.UpdateStatusAsync();          // a later query contradicts it

        Assert.Equal(TransactionStatus.Success, later.Status);
        Assert.Equal(TransactionStatus.Success, operation.Value.Status);
        Assert.Equal(TransactionUpdateSource.Webhook, operation.CompletedBy);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancelling_one_wait_leaves_the_other_wait_on_the_same_transaction_listening(bool sameOperation)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)));
        var bus = new InProcessTransactionNotificationBus();
        using var client = TestClients.Create(stub, bus: bus);
        var first = client.GetOperation("req1");
        var second = sameOperation ? first : client.GetOperation("req1");
        using var cancellation = new CancellationTokenSource();

        var cancelled = first.WaitForCompletionAsync(cancellation.Token);
        var waiting = second.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => stub.Calls.Count >= 2);
        Assert.Equal(2, client.Waiters.Count);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
        Assert.Equal(1, client.Waiters.Count);
        await bus.PublishAsync(Webhook());

        var result = await waiting.WaitAsync(Guard);             // the clock never moved: only the webhook can end it
        Assert.Equal("from-webhook", result.TransactionId);
        Assert.Equal(TransactionUpdateSource.Webhook, second.CompletedBy);
        Assert.Equal(0, client.Waiters.Count);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_wait_between_polls_with_the_sdk_exception()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)));
        var time = TestClients.Clock();
        var client = TestClients.Create(stub, time);
        var operation = client.GetOperation("req1");
        var wait = operation.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => operation.LastKnown is not null);

        client.Dispose();

        var error = await Assert.ThrowsAsync<SunbayClientDisposedException>(() => wait.WaitAsync(Guard));
        Assert.Equal("req1", error.TransactionRequestId);
        Assert.Contains("GetOperation(\"req1\")", error.Message, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(stub.Calls);
    }

    [Fact]
    public async Task Disposing_the_client_during_a_poll_in_flight_ends_the_wait_and_the_query_with_the_sdk_exception()
    {
        var handler = new GatedHandler();
        var client = new SunbayClient(TestClients.Options(), handler, TestClients.Clock());
        var wait = client.GetOperation("req1").WaitForCompletionAsync();
        await handler.NextAsync();
        var query = client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req2"));
        await handler.NextAsync();

        client.Dispose();

        await Assert.ThrowsAsync<SunbayClientDisposedException>(() => wait.WaitAsync(Guard));
        var queryError = await Assert.ThrowsAsync<SunbayClientDisposedException>(() => query.WaitAsync(Guard));
        Assert.Equal("query", queryError.Operation);
        var later = await Assert.ThrowsAsync<SunbayClientDisposedException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req3")));
        Assert.Equal("query", later.Operation);
        await Assert.ThrowsAsync<SunbayClientDisposedException>(() => client.GetOperation("req1").WaitForCompletionAsync());
    }

    [Fact]
    public async Task A_push_interrupted_by_disposal_is_outcome_unknown()
    {
        var handler = new GatedHandler();
        var client = new SunbayClient(TestClients.Options(), handler, TestClients.Clock());
        var sale = client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req-push"));
        await handler.NextAsync();

        client.Dispose();

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => sale.WaitAsync(Guard));
        Assert.True(error.OutcomeUnknown);
        Assert.Equal("req-push", error.TransactionRequestId);
        Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_poll_does_not_end_the_wait_and_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Envelope("null", code: "C01", msg: "Unauthorized"), HttpStatusCode.Unauthorized))
            .Then(_ => StubHandler.Json(StubHandler.Envelope("null", code: "C01", msg: "Unauthorized"), HttpStatusCode.Unauthorized))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var time = TestClients.Clock();
        using var client = new SunbayClient(TestClients.Options(), stub, time, factory);

        var result = await time.DriveAsync(client.GetOperation("req1").WaitForCompletionAsync(), TimeSpan.FromMilliseconds(500));

        Assert.Equal(TransactionStatus.Success, result.Status);
        Assert.Equal(3, stub.Calls.Count);
        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Polling transaction req1 failed; polling goes on", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("Polling transaction req1 failed again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_whose_polls_keep_failing_times_out_saying_what_it_saw()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")))
            .Always(_ => StubHandler.Json(StubHandler.Envelope("null", code: "C01", msg: "Unauthorized"), HttpStatusCode.Unauthorized));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);
        var start = time.GetUtcNow();
        var sale = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1") with { ExpiresAt = start.AddMinutes(3) });

        var error = await Assert.ThrowsAsync<SunbayOperationTimeoutException>(() => time.DriveAsync(sale.WaitForCompletionAsync(), TimeSpan.FromSeconds(5)));

        Assert.Equal(TransactionStatus.Processing, error.LastStatus);
        var last = Assert.IsType<SunbayApiException>(error.LastError);
        Assert.Equal("C01", last.Code);
        Assert.Contains("Processing", error.Message, StringComparison.Ordinal);
        Assert.Contains("C01", error.Message, StringComparison.Ordinal);
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task A_configuration_reload_that_fails_validation_does_not_end_the_wait()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)))
            .Always(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var time = TestClients.Clock();
        var monitor = new BreakableOptionsMonitor(TestClients.Options());
        using var waiters = new TransactionWaiters(new InProcessTransactionNotificationBus());
        var pipeline = new SunbayPipeline(Options.DefaultName, new HttpClient(stub), monitor, time, NullLogger.Instance, BearerRequestSigner.Instance, new CallBreaker(time), ownsHttp: true);
        using var client = new SunbayClient(pipeline, waiters);
        var operation = client.GetOperation("req1");
        var wait = operation.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => operation.LastKnown is not null);

        monitor.Broken = true;                                    // a reload fails validation...
        await time.DriveUntilAsync(() => monitor.Rejections >= 2, TimeSpan.FromMilliseconds(500), maxSteps: 100);
        monitor.Broken = false;                                   // ...and is fixed
        var result = await time.DriveAsync(wait, TimeSpan.FromMilliseconds(500));

        Assert.Equal(TransactionStatus.Success, result.Status);
        Assert.Equal(2, stub.Calls.Count);
    }

    private sealed class BreakableOptionsMonitor(SunbayClientOptions value) : IOptionsMonitor<SunbayClientOptions>
    {
        private int _rejections;

        public volatile bool Broken;

        public int Rejections => Volatile.Read(ref _rejections);

        public SunbayClientOptions CurrentValue => Get(Options.DefaultName);

        public SunbayClientOptions Get(string? name)
        {
            if (Broken)
            {
                Interlocked.Increment(ref _rejections);
                throw new OptionsValidationException(name ?? string.Empty, typeof(SunbayClientOptions), ["Sunbay:ApiKey is required."]);
            }

            return value;
        }

        public IDisposable? OnChange(Action<SunbayClientOptions, string?> listener) => null;
    }
}
