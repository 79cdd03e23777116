using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

public sealed class TransactionOperationTests
{
    [Fact]
    public async Task Waiting_polls_until_the_transaction_succeeds()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "S")));
        var time = TestClients.VirtualClock();
        using var client = TestClients.Create(stub, time);

        var sale = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1"));
        var seen = new List<TransactionStatus>();
        var result = await time.RunUntilAsync(sale.WaitForCompletionAsync(new SynchronousProgress(t => seen.Add(t.Status))), TimeSpan.FromMinutes(5));

        Assert.True(result.IsApproved);
        Assert.True(sale.HasCompleted);
        Assert.Equal(TransactionUpdateSource.Query, sale.CompletedBy);
        Assert.Same(result, sale.Value);
        Assert.Equal("411111****1111", result.MaskedPan);
        Assert.Equal(1000, result.Amount!.Total);
        Assert.Equal(4, stub.Calls.Count);
        Assert.Equal([TransactionStatus.Processing, TransactionStatus.Processing, TransactionStatus.Success], seen);
    }

    [Fact]
    public async Task A_dispatched_transaction_holds_what_the_dispatch_said_and_nothing_a_query_reports()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")));
        using var client = TestClients.Create(stub);

        var sale = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1"));
        var dispatched = sale.LastKnown!;

        Assert.Equal(("7225836252468027", "req1", "ORDER-0001", TransactionType.Sale, TransactionStatus.Processing), (dispatched.TransactionId, dispatched.TransactionRequestId, dispatched.ReferenceOrderId, dispatched.Type, dispatched.Status));
        Assert.Equal("T1", dispatched.TerminalSn);
        Assert.Null(dispatched.Amount);
        Assert.Null(dispatched.CreatedAt);
        Assert.Null(dispatched.MaskedPan);
        Assert.Null(dispatched.EntryMode);
        Assert.Null(dispatched.BatchStatus);
        Assert.Null(dispatched.Attach);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_push_is_followed_until_its_timeExpire_or_else_for_a_day_from_its_dispatch(bool withExpiry)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("req1")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);
        var expiresAt = time.GetUtcNow().AddMinutes(7);

        var operation = withExpiry
            ? await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1") with { ExpiresAt = expiresAt })
            : await client.StartVoidAsync(new VoidRequest { OriginalTransactionId = "7225836252468027" });

        Assert.Equal(withExpiry ? expiresAt : time.GetUtcNow().AddDays(1), operation.ExpiresAt);
    }

    [Fact]
    public async Task A_decline_is_a_result_not_an_exception()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "F", resultCode: "051")));
        using var client = TestClients.Create(stub);

        var sale = await client.StartSaleAsync(TestClients.Sale(9734, "req1"));
        var result = await sale.WaitForCompletionAsync();

        Assert.Equal(TransactionStatus.Fail, result.Status);
        Assert.False(result.IsApproved);
        Assert.Equal("051", result.ResultCode);
    }

    [Fact]
    public async Task A_transaction_that_never_finishes_times_out_after_its_expiry_and_the_grace_period()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")))
            .Always(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)));
        var time = TestClients.VirtualClock();
        using var client = TestClients.Create(stub, time);
        var start = time.GetUtcNow();

        var sale = await client.StartSaleAsync(new SaleRequest { Amount = 100, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", TransactionRequestId = "req1", ExpiresAt = start.AddMinutes(3) });
        var wait = sale.WaitForCompletionAsync();
        var error = await Assert.ThrowsAsync<SunbayOperationTimeoutException>(() => time.RunUntilAsync(wait, TimeSpan.FromMinutes(10)));

        Assert.Equal("req1", error.TransactionRequestId);
        Assert.Equal(TransactionStatus.Processing, error.LastStatus);
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task A_closed_transaction_completes_the_wait()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Dispatch("req1")))
            .Then(_ => StubHandler.Json(StubHandler.Query("req1", "CLOSED", resultCode: null)));
        using var client = TestClients.Create(stub);

        var result = await (await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "req1"))).WaitForCompletionAsync();

        Assert.Equal(TransactionStatus.Closed, result.Status);
    }

    [Fact]
    public async Task An_operation_rehydrated_from_its_request_id_finds_the_result()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Query("req-old", "S")));
        using var client = TestClients.Create(stub);

        var operation = client.GetOperation("req-old");
        Assert.Empty(stub.Calls);
        Assert.Null(operation.LastKnown);
        var result = await operation.WaitForCompletionAsync();

        Assert.Equal("req-old", result.TransactionRequestId);
        Assert.Contains("transactionRequestId=req-old", stub.Calls[0].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verified_notification_completes_the_wait_before_the_next_poll()
    {
        var bus = new InProcessTransactionNotificationBus();
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time, bus: bus);

        var operation = client.GetOperation("req1");
        var wait = operation.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => stub.Calls.Count > 0);

        await bus.PublishAsync(SunbayModelFactory.Transaction("req1", TransactionStatus.Success, transactionId: "42"));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("42", result.TransactionId);
        Assert.Single(stub.Calls);
        Assert.Equal(TransactionUpdateSource.Webhook, operation.CompletedBy);
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_polling()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("req1", "P", resultCode: null)));
        using var client = TestClients.Create(stub);
        using var cancellation = new CancellationTokenSource();

        var wait = client.GetOperation("req1").WaitForCompletionAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void Value_before_completion_says_what_to_do()
    {
        using var client = TestClients.Create(new StubHandler());

        var error = Assert.Throws<InvalidOperationException>(() => client.GetOperation("req1").Value);

        Assert.Contains("WaitForCompletionAsync", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<Transaction> report) : IProgress<Transaction>
    {
        public void Report(Transaction value) => report(value);
    }
}
