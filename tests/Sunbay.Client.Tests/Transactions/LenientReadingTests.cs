using System.Text.Json;
using System.Text.Json.Serialization;
using Sunbay.Client.Tests.Support;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>
/// Issue 11 item 5: a number where a string is expected, or an amount too large for 64-bit minor units, must not make an
/// answer unreadable or let a non-SDK exception (OverflowException, FormatException, JsonException) out of a public call.
/// </summary>
public sealed class LenientReadingTests
{
    private const string NumericStrings = """
        "transactionId":7225836252468027,"transactionRequestId":"num-1","transactionStatus":"S","transactionType":"SALE",
        "batchNo":123,"stan":456,"voucherNo":789,"rrn":612345678901,"authCode":123456,"transactionResultCode":0,
        "transactionResultMsg":true,"terminalSn":1000001,"referenceOrderId":1e20,"attach":{"table":7,"note":"x"},
        "amount":{"priceCurrency":"USD","transAmount":1050,"orderAmount":1050}
        """;

    [Fact]
    public async Task A_query_answer_with_numbers_in_string_fields_is_read_as_their_text()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Envelope("{" + NumericStrings + "}")));
        using var client = TestClients.Create(stub);

        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionId("7225836252468027"));

        Assert.Equal("7225836252468027", transaction.TransactionId);
        Assert.Equal("123", transaction.BatchNo);
        Assert.Equal("456", transaction.Stan);
        Assert.Equal("789", transaction.VoucherNo);
        Assert.Equal("612345678901", transaction.Rrn);
        Assert.Equal("123456", transaction.AuthCode);
        Assert.Equal("0", transaction.ResultCode);
        Assert.Equal("true", transaction.ResultMessage);
        Assert.Equal("1000001", transaction.TerminalSn);
        Assert.Equal("1e20", transaction.ReferenceOrderId);
        Assert.Equal("""{"table":7,"note":"x"}""", transaction.Attach);
        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.Equal(1050, transaction.Amount!.Total);
    }

    [Fact]
    public async Task An_envelope_with_a_numeric_code_is_read()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json("""{"code":0,"msg":"Success","traceId":12345,"data":{"transactionId":1,"transactionRequestId":"num-2","transactionStatus":"S"}}"""));
        using var client = TestClients.Create(stub);

        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("num-2"));

        Assert.Equal("1", transaction.TransactionId);
    }

    [Fact]
    public async Task A_dispatch_answer_with_a_numeric_transaction_id_starts_the_operation()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Envelope("""{"transactionId":7225836252468027,"transactionStatus":"P","referenceOrderId":"ORDER-0001","transactionRequestId":"num-3"}""")));
        using var client = TestClients.Create(stub);

        var operation = await client.StartSaleAsync(TestClients.Sale(transactionRequestId: "num-3"));

        Assert.Equal("7225836252468027", operation.TransactionId);
    }

    [Fact]
    public async Task Waiting_for_an_operation_reads_numbers_in_string_fields()
    {
        var stub = new StubHandler()
            .Then(_ => StubHandler.Json(StubHandler.Envelope("""{"transactionId":7225836252468027,"transactionRequestId":"num-1","transactionStatus":"P","batchNo":1}""")))
            .Then(_ => StubHandler.Json(StubHandler.Envelope("{" + NumericStrings + "}")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);

        var result = await time.DriveAsync(client.GetOperation("num-1").WaitForCompletionAsync(), TimeSpan.FromSeconds(1));

        Assert.True(result.IsApproved);
        Assert.Equal("123", result.BatchNo);
        Assert.Equal(2, stub.Calls.Count);
    }

    [Fact]
    public async Task A_tip_adjust_answer_with_a_numeric_original_id_is_read()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Envelope("""{"originalTransactionId":7225836252468027,"originalTransactionRequestId":42,"tipAmount":"150"}""")));
        using var client = TestClients.Create(stub);

        var result = await client.TipAdjustAsync(new TipAdjustRequest { OriginalTransactionRequestId = "42", TipAmount = 150 });

        Assert.Equal("7225836252468027", result.OriginalTransactionId);
        Assert.Equal("42", result.OriginalTransactionRequestId);
        Assert.Equal(150, result.TipAmount);
    }

    [Theory]
    [InlineData("1e20")] // an integer beyond long: before, decimal.ToInt64 threw OverflowException out of the SDK
    [InlineData("1e400")] // beyond decimal: GetDecimal would throw FormatException
    [InlineData("92233720368547758.08")] // major units whose minor units overflow a long
    [InlineData("79000000000000000000000000000.5")] // ×100 overflows decimal itself
    [InlineData("\"92233720368547758070\"")] // the same as strings
    [InlineData("\"1e20\"")]
    public async Task An_amount_out_of_range_is_a_transport_error_naming_the_field(string amount)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Envelope("""{"transactionId":"1","transactionRequestId":"big","transactionStatus":"S","amount":{"priceCurrency":"USD","transAmount":""" + amount + "}}")));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("big")));

        Assert.Contains("amount.transAmount", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_tip_adjust_answer_with_an_amount_out_of_range_is_a_transport_error_naming_the_field()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Envelope("""{"originalTransactionId":"1","tipAmount":1e20}""")));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.TipAdjustAsync(new TipAdjustRequest { OriginalTransactionId = "1", TipAmount = 150 }));

        Assert.Contains("data.tipAmount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_an_operation_from_an_answer_with_an_amount_out_of_range_is_a_transport_error()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Envelope("""{"transactionId":"1","transactionRequestId":"big-op","transactionStatus":"S","amount":{"transAmount":1e20}}""")));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetOperation("big-op").UpdateStatusAsync());

        Assert.Contains("data.amount.transAmount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_bodies_are_written_exactly_as_the_built_in_string_converter_writes_them()
    {
        var builtIn = new JsonSerializerOptions(SunbayWireJson.Options);
        var lenient = Assert.Single(builtIn.Converters, c => c is LenientStringConverter);
        builtIn.Converters.Remove(lenient);
        var request = new Wire.SaleRequest
        {
            AppId = "app_1",
            MerchantId = "M1260231004",
            ReferenceOrderId = "ORDER|1*2",
            TransactionRequestId = "req-<1>",
            Description = "Café \"crème\" & <b>\u00e9\u2028</b> +08:00 \\ 😀",
            Attach = """{"k":"v"}""",
            TerminalSn = "T1",
            Amount = new SaleAmount { OrderAmount = 10000, PriceCurrency = "USD" },
        };

        Assert.Equal(
            JsonSerializer.Serialize(request, builtIn.GetTypeInfo(typeof(Wire.SaleRequest))),
            JsonSerializer.Serialize(request, SunbayWireJson.Options.GetTypeInfo(typeof(Wire.SaleRequest))));
    }
}
