using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// Every mutating operation under every fault: the SDK sends the POST exactly once, reports the right error, and the
/// recovery pattern (query by <c>transactionRequestId</c>, re-send only what did not happen) ends in the host's state
/// without charging twice.
/// </summary>
public sealed class PushFaultMatrixTests : IAsyncLifetime
{
    private static readonly string[] Operations =
        ["sale", "auth", "forced-auth", "incremental-auth", "post-auth", "refund", "void", "abort", "tip-adjust", "batch-close"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in Operations)
            {
                foreach (var fault in Faults.All)
                {
                    data.Add(operation, fault);
                }
            }

            return data;
        }
    }

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _client = _host.CreateClient(o => o.Retry.BaseDelay = TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_faulted_push_is_sent_once_and_reconciles_to_the_host_state(string operation, string fault)
    {
        var push = await PrepareAsync(operation, Faults.RequestId(operation, fault));
        var postsBefore = Posts(push.Endpoint).Count;
        Faults.Arm(_host, push.Endpoint, fault);

        var error = await Faults.RunAsync(_time, _host, push.Endpoint, fault, push.Send);

        // 1. One POST for the call, whatever happened to it.
        Assert.Single(Posts(push.Endpoint).Skip(postsBefore));
        Assert.Equal(0, _host.Faults.Pending);

        // 2. The right error.
        AssertError(error, fault, operation, push.Key);

        // 3. Reconcile: query, re-send only when it did not happen, then let the terminal finish.
        await push.Reconcile();
        _time.Advance(TimeSpan.FromSeconds(3));
        await push.AssertMatchesHost();

        var posts = Posts(push.Endpoint).Skip(postsBefore).ToList();
        Assert.Single(posts, Faults.WasProcessed);
        Assert.Equal(Faults.IsProcessed(fault) ? 1 : 2, posts.Count);
        Assert.All(_host.Transactions.GroupBy(t => t.TransactionRequestId, StringComparer.Ordinal), g => Assert.Single(g));
    }

    private static void AssertError(Exception? error, string fault, string operation, string key)
    {
        if (Faults.Succeeds(fault))
        {
            Assert.Null(error);
            return;
        }

        if (fault == nameof(FakeFault.DuplicateClientRequestId))
        {
            var api = Assert.IsType<SunbayApiException>(error);
            Assert.Equal(FakeSunbayCodes.DuplicateRequest, api.Code);
            return;
        }

        var transport = Assert.IsType<SunbayTransportException>(error);
        Assert.Equal(operation, transport.Operation);
        Assert.Equal(key, transport.TransactionRequestId);
        Assert.Equal(!Faults.KnownNotProcessed(fault), transport.OutcomeUnknown);
        if (fault == nameof(FakeFault.TooManyRequests))
        {
            Assert.Equal(429, transport.StatusCode);
        }

        if (Faults.IsRedirect(fault))
        {
            Assert.Contains("not followed", transport.Message, StringComparison.Ordinal);
        }
    }

    private List<RecordedRequest> Posts(FakeEndpoint endpoint) => [.. _host.Journal.Where(r => r.Endpoint == endpoint)];

    private async Task<Push> PrepareAsync(string operation, string id)
    {
        switch (operation)
        {
            case "sale":
            {
                var request = new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-R", Description = "Reliability", TransactionRequestId = id };
                return Transaction(FakeEndpoint.Sale, request, ct => _client.StartSaleAsync(request, ct));
            }

            case "auth":
            {
                var request = new AuthRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-R", Description = "Reliability", TransactionRequestId = id };
                return Transaction(FakeEndpoint.Auth, request, ct => _client.StartAuthAsync(request, ct));
            }

            case "forced-auth":
            {
                var request = new ForcedAuthRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-R", Description = "Reliability", TransactionRequestId = id };
                return Transaction(FakeEndpoint.ForcedAuth, request, ct => _client.StartForcedAuthAsync(request, ct));
            }

            case "incremental-auth":
            {
                var auth = await ApprovedAsync(new AuthRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-R", Description = "Original" });
                var request = new IncrementalAuthRequest { OriginalTransactionRequestId = auth.TransactionRequestId, Amount = 200, Currency = "USD", TransactionRequestId = id };
                return Transaction(FakeEndpoint.IncrementalAuth, request, ct => _client.StartIncrementalAuthAsync(request, ct));
            }

            case "post-auth":
            {
                var auth = await ApprovedAsync(new AuthRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-R", Description = "Original" });
                var request = new PostAuthRequest { OriginalTransactionRequestId = auth.TransactionRequestId, Amount = 900, Currency = "USD", TransactionRequestId = id };
                return Transaction(FakeEndpoint.PostAuth, request, ct => _client.StartPostAuthAsync(request, ct));
            }

            case "refund":
            {
                var sale = await ApprovedAsync(OriginalSale());
                var request = RefundRequest.For(sale, 400) with { TransactionRequestId = id };
                return Transaction(FakeEndpoint.Refund, request, ct => _client.StartRefundAsync(request, ct));
            }

            case "void":
            {
                var sale = await ApprovedAsync(OriginalSale());
                var request = VoidRequest.For(sale) with { TransactionRequestId = id };
                return Transaction(FakeEndpoint.Void, request, ct => _client.StartVoidAsync(request, ct));
            }

            case "abort":
                return await AbortAsync();
            case "tip-adjust":
                return await TipAdjustAsync();
            case "batch-close":
                return await BatchCloseAsync(id);
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    /// <summary>A push that creates a transaction: reconciled with FindTransactionAsync then StartOrResumeAsync.</summary>
    private Push Transaction(FakeEndpoint endpoint, PushRequest request, Func<CancellationToken, Task> send)
    {
        var id = request.TransactionRequestId!;
        return new Push(endpoint, id, send,
            async () =>
            {
                var found = await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(id));
                Assert.Equal(_host.FindTransaction(id)?.TransactionId, found?.TransactionId);
                var operation = await _client.StartOrResumeAsync(request);
                Assert.Equal(id, operation.TransactionRequestId);
            },
            async () =>
            {
                var host = _host.FindTransaction(id);
                Assert.NotNull(host);
                var client = await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(id));
                Assert.NotNull(client);
                Assert.Equal(host.TransactionId, client.TransactionId);
                Assert.Equal(TransactionStatus.Parse(host.Status), client.Status);
                Assert.True(client.Status.IsFinal, $"{client} is not final.");
                Assert.Equal(host.OrderAmount, client.Amount?.Order);
                Assert.Single(_host.Transactions, t => t.TransactionRequestId == id);
            });
    }

    /// <summary>Abort: it creates nothing; the original's state tells whether it happened, and aborting again is harmless.</summary>
    private async Task<Push> AbortAsync()
    {
        _host.Terminals.First().NeverPresentCardNext();
        var pending = await _client.StartSaleAsync(OriginalSale());
        var original = pending.TransactionRequestId!;
        var request = new AbortRequest { OriginalTransactionRequestId = original };
        return new Push(FakeEndpoint.Abort, original, ct => _client.StartAbortAsync(request, ct),
            async () =>
            {
                var state = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(original));
                Assert.Equal(TransactionStatus.Parse(_host.FindTransaction(original)!.Status), state.Status);
                if (state.Status == TransactionStatus.Processing)
                {
                    await _client.StartAbortAsync(request);
                }
            },
            async () =>
            {
                var state = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(original));
                Assert.Equal("C", _host.FindTransaction(original)!.Status);
                Assert.Equal(TransactionStatus.Closed, state.Status);
            });
    }

    /// <summary>Tip adjust sets an absolute tip: the original's tip tells whether it happened.</summary>
    private async Task<Push> TipAdjustAsync()
    {
        var sale = await ApprovedAsync(OriginalSale());
        var original = sale.TransactionRequestId;
        var request = new TipAdjustRequest { OriginalTransactionRequestId = original, TipAmount = 150 };
        return new Push(FakeEndpoint.TipAdjust, original, ct => _client.TipAdjustAsync(request, ct),
            async () =>
            {
                var state = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(original));
                Assert.Equal(_host.FindTransaction(original)!.TipAmount, state.Amount?.Tip ?? 0);
                if ((state.Amount?.Tip ?? 0) != request.TipAmount)
                {
                    await _client.TipAdjustAsync(request);
                }
            },
            async () =>
            {
                var state = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(original));
                Assert.Equal(150, _host.FindTransaction(original)!.TipAmount);
                Assert.Equal(150, state.Amount?.Tip);
            });
    }

    /// <summary>Batch close: the list of closed batches tells whether it happened; a re-send keeps the same transactionRequestId.</summary>
    private async Task<Push> BatchCloseAsync(string id)
    {
        var sale = await ApprovedAsync(OriginalSale());
        var request = new BatchCloseRequest { ChannelCode = _host.ChannelCode, TransactionRequestId = id };
        return new Push(FakeEndpoint.BatchClose, id, ct => _client.BatchCloseAsync(request, ct),
            async () =>
            {
                var closed = await _client.GetBatchCloseListAsync();
                Assert.Equal(_host.FindTransaction(sale.TransactionRequestId)!.BatchStatus == "C" ? 1 : 0, closed.Count);
                if (closed.Count == 0)
                {
                    await _client.BatchCloseAsync(request);
                }
            },
            async () =>
            {
                var closed = Assert.Single(await _client.GetBatchCloseListAsync());
                Assert.Equal(1, closed.TransactionCount);
                Assert.Equal("C", _host.FindTransaction(sale.TransactionRequestId)!.BatchStatus);
                Assert.Equal(BatchStatus.Closed, (await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(sale.TransactionRequestId))).BatchStatus);
            });
    }

    private async Task<Transaction> ApprovedAsync(SaleRequest request) => await CompleteAsync(await _client.StartSaleAsync(request));

    private async Task<Transaction> ApprovedAsync(AuthRequest request) => await CompleteAsync(await _client.StartAuthAsync(request));

    private async Task<Transaction> CompleteAsync(TransactionOperation operation)
    {
        _time.Advance(TimeSpan.FromSeconds(3));
        var transaction = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(operation.TransactionRequestId!));
        Assert.True(transaction.IsApproved, transaction.ToString());
        return transaction;
    }

    private static SaleRequest OriginalSale() => new() { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-O", Description = "Original" };

    private sealed record Push(FakeEndpoint Endpoint, string Key, Func<CancellationToken, Task> Send, Func<Task> Reconcile, Func<Task> AssertMatchesHost);
}
