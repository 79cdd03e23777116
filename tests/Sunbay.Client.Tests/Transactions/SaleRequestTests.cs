using System.Text.Json;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Transactions;

public sealed class SaleRequestTests
{
    [Fact]
    public async Task The_sale_body_follows_the_spec_names_and_omits_nulls()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json(StubHandler.Dispatch("PAY_REQ_1")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);

        await client.StartSaleAsync(new SaleRequest
        {
            Amount = 10000,
            Currency = "USD",
            TipAmount = 150,
            ReferenceOrderId = "ORDER20231119001",
            Description = "Coffee x2",
            TransactionRequestId = "PAY_REQ_1",
            PrintReceipt = PrintReceipt.Both,
            ExpiresAt = time.GetUtcNow().AddMinutes(5),
        });

        using var body = JsonDocument.Parse(stub.Calls[0].Body!);
        var root = body.RootElement;
        Assert.Equal(
            ["appId", "merchantId", "referenceOrderId", "transactionRequestId", "amount", "description", "terminalSn", "timeExpire", "printReceipt"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("test_app_0001", root.GetProperty("appId").GetString());
        Assert.Equal("BOTH", root.GetProperty("printReceipt").GetString());
        Assert.Equal("2026-11-23T10:05:00+00:00", root.GetProperty("timeExpire").GetString());
        Assert.Equal("""{"orderAmount":10000,"tipAmount":150,"priceCurrency":"USD"}""", root.GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task A_transaction_request_id_is_generated_when_none_is_given()
    {
        var stub = new StubHandler().Always(r => StubHandler.Json(StubHandler.Dispatch(JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result).RootElement.GetProperty("transactionRequestId").GetString()!)));
        using var client = TestClients.Create(stub);

        var first = await client.StartSaleAsync(TestClients.Sale());
        var second = await client.StartSaleAsync(TestClients.Sale());

        Assert.Matches("^[0-9a-f]{32}$", first.TransactionRequestId);
        Assert.NotEqual(first.TransactionRequestId, second.TransactionRequestId);
        Assert.Equal("7225836252468027", first.TransactionId);
        Assert.False(first.HasCompleted);
    }

    [Theory]
    [InlineData("ORD01", false)]
    [InlineData("ORD001", true)]
    [InlineData("O2345678901234567890123456789012", true)]
    [InlineData("O23456789012345678901234567890123", false)]
    [InlineData("ORDER#001", false)]
    [InlineData("ORD|*_-01", true)]
    public async Task Reference_order_id_is_6_to_32_allowed_characters(string referenceOrderId, bool valid)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);
        var sale = new SaleRequest { Amount = 100, Currency = "USD", Description = "d", ReferenceOrderId = referenceOrderId };

        if (valid)
        {
            await client.StartSaleAsync(sale);
            Assert.Single(stub.Calls);
        }
        else
        {
            var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(sale));
            Assert.Equal("referenceOrderId", error.Field);
            Assert.Empty(stub.Calls);
        }
    }

    [Theory]
    [InlineData("usd", "amount.priceCurrency")]
    [InlineData("US", "amount.priceCurrency")]
    public async Task Currency_must_be_three_upper_case_letters(string currency, string field)
    {
        var stub = new StubHandler();
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(new SaleRequest { Amount = 100, Currency = currency, Description = "d", ReferenceOrderId = "ORDER-1" }));

        Assert.Equal(field, error.Field);
        Assert.Contains("^[A-Z]{3}$", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_negative_amount_is_refused_before_sending()
    {
        var stub = new StubHandler();
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale(amount: -1)));

        Assert.Equal("amount.orderAmount", error.Field);
        Assert.Empty(stub.Calls);
    }

    [Theory]
    [InlineData(179, false)]
    [InlineData(180, true)]
    [InlineData(86400, true)]
    [InlineData(86401, false)]
    public async Task Time_expire_is_3_minutes_to_1_day_ahead(int secondsAhead, bool valid)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        var time = TestClients.Clock();
        using var client = TestClients.Create(stub, time);
        var sale = new SaleRequest { Amount = 100, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", ExpiresAt = time.GetUtcNow().AddSeconds(secondsAhead) };

        if (valid)
        {
            await client.StartSaleAsync(sale);
        }
        else
        {
            Assert.Equal("timeExpire", (await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(sale))).Field);
            Assert.Empty(stub.Calls);
        }
    }

    [Fact]
    public async Task A_missing_terminal_names_the_setting()
    {
        var stub = new StubHandler();
        using var client = TestClients.Create(stub, configure: o => o.TerminalSn = null);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Equal("terminalSn", error.Field);
        Assert.Contains("Sunbay:TerminalSn", error.Message, StringComparison.Ordinal);
    }
}
