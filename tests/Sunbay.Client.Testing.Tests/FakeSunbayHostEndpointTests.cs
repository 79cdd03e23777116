using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>The endpoints the client does not wrap yet, driven with raw JSON.</summary>
public sealed class FakeSunbayHostEndpointTests : IDisposable
{
    private const string Tx = "v1/semi-integration/transaction/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeSunbayHost _host;
    private readonly RawSunbay _raw;

    public FakeSunbayHostEndpointTests()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _raw = new RawSunbay(_host);
    }

    public void Dispose()
    {
        _raw.Dispose();
        _host.Dispose();
    }

    private async Task<string> PaidAsync(string path, string body)
    {
        var answer = await _raw.PostAsync(path, body);
        Assert.Equal("0", answer.Code);
        _time.Advance(TimeSpan.FromSeconds(2));
        return answer.DataString("transactionId")!;
    }

    [Fact]
    public async Task Auth_incremental_and_post_auth_without_terminal()
    {
        var authId = await PaidAsync(Tx + "auth", Bodies.Auth(_host, "AUTH1", 5000));

        var increment = await _raw.PostAsync(Tx + "incremental-auth", Bodies.FollowUp(_host, "INC1", authId, amount: 2000, push: false));
        Assert.Equal("S", increment.DataString("transactionStatus"));
        Assert.Equal(authId, increment.DataString("originalTransactionId"));
        Assert.Equal(7000, _host.FindTransaction("AUTH1")!.OrderAmount);

        var tooMuch = await _raw.PostAsync(Tx + "post-auth", Bodies.FollowUp(_host, "CAP0", authId, amount: 7001, push: false));
        Assert.Equal(FakeSunbayCodes.ExceedsAuthorizedAmount, tooMuch.Code);

        var capture = await _raw.PostAsync(Tx + "post-auth", Bodies.FollowUp(_host, "CAP1", authId, amount: 6500, push: false));
        Assert.Equal("S", capture.DataString("transactionStatus"));
        Assert.Equal("CAPTURE", _host.FindTransaction("AUTH1")!.RelatedTransactionStatus);
        Assert.Equal("POST_AUTH", _host.FindTransaction("CAP1")!.Type);

        var again = await _raw.PostAsync(Tx + "post-auth", Bodies.FollowUp(_host, "CAP2", authId, amount: 100, push: false));
        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, again.Code);
    }

    [Fact]
    public async Task Post_auth_on_a_sale_is_not_allowed_and_unknown_original_is_not_found()
    {
        var saleId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));

        var onSale = await _raw.PostAsync(Tx + "post-auth", Bodies.FollowUp(_host, "CAP1", saleId, amount: 100, push: false));
        var unknown = await _raw.PostAsync(Tx + "post-auth", Bodies.FollowUp(_host, "CAP2", "1111111111111111", amount: 100, push: false));

        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, onSale.Code);
        Assert.Equal(FakeSunbayCodes.TransactionNotFound, unknown.Code);
    }

    [Fact]
    public async Task Void_same_day_once_through_the_terminal()
    {
        var saleId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));

        var voided = await _raw.PostAsync(Tx + "void", Bodies.FollowUp(_host, "VOID1", saleId));
        Assert.Equal("P", voided.DataString("transactionStatus"));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("S", _host.FindTransaction("VOID1")!.Status);
        Assert.Equal("VOIDED", _host.FindTransaction("SALE1")!.RelatedTransactionStatus);
        var twice = await _raw.PostAsync(Tx + "void", Bodies.FollowUp(_host, "VOID2", saleId));
        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, twice.Code);
    }

    [Fact]
    public async Task Void_next_day_is_refused()
    {
        var saleId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));
        _time.Advance(TimeSpan.FromDays(1));

        var voided = await _raw.PostAsync(Tx + "void", Bodies.FollowUp(_host, "VOID1", saleId));

        Assert.Equal(FakeSunbayCodes.VoidWindowPassed, voided.Code);
    }

    [Fact]
    public async Task Abort_needs_the_original_and_closes_an_unpaid_transaction_only()
    {
        await _raw.PostAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));

        var unnamed = await _raw.PostAsync(Tx + "abort", Bodies.Scoped(_host, "\"terminalSn\":\"FAKE-T1\""));
        var blank = await _raw.PostAsync(Tx + "abort", Bodies.Scoped(_host, "\"terminalSn\":\"FAKE-T1\",\"originalTransactionId\":\" \""));
        var aborted = await _raw.PostAsync(Tx + "abort", Bodies.Scoped(_host, "\"terminalSn\":\"FAKE-T1\",\"originalTransactionRequestId\":\"SALE1\""));
        var again = await _raw.PostAsync(Tx + "abort", Bodies.Scoped(_host, "\"terminalSn\":\"FAKE-T1\",\"originalTransactionRequestId\":\"SALE1\""));

        Assert.Equal(FakeSunbayCodes.ParameterError, unnamed.Code);
        Assert.Contains("originalTransactionId", unnamed.Msg, StringComparison.Ordinal);
        Assert.Equal(FakeSunbayCodes.ParameterError, blank.Code);
        Assert.Contains("originalTransactionId", blank.Msg, StringComparison.Ordinal);
        Assert.Equal("0", aborted.Code);
        Assert.Equal("C", aborted.DataString("transactionStatus"));
        Assert.Equal("C", _host.FindTransaction("SALE1")!.Status);
        Assert.False(_host.Terminal("FAKE-T1").IsBusy);
        Assert.Equal(FakeSunbayCodes.StatusNotAllowed, again.Code);
    }

    [Fact]
    public async Task Refund_limit_counts_order_amounts_only()
    {
        var saleId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000).Replace("\"orderAmount\":1000", "\"orderAmount\":1000,\"tipAmount\":200", StringComparison.Ordinal));

        // 1100 is within the total (1200) but over the order amount (1000): the documented field decides.
        var overOrder = await _raw.PostAsync(Tx + "refund", Bodies.FollowUp(_host, "REF1", saleId, amount: 1100));
        var full = await _raw.PostAsync(Tx + "refund", Bodies.FollowUp(_host, "REF2", saleId, push: false).Replace("\"terminalSn\"", "\"amount\":{\"orderAmount\":1000,\"tipAmount\":200,\"priceCurrency\":\"USD\"},\"terminalSn\"", StringComparison.Ordinal));

        Assert.Equal(FakeSunbayCodes.RefundExceedsAmount, overOrder.Code);
        Assert.Equal("0", full.Code);
        var original = _host.FindTransaction("SALE1")!;
        Assert.Equal(1000, original.RefundedAmount);
        Assert.Equal("REFUNDED", original.RelatedTransactionStatus);
        Assert.Equal(200, _host.FindTransaction("REF2")!.TipAmount);
    }

    [Fact]
    public async Task Tip_adjust_is_synchronous_and_changes_the_total()
    {
        var saleId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));

        var tip = await _raw.PostAsync(Tx + "tip-adjust", Bodies.Scoped(_host, $"\"terminalSn\":\"FAKE-T1\",\"originalTransactionId\":\"{saleId}\",\"tipAmount\":150"));

        Assert.Equal("0", tip.Code);
        Assert.Equal("150", tip.DataString("tipAmount"));
        Assert.Equal(1150, _host.FindTransaction("SALE1")!.TransAmount);
        var query = await _raw.GetAsync(_raw.Query("v1/transaction/query", ("transactionId", saleId)));
        Assert.Equal("150", query.Data.GetProperty("amount").GetProperty("tipAmount").GetRawText());
    }

    [Fact]
    public async Task Unreferenced_refund_needs_a_reference_order_id()
    {
        var missing = await _raw.PostAsync(Tx + "refund", Bodies.Scoped(_host, "\"transactionRequestId\":\"R1\",\"amount\":{\"orderAmount\":500,\"priceCurrency\":\"USD\"},\"terminalSn\":\"FAKE-T1\""));
        var ok = await _raw.PostAsync(Tx + "refund", Bodies.Scoped(_host, "\"referenceOrderId\":\"RET-0001\",\"transactionRequestId\":\"R2\",\"amount\":{\"orderAmount\":500,\"priceCurrency\":\"USD\"},\"terminalSn\":\"FAKE-T1\""));

        Assert.Equal("C17", missing.Code);
        Assert.Contains("referenceOrderId", missing.Msg, StringComparison.Ordinal);
        Assert.Equal("0", ok.Code);
        Assert.Equal("RET-0001", ok.DataString("referenceOrderId"));
    }

    [Fact]
    public async Task Batch_query_close_and_close_list()
    {
        await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE1", 1000));
        var secondId = await PaidAsync(Tx + "sale", Bodies.Sale(_host, "SALE2", 2500));
        await PaidAsync(Tx + "refund", Bodies.FollowUp(_host, "REF1", secondId, amount: 500));

        var open = await _raw.GetAsync(_raw.Query("v1/settlement/batch-query", ("terminalSn", "FAKE-T1")));
        var batch = Assert.Single(open.Data.GetProperty("batchList").EnumerateArray());
        Assert.Equal(3, batch.GetProperty("totalCount").GetInt32());
        Assert.Equal(3000, batch.GetProperty("netAmount").GetInt64());
        Assert.Equal(_host.ChannelCode, batch.GetProperty("channelCode").GetString());

        var wrongChannel = await _raw.PostAsync("v1/settlement/batch-close", Bodies.Scoped(_host, "\"transactionRequestId\":\"BC0\",\"terminalSn\":\"FAKE-T1\",\"channelCode\":\"NOPE\""));
        Assert.Equal(FakeSunbayCodes.UnknownChannel, wrongChannel.Code);
        var closed = await _raw.PostAsync("v1/settlement/batch-close", Bodies.Scoped(_host, $"\"transactionRequestId\":\"BC1\",\"terminalSn\":\"FAKE-T1\",\"channelCode\":\"{_host.ChannelCode}\""));
        Assert.Equal("0", closed.Code);
        Assert.Equal("3", closed.DataString("transactionCount"));
        Assert.Equal("C", _host.FindTransaction("SALE1")!.BatchStatus);

        var empty = await _raw.GetAsync(_raw.Query("v1/settlement/batch-query", ("terminalSn", "FAKE-T1")));
        Assert.Empty(empty.Data.GetProperty("batchList").EnumerateArray());
        var list = await _raw.GetAsync(_raw.Query("v1/settlement/batch-close-list", ("terminalSn", "FAKE-T1")));
        var listed = Assert.Single(list.Data.GetProperty("batchCloseList").EnumerateArray());
        Assert.Equal(closed.DataString("batchNo"), listed.GetProperty("batchNo").GetString());

        var tooLong = await _raw.GetAsync(_raw.Query("v1/settlement/batch-close-list", ("terminalSn", "FAKE-T1"), ("startTime", "2026-01-01T00:00:00+00:00"), ("endTime", "2026-03-01T00:00:00+00:00")));
        Assert.Equal("C17", tooLong.Code);
    }

    [Fact]
    public async Task Merchant_and_paged_terminals()
    {
        var options = new FakeSunbayHostOptions { TimeProvider = _time, TerminalsPageSize = 2 };
        await using var host = FakeSunbayHost.Start(options);
        host.AddTerminal("T2");
        host.AddTerminal("T3");
        using var raw = new RawSunbay(host);

        var merchant = await raw.GetAsync(raw.Query("v1/merchant/query"));
        Assert.Equal(host.MerchantId, merchant.DataString("merchantId"));
        Assert.Equal(host.ChannelCode, merchant.Data.GetProperty("midList")[0].GetProperty("channelCode").GetString());

        var first = await raw.GetAsync(raw.Query("v1/merchant/terminals/query"));
        var token = first.DataString("nextToken");
        var second = await raw.GetAsync(raw.Query("v1/merchant/terminals/query", ("nextToken", token)));
        var bad = await raw.GetAsync(raw.Query("v1/merchant/terminals/query", ("nextToken", "garbage")));

        Assert.Equal(2, first.Data.GetProperty("terminals").GetArrayLength());
        Assert.NotNull(token);
        Assert.Equal("T3", Assert.Single(second.Data.GetProperty("terminals").EnumerateArray()).GetProperty("sn").GetString());
        Assert.Null(second.DataString("nextToken"));
        Assert.Equal("C17", bad.Code);
    }
}
