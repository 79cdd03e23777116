using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Recovery;

/// <summary>After a lost answer: find what happened, re-send only what did not, never refund twice.</summary>
public sealed class RecoveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private FakeSunbayHost _host = null!;
    private SunbayClient _client = null!;

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

    [Fact]
    public async Task A_sale_charged_before_its_answer_was_lost_is_found_and_never_sent_again()
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);
        var sale = Sale("LOST-AFTER");

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => _client.StartSaleAsync(sale));
        Assert.True(error.OutcomeUnknown);
        var found = await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(error.TransactionRequestId!));
        var resumed = await _client.StartOrResumeAsync(sale);
        _time.Advance(TimeSpan.FromSeconds(3));
        var result = await resumed.WaitForCompletionAsync();

        Assert.NotNull(found);
        Assert.True(result.IsApproved);
        Assert.Single(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
        Assert.Single(_host.Transactions);
    }

    [Fact]
    public async Task A_sale_lost_before_it_was_recorded_is_sent_again_with_the_same_key_and_a_new_request_id()
    {
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropBeforeRecording);
        var sale = Sale("LOST-BEFORE");

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => _client.StartSaleAsync(sale));
        Assert.Null(await _client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(error.TransactionRequestId!)));
        var resumed = await _client.StartOrResumeAsync(sale);
        _time.Advance(TimeSpan.FromSeconds(3));
        var result = await resumed.WaitForCompletionAsync();

        Assert.True(result.IsApproved);
        var posts = _host.Journal.Where(r => r.Endpoint == FakeEndpoint.Sale).ToList();
        Assert.Equal(2, posts.Count);
        Assert.NotEqual(posts[0].Headers["X-Client-Request-Id"], posts[1].Headers["X-Client-Request-Id"]);
        Assert.All(posts, p => Assert.Contains("\"transactionRequestId\":\"LOST-BEFORE\"", p.Body, StringComparison.Ordinal));
        Assert.Single(_host.Transactions);
    }

    [Fact]
    public async Task A_re_send_needs_the_original_request_id()
    {
        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.StartOrResumeAsync(Sale(null)));

        Assert.Equal("transactionRequestId", error.Field);
        Assert.Empty(_host.Journal);
    }

    [Theory]
    [InlineData("not a key!", "transactionRequestId")]
    [InlineData("VALID-KEY-1", "referenceOrderId")]
    public async Task An_invalid_re_send_is_refused_before_the_query(string transactionRequestId, string field)
    {
        var sale = Sale(transactionRequestId) with { ReferenceOrderId = field == "referenceOrderId" ? "ABC" : "ORDER-OK-01" };

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.StartOrResumeAsync(sale));

        Assert.Equal(field, error.Field);
        Assert.Empty(_host.Journal);
    }

    [Fact]
    public async Task An_unknown_not_found_code_is_never_taken_for_not_found()
    {
        using var strict = _host.CreateClient(o => o.TransactionNotFoundCodes.Clear());

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => strict.StartOrResumeAsync(Sale("NEVER-SENT")));

        Assert.Equal(FakeSunbayCodes.TransactionNotFound, error.Code);
        Assert.DoesNotContain(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
    }

    [Fact]
    public async Task A_partial_refund_is_refused_when_the_expected_refundable_amount_contradicts_sunbay()
    {
        var sale = await PaidSaleAsync(1000);
        var first = await _client.StartRefundAsync(RefundRequest.For(sale, 300) with { ExpectedRefundableAmount = 1000 });
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await first.WaitForCompletionAsync()).IsApproved);
        var refundsBefore = _host.Journal.Count(r => r.Endpoint == FakeEndpoint.Refund);

        // The caller lost track and believes the whole amount is still refundable: refused, nothing sent.
        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.StartRefundAsync(RefundRequest.For(sale, 300) with { ExpectedRefundableAmount = 1000 }));
        var tooMuch = await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.StartRefundAsync(RefundRequest.For(sale, 800) with { ExpectedRefundableAmount = 700 }));
        var second = await _client.StartRefundAsync(RefundRequest.For(sale, 700) with { ExpectedRefundableAmount = 700 });
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await second.WaitForCompletionAsync()).IsApproved);
        var afterFull = await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.StartRefundAsync(RefundRequest.For(sale, 1) with { ExpectedRefundableAmount = 1 }));

        Assert.Equal("expectedRefundableAmount", error.Field);
        Assert.Contains("partly refunded", error.Message, StringComparison.Ordinal);
        Assert.Equal("amount.orderAmount", tooMuch.Field);
        Assert.Contains("REFUNDED", afterFull.Message, StringComparison.Ordinal);
        Assert.Equal(refundsBefore + 1, _host.Journal.Count(r => r.Endpoint == FakeEndpoint.Refund));
    }

    [Fact]
    public async Task A_transaction_whose_request_id_was_lost_is_found_by_its_order_number()
    {
        var sale = await _client.StartSaleAsync(Sale(null) with { ReferenceOrderId = "ORDER-LOST-KEY" });
        _time.Advance(TimeSpan.FromSeconds(3));

        var found = await _client.FindTransactionAsync(TransactionLookup.ByReferenceOrderId("ORDER-LOST-KEY"));
        var missing = await _client.FindTransactionAsync(TransactionLookup.ByReferenceOrderId("ORDER-NEVER-SEEN"));

        Assert.NotNull(found);
        Assert.Equal(sale.TransactionRequestId, found.TransactionRequestId);
        Assert.True(found.IsApproved);
        Assert.Null(missing);
        Assert.Contains(_host.Journal, r => r.PathAndQuery.Contains("referenceOrderId=ORDER-LOST-KEY", StringComparison.Ordinal));
        await Assert.ThrowsAsync<PaymentsValidationException>(() => _client.FindTransactionAsync(TransactionLookup.ByReferenceOrderId("ORD#1")));
    }

    private async Task<Transaction> PaidSaleAsync(long amount)
    {
        var operation = await _client.StartSaleAsync(Sale(null) with { Amount = amount });
        _time.Advance(TimeSpan.FromSeconds(3));
        var sale = await operation.WaitForCompletionAsync();
        Assert.True(sale.IsApproved);
        return sale;
    }

    private static SaleRequest Sale(string? transactionRequestId) => new()
    {
        Amount = 1000,
        Currency = "USD",
        ReferenceOrderId = "ORDER-RECOVERY",
        Description = "Recovery test",
        TransactionRequestId = transactionRequestId,
    };
}
