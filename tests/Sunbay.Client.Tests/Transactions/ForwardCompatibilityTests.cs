using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>A newer SUNBAY must not break a running integration: unknown values and fields are kept, never thrown on.</summary>
public sealed class ForwardCompatibilityTests
{
    [Fact]
    public async Task Unknown_fields_and_enum_values_and_amounts_as_strings_are_read()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json("""
            {"code":"0","msg":"Success","traceId":"t","newEnvelopeField":{"x":1},"data":{
              "transactionId":"7225836252468027","transactionRequestId":"fc-1","transactionStatus":"SUCCESS",
              "transactionType":"REVERSAL","cardNetworkType":"PREPAID","entryMode":"QR","authenticationMethod":"BIOMETRIC",
              "amount":{"priceCurrency":"USD","transAmount":"1234","orderAmount":"1200","tipAmount":34,"loyaltyPoints":7},
              "relatedTransactionStatus":"CHARGEBACK","transactionBatchStatus":"X","cardInfo":{"issuerBank":"Bank"},
              "completeTime":"2026-11-23T10:00:05+08:00","someFutureField":[1,2,3]}}
            """));
        using var client = TestClients.Create(stub);

        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("fc-1"));

        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.Equal("REVERSAL", transaction.Type.Value);
        Assert.Equal("PREPAID", transaction.CardNetworkType);
        Assert.Equal(1234, transaction.Amount!.Total);
        Assert.Equal(1200, transaction.Amount.Order);
        Assert.Equal(34, transaction.Amount.Tip);
        Assert.Equal("CHARGEBACK", transaction.RelatedTransactionStatus?.Value);
        Assert.False(transaction.RelatedTransactionStatus?.IsKnown);
        Assert.Equal("X", transaction.BatchStatus?.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 5, TimeSpan.Zero), transaction.CompletedAt);
    }

    [Theory]
    [InlineData("1050", 1050)]
    [InlineData("\"1050\"", 1050)]
    [InlineData("10.50", 1050)]
    [InlineData("\"10.5\"", 1050)]
    [InlineData("0", 0)]
    public async Task Amounts_are_read_as_numbers_strings_or_major_units(string json, long expected)
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Envelope("{\"transactionId\":\"1\",\"transactionRequestId\":\"amt\",\"transactionStatus\":\"S\",\"amount\":{\"priceCurrency\":\"USD\",\"transAmount\":" + json + "}}")));
        using var client = TestClients.Create(stub);

        Assert.Equal(expected, (await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("amt"))).Amount!.Total);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Query("bp", "S")));
        using var client = TestClients.Create(stub, configure: o => o.BaseAddress = new Uri("http://127.0.0.1:5993/sunbay"));

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("bp"));

        Assert.Equal("/sunbay/v1/transaction/query", stub.Calls[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_status_keeps_the_wait_going_until_a_known_final_one()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Query("fc-2", "AWAITING_SIGNATURE", resultCode: null)))
            .Then(_ => StubHandler.Json(StubHandler.Query("fc-2", "S")));
        var time = TestClients.VirtualClock();
        using var client = TestClients.Create(stub, time);

        var result = await time.RunUntilAsync(client.GetOperation("fc-2").WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.True(result.IsApproved);
        Assert.Equal(2, stub.Calls.Count);
    }

    [Fact]
    public async Task A_request_can_run_under_another_merchant_and_application()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Dispatch("mm-1")));
        using var client = TestClients.Create(stub);

        await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "mm-1") with { AppId = "app_store_b", MerchantId = "M9990000002", TerminalSn = "T-B" });

        Assert.Contains("\"appId\":\"app_store_b\",\"merchantId\":\"M9990000002\"", stub.Calls[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"terminalSn\":\"T-B\"", stub.Calls[0].Body, StringComparison.Ordinal);
    }
}
