namespace Sunbay.Client.Testing.Tests;

/// <summary>
/// Unit tests as a user writes them: a service of the user's that takes <see cref="ISunbayClient"/>, a small hand-written
/// fake of it, and results built with <see cref="SunbayModelFactory"/>. No HTTP, no fake host, no clock. This project
/// sees no internals, so everything here is what a user can write too.
/// </summary>
public sealed class ModelFactoryTests
{
    [Fact]
    public async Task A_sale_the_terminal_approves_is_paid()
    {
        var approved = SunbayModelFactory.Transaction("pay-1", TransactionStatus.Success, TransactionType.Sale, transactionId: "7225836252468027", resultCode: "000");
        var sunbay = new FakeSunbay { Sale = _ => SunbayModelFactory.PendingTransactionOperation(approved) };
        var checkout = new CheckoutService(sunbay);

        var outcome = await checkout.PayAsync("ORDER-1", 1050, CancellationToken.None);

        Assert.Equal("paid 7225836252468027", outcome);
        var sent = Assert.Single(sunbay.Sales);
        Assert.Equal(1050, sent.Amount);
        Assert.Equal("ORDER-1", sent.ReferenceOrderId);
    }

    [Fact]
    public async Task A_decline_and_an_abort_are_told_apart()
    {
        var declined = SunbayModelFactory.Transaction("pay-2", TransactionStatus.Fail, resultCode: "051", resultMessage: "Insufficient funds");
        var closed = SunbayModelFactory.Transaction("pay-3", TransactionStatus.Closed);
        var answers = new Queue<TransactionOperation>([SunbayModelFactory.PendingTransactionOperation(declined), SunbayModelFactory.CompletedTransactionOperation(closed)]);
        var checkout = new CheckoutService(new FakeSunbay { Sale = _ => answers.Dequeue() });

        Assert.Equal("declined 051", await checkout.PayAsync("ORDER-2", 9734, CancellationToken.None));
        Assert.Equal("not paid (Closed)", await checkout.PayAsync("ORDER-3", 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_that_times_out_is_mocked_by_overriding_the_operation()
    {
        var checkout = new CheckoutService(new FakeSunbay { Sale = _ => new TimingOutOperation() });

        Assert.Equal("unknown, check later", await checkout.PayAsync("ORDER-4", 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_status_page_reads_what_the_lookup_returns()
    {
        var refunded = SunbayModelFactory.Transaction("pay-5", TransactionStatus.Success, relatedTransactionStatus: RelatedTransactionStatus.Refunded);
        var checkout = new CheckoutService(new FakeSunbay { Known = { ["pay-5"] = refunded } });

        Assert.Equal("Success (REFUNDED)", await checkout.StatusAsync("pay-5", CancellationToken.None));
        Assert.Equal("unknown", await checkout.StatusAsync("pay-6", CancellationToken.None));
    }

    [Fact]
    public async Task An_end_of_day_report_reads_batches_and_terminals()
    {
        var sunbay = new FakeSunbay
        {
            Batches = [SunbayModelFactory.OpenBatch(channelCode: "TSYS", currency: "USD", transactionCount: 3, netAmount: 4200)],
            Terminals = [SunbayModelFactory.Terminal("T1", tids: [SunbayModelFactory.ChannelId("TSYS", "TSYS", "TID-1")])],
        };

        var report = await new CheckoutService(sunbay).EndOfDayAsync(CancellationToken.None);

        Assert.Equal(["T1: TSYS 3 transaction(s), 4200 USD (TID-1)"], report);
    }

    [Fact]
    public async Task A_pending_operation_completes_on_its_first_update_and_keeps_its_keys()
    {
        var final = SunbayModelFactory.Transaction("pay-7", TransactionStatus.Success, TransactionType.Refund, transactionId: "42", terminalSn: "T1",
            amount: SunbayModelFactory.TransactionAmounts("USD", total: 500));
        var operation = SunbayModelFactory.PendingTransactionOperation(final);

        Assert.False(operation.HasCompleted);
        Assert.Null(operation.CompletedBy);
        Assert.Equal("pay-7", operation.TransactionRequestId);
        Assert.Equal("42", operation.TransactionId);
        Assert.Equal(TransactionStatus.Processing, operation.LastKnown!.Status);
        Assert.Equal(TransactionType.Refund, operation.LastKnown.Type);
        Assert.Null(operation.LastKnown.Amount);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
        Assert.Same(final, await operation.UpdateStatusAsync());
        Assert.True(operation.HasCompleted);
        Assert.Equal(TransactionUpdateSource.Query, operation.CompletedBy);
        Assert.Same(final, operation.Value);
        Assert.Same(final, await operation.WaitForCompletionOrAbortAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_completed_operation_is_final_from_the_start()
    {
        var paid = SunbayModelFactory.Transaction("pay-8", TransactionStatus.Success);
        var operation = SunbayModelFactory.CompletedTransactionOperation(paid, TransactionUpdateSource.Webhook);
        var seen = new List<Transaction>();

        Assert.True(operation.HasCompleted);
        Assert.Equal(TransactionUpdateSource.Webhook, operation.CompletedBy);
        Assert.Same(paid, operation.Value);
        Assert.Same(paid, await operation.WaitForCompletionAsync(new Progress(seen.Add)));
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_pending_operation_honours_cancellation_like_a_real_one()
    {
        var operation = SunbayModelFactory.PendingTransactionOperation(SunbayModelFactory.Transaction("pay-9", TransactionStatus.Success));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(new CancellationToken(canceled: true)));
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public void Operations_refuse_a_state_that_contradicts_them()
    {
        var processing = SunbayModelFactory.Transaction("pay-10", TransactionStatus.Processing);
        var paid = SunbayModelFactory.Transaction("pay-10", TransactionStatus.Success);

        var notFinal = Assert.Throws<ArgumentException>(() => SunbayModelFactory.CompletedTransactionOperation(processing));
        Assert.Throws<ArgumentException>(() => SunbayModelFactory.PendingTransactionOperation(processing));
        var finalBefore = Assert.Throws<ArgumentException>(() => SunbayModelFactory.PendingTransactionOperation(paid, lastKnown: paid));

        Assert.Equal("transaction", notFinal.ParamName);
        Assert.Equal("lastKnown", finalBefore.ParamName);
    }

    [Fact]
    public void Every_result_can_be_built()
    {
        var created = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var transaction = SunbayModelFactory.Transaction("k", TransactionStatus.Fail, TransactionType.Auth, "id", SunbayModelFactory.TransactionAmounts("EUR", 1, 2, 3, 4, 5, 6),
            "order", "original", created, created, "411111****1111", "CREDIT", "VISA", "SNAP", EntryMode.Contactless, AuthenticationMethod.Pin, "A1", "051", "Insufficient funds",
            "B1", "V1", "S1", "R1", "T1", "d", "a", RelatedTransactionStatus.PartiallyRefunded, BatchStatus.Open);
        var merchant = SunbayModelFactory.Merchant("M1", "Cafe", mids: [SunbayModelFactory.ChannelId("C", "Chan", "MID-1")], country: "USA", createdAt: created);
        var closed = SunbayModelFactory.ClosedBatch("B1", "S", created, "T1", "C", "USD", 2, 300, 10, 20, 30, "MID-1", "TID-1");
        var tip = SunbayModelFactory.TipAdjustResult("id", "k", 300);
        var notification = SunbayModelFactory.TransactionNotification(transaction, "delivery-1", created);

        Assert.Equal(("id", "k", "order", "original", 6L), (transaction.TransactionId, transaction.TransactionRequestId, transaction.ReferenceOrderId, transaction.OriginalTransactionId, transaction.Amount!.Cashback!.Value));
        Assert.Equal(RelatedTransactionStatus.PartiallyRefunded, transaction.RelatedTransactionStatus);
        Assert.Equal(BatchStatus.Open, transaction.BatchStatus);
        Assert.Equal(EntryMode.Contactless, transaction.EntryMode);
        Assert.Equal("Insufficient funds", transaction.ResultMessage);
        Assert.True(merchant.IsActive);
        Assert.Equal("MID-1", Assert.Single(merchant.Mids).Id);
        Assert.Equal(SunbayModelFactory.ChannelId("C", "Chan", "MID-1"), merchant.Mids[0]);
        Assert.Equal((2, "TID-1"), (closed.TransactionCount, closed.Tid));
        Assert.Equal(300, tip.TipAmount);
        Assert.Equal(("delivery-1", created, transaction), (notification.ClientRequestId, notification.Timestamp, notification.Transaction));
        Assert.Equal("txn:id:F:PART_REFUNDED", notification.DeduplicationKey);
    }

    /// <summary>The user's code under test: a checkout on top of the SDK.</summary>
    private sealed class CheckoutService(ISunbayClient sunbay)
    {
        public async Task<string> PayAsync(string orderId, long amount, CancellationToken cancellationToken)
        {
            var sale = await sunbay.StartSaleAsync(new SaleRequest { Amount = amount, Currency = "USD", ReferenceOrderId = orderId, Description = "Checkout" }, cancellationToken);
            try
            {
                var result = await sale.WaitForCompletionOrAbortAsync(TimeSpan.FromMinutes(2), cancellationToken);
                return result.IsApproved ? $"paid {result.TransactionId}"
                    : result.Status == TransactionStatus.Fail ? $"declined {result.ResultCode}"
                    : $"not paid ({result.Status})";
            }
            catch (SunbayOperationTimeoutException)
            {
                return "unknown, check later";
            }
        }

        public async Task<string> StatusAsync(string transactionRequestId, CancellationToken cancellationToken) =>
            await sunbay.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(transactionRequestId), cancellationToken) is { } found
                ? $"{found.Status}{(found.RelatedTransactionStatus is { } related ? $" ({related})" : string.Empty)}"
                : "unknown";

        public async Task<IReadOnlyList<string>> EndOfDayAsync(CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            await foreach (var terminal in sunbay.GetTerminalsAsync(cancellationToken: cancellationToken))
            {
                foreach (var batch in await sunbay.BatchQueryAsync(terminal.Sn, cancellationToken))
                {
                    var tid = terminal.Tids.FirstOrDefault(t => t.ChannelCode == batch.ChannelCode)?.Id;
                    lines.Add($"{terminal.Sn}: {batch.ChannelCode} {batch.TransactionCount} transaction(s), {batch.NetAmount} {batch.Currency} ({tid})");
                }
            }

            return lines;
        }
    }

    /// <summary>The user's hand-written fake: what the tests use answers, the rest is not needed.</summary>
    private sealed class FakeSunbay : ISunbayClient
    {
        public Func<SaleRequest, TransactionOperation> Sale { get; init; } = _ => throw new NotSupportedException();

        public List<SaleRequest> Sales { get; } = [];

        public Dictionary<string, Transaction> Known { get; } = [];

        public IReadOnlyList<OpenBatch> Batches { get; init; } = [];

        public IReadOnlyList<Terminal> Terminals { get; init; } = [];

        public Task<TransactionOperation> StartSaleAsync(SaleRequest request, CancellationToken cancellationToken = default)
        {
            Sales.Add(request);
            return Task.FromResult(Sale(request));
        }

        public Task<Transaction?> FindTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default) =>
            Task.FromResult(Known.GetValueOrDefault(lookup.TransactionRequestId ?? string.Empty));

        public Task<IReadOnlyList<OpenBatch>> BatchQueryAsync(string? terminalSn = null, CancellationToken cancellationToken = default) => Task.FromResult(Batches);

        public async IAsyncEnumerable<Terminal> GetTerminalsAsync(string? merchantId = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var terminal in Terminals)
            {
                await Task.Yield();
                yield return terminal;
            }
        }

        public Task<Transaction> GetTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartAuthAsync(AuthRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartForcedAuthAsync(ForcedAuthRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartIncrementalAuthAsync(IncrementalAuthRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartPostAuthAsync(PostAuthRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartRefundAsync(RefundRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartVoidAsync(VoidRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartAbortAsync(AbortRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TipAdjustResult> TipAdjustAsync(TipAdjustRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ClosedBatch>> BatchCloseAsync(BatchCloseRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ClosedBatch>> GetBatchCloseListAsync(BatchCloseListRequest? request = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Merchant> GetMerchantAsync(string? merchantId = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<TransactionOperation> StartOrResumeAsync(PushRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public TransactionOperation GetOperation(string transactionRequestId) => throw new NotSupportedException();
    }

    /// <summary>An operation mocked by overriding the one member the code under test calls.</summary>
    private sealed class TimingOutOperation : TransactionOperation
    {
        public override Task<Transaction> WaitForCompletionOrAbortAsync(TimeSpan abortAfter, CancellationToken cancellationToken = default) =>
            Task.FromException<Transaction>(new SunbayOperationTimeoutException("pay-4", TransactionStatus.Processing));
    }

    private sealed class Progress(Action<Transaction> report) : IProgress<Transaction>
    {
        public void Report(Transaction value) => report(value);
    }
}
