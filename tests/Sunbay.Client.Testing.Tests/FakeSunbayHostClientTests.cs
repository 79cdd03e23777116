using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>End to end through <see cref="SunbayClient"/> against the fake, on a fake clock.</summary>
public sealed class FakeSunbayHostClientTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeSunbayHost _host;
    private readonly SunbayClient _client;

    public FakeSunbayHostClientTests()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private static SaleRequest Sale(long amount) => new() { Amount = amount, Currency = "USD", ReferenceOrderId = "ORDER-0001", Description = "Coffee" };

    [Fact]
    public async Task Sale_then_wait_then_partial_and_full_refund()
    {
        var sale = await _client.StartSaleAsync(Sale(1000));
        Assert.False(sale.HasCompleted);
        Assert.Equal("P", _host.FindTransaction(sale.TransactionRequestId)!.Status);

        _time.Advance(TimeSpan.FromSeconds(2));
        var paid = await sale.WaitForCompletionAsync();

        Assert.Equal(TransactionStatus.Success, paid.Status);
        Assert.Equal("000", paid.ResultCode);
        Assert.Equal(1000, paid.Amount!.Total);
        Assert.Matches("^[0-9]{6}\\*{4}[0-9]{4}$", paid.MaskedPan!);
        Assert.Equal(EntryMode.Contactless, paid.EntryMode);
        Assert.Equal("VISA", paid.PaymentMethodId);
        Assert.Equal("CREDIT", paid.CardNetworkType);
        Assert.False(string.IsNullOrEmpty(paid.AuthCode));
        Assert.Equal(BatchStatus.Open, paid.BatchStatus);
        Assert.NotNull(paid.CompletedAt);

        var partial = await _client.StartRefundAsync(RefundRequest.For(paid, 400));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TransactionStatus.Success, (await partial.WaitForCompletionAsync()).Status);
        Assert.Equal("PART_REFUNDED", _host.FindTransaction(sale.TransactionRequestId)!.RelatedTransactionStatus);

        var tooMuch = await Assert.ThrowsAsync<SunbayApiException>(() => _client.StartRefundAsync(RefundRequest.For(paid, 700)));
        Assert.Equal(FakeSunbayCodes.RefundExceedsAmount, tooMuch.Code);

        var rest = await _client.StartRefundAsync(RefundRequest.For(paid, 600));
        _time.Advance(TimeSpan.FromSeconds(2));
        var refunded = await rest.WaitForCompletionAsync();

        Assert.Equal(TransactionStatus.Success, refunded.Status);
        var original = _host.FindTransaction(sale.TransactionRequestId)!;
        Assert.Equal("REFUNDED", original.RelatedTransactionStatus);
        Assert.Equal(1000, original.RefundedAmount);
        Assert.Equal("REFUND", _host.FindTransaction(rest.TransactionRequestId)!.Type);
    }

    [Fact]
    public async Task Full_refund_carries_the_original_components_and_the_limit_counts_order_amounts()
    {
        var sale = await _client.StartSaleAsync(Sale(1000) with { TipAmount = 200, SurchargeAmount = 30 });
        _time.Advance(TimeSpan.FromSeconds(2));
        var paid = await sale.WaitForCompletionAsync();

        var full = RefundRequest.For(paid);
        var partial = RefundRequest.For(paid, 300);

        Assert.Equal(1230, paid.Amount!.Total);
        Assert.Equal((1000L, 200L, (long?)null, 30L, (long?)null), (full.Amount, full.TipAmount!.Value, full.TaxAmount, full.SurchargeAmount!.Value, full.CashbackAmount));
        Assert.Equal((300L, (long?)null, (long?)null), (partial.Amount, partial.TipAmount, partial.SurchargeAmount));

        var refund = await _client.StartRefundAsync(full);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TransactionStatus.Success, (await refund.WaitForCompletionAsync()).Status);
        using var body = System.Text.Json.JsonDocument.Parse(_host.Journal.Single(r => r.Endpoint == FakeEndpoint.Refund).Body);
        var sent = body.RootElement.GetProperty("amount").EnumerateObject()
            .Where(p => p.Value.ValueKind != System.Text.Json.JsonValueKind.Null)
            .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["orderAmount"] = "1000", ["tipAmount"] = "200", ["surchargeAmount"] = "30", ["priceCurrency"] = "USD" }, sent);
        var original = _host.FindTransaction(sale.TransactionRequestId)!;
        Assert.Equal("REFUNDED", original.RelatedTransactionStatus);
        Assert.Equal(1000, original.RefundedAmount);

        var more = await Assert.ThrowsAsync<SunbayApiException>(() => _client.StartRefundAsync(RefundRequest.For(paid, 1)));
        Assert.Equal(FakeSunbayCodes.RefundExceedsAmount, more.Code);
    }

    [Fact]
    public async Task Operations_without_a_description_send_a_short_default()
    {
        async Task<Transaction> CompleteAsync(TransactionOperation operation)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            return await operation.WaitForCompletionAsync();
        }

        var refunded = await CompleteAsync(await _client.StartSaleAsync(Sale(1000)));
        await CompleteAsync(await _client.StartRefundAsync(RefundRequest.For(refunded, 100)));
        var voided = await CompleteAsync(await _client.StartSaleAsync(Sale(1001)));
        await CompleteAsync(await _client.StartVoidAsync(VoidRequest.For(voided)));
        var pending = await _client.StartSaleAsync(Sale(1002));
        await _client.StartAbortAsync(new AbortRequest { OriginalTransactionRequestId = pending.TransactionRequestId });
        var auth = await CompleteAsync(await _client.StartAuthAsync(new AuthRequest { Amount = 5000, Currency = "USD", ReferenceOrderId = "HOTEL-0001", Description = "Room" }));
        await CompleteAsync(await _client.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 500, Currency = "USD", OriginalTransactionId = auth.TransactionId }));
        await CompleteAsync(await _client.StartPostAuthAsync(new PostAuthRequest { Amount = 5500, Currency = "USD", OriginalTransactionId = auth.TransactionId }));
        await _client.BatchCloseAsync(new BatchCloseRequest { ChannelCode = _host.ChannelCode });

        string Sent(FakeEndpoint endpoint) => _host.Journal.Single(r => r.Endpoint == endpoint && r.Code == FakeSunbayCodes.Success).Body;
        Assert.Contains("\"description\":\"Refund\"", Sent(FakeEndpoint.Refund), StringComparison.Ordinal);
        Assert.Contains("\"description\":\"Void\"", Sent(FakeEndpoint.Void), StringComparison.Ordinal);
        Assert.Contains("\"description\":\"Abort\"", Sent(FakeEndpoint.Abort), StringComparison.Ordinal);
        Assert.Contains("\"description\":\"Incremental auth\"", Sent(FakeEndpoint.IncrementalAuth), StringComparison.Ordinal);
        Assert.Contains("\"description\":\"Capture\"", Sent(FakeEndpoint.PostAuth), StringComparison.Ordinal);
        Assert.Contains("\"description\":\"Batch close\"", Sent(FakeEndpoint.BatchClose), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9823, "005", "Do not honor")]
    [InlineData(9734, "051", "Insufficient funds")]
    [InlineData(9651, "054", "Expired card")]
    [InlineData(9542, "014", "Invalid account number")]
    [InlineData(9467, "062", "Restricted card")]
    [InlineData(9318, "061", "Exceeds approval amount limit")]
    [InlineData(9276, "0N7", "Decline for CVV2 failure")]
    [InlineData(9185, "041", "Lost card")]
    [InlineData(9094, "043", "Stolen card")]
    [InlineData(8917, "001", "Refer to card issuer")]
    [InlineData(8826, "059", "Suspected fraud")]
    [InlineData(7629, "091", "Issuer or switch inoperative")]
    public async Task Sandbox_amount_table_declines(long amount, string code, string message)
    {
        var sale = await _client.StartSaleAsync(Sale(amount));
        _time.Advance(TimeSpan.FromSeconds(2));

        var result = await sale.WaitForCompletionAsync();

        Assert.Equal(TransactionStatus.Fail, result.Status);
        Assert.Equal(code, result.ResultCode);
        Assert.Equal(message, result.ResultMessage);
        Assert.Null(result.AuthCode);
        Assert.False(_host.Terminal("FAKE-T1").IsBusy);
    }

    [Fact]
    public async Task Refund_of_a_declined_sale_is_not_allowed()
    {
        var sale = await _client.StartSaleAsync(Sale(9823));
        _time.Advance(TimeSpan.FromSeconds(2));
        var declined = await sale.WaitForCompletionAsync();

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => _client.StartRefundAsync(RefundRequest.For(declined, 100)));

        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, error.Code);
    }

    [Fact]
    public async Task Scripted_terminal_outcomes_and_present_card()
    {
        var terminal = _host.Terminal("FAKE-T1");
        terminal.DeclineNext("051", "Insufficient funds");
        terminal.CancelNext();
        terminal.NeverPresentCardNext();

        var declined = await _client.StartSaleAsync(Sale(1000));
        Assert.True(terminal.PresentCard());
        Assert.Equal("051", (await declined.WaitForCompletionAsync()).ResultCode);

        var cancelled = await _client.StartSaleAsync(Sale(1000));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TransactionStatus.Closed, (await cancelled.WaitForCompletionAsync()).Status);

        var expiresAt = _time.GetUtcNow().AddMinutes(5);
        var abandoned = await _client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-0002", Description = "Tea", ExpiresAt = expiresAt });
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("P", _host.FindTransaction(abandoned.TransactionRequestId)!.Status);
        Assert.True(terminal.IsBusy);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("C", _host.FindTransaction(abandoned.TransactionRequestId)!.Status);
        Assert.False(terminal.IsBusy);
    }

    [Fact]
    public async Task Query_by_id_and_by_request_id_and_unknown_transaction()
    {
        var sale = await _client.StartSaleAsync(Sale(1234));
        _time.Advance(TimeSpan.FromSeconds(2));

        var byId = await _client.GetTransactionAsync(TransactionLookup.ByTransactionId(sale.TransactionId!));
        var byRequestId = await _client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(sale.TransactionRequestId));
        var missing = await Assert.ThrowsAsync<SunbayApiException>(() => _client.GetTransactionAsync(TransactionLookup.ByTransactionId("9999999999999999")));

        Assert.Equal(sale.TransactionRequestId, byId.TransactionRequestId);
        Assert.Equal(byId.TransactionId, byRequestId.TransactionId);
        Assert.Equal("SALE", byId.Type.Value);
        Assert.Equal(1234, byId.Amount!.Order);
        Assert.Equal("USD", byId.Amount.Currency);
        Assert.Equal(FakeSunbayCodes.TransactionNotFound, missing.Code);
    }

    [Fact]
    public async Task Many_concurrent_sales_over_many_terminals_all_complete()
    {
        var time = new FakeTimeProvider(_time.GetUtcNow());
        var options = new FakeSunbayHostOptions { TimeProvider = time };
        options.TerminalSns.Clear();
        for (var i = 0; i < 50; i++)
        {
            options.TerminalSns.Add($"T{i:D2}");
        }

        await using var host = FakeSunbayHost.Start(options);
        using var client = host.CreateClient();
        for (var round = 0; round < 10; round++)
        {
            var operations = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.StartSaleAsync(new SaleRequest
            {
                Amount = 100 + i,
                Currency = "USD",
                ReferenceOrderId = $"ORDER-{round:D2}-{i:D2}",
                Description = "Load",
                TerminalSn = $"T{i:D2}",
            })));
            time.Advance(TimeSpan.FromSeconds(2));
            var results = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync()));
            Assert.All(results, r => Assert.Equal(TransactionStatus.Success, r.Status));
        }

        Assert.Equal(500, host.Transactions.Count);
        Assert.Equal(500, host.Transactions.Select(t => t.TransactionId).Distinct().Count());
    }
}
