using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>What goes on the wire: the guide's bodies and paths, and the headers of every attempt.</summary>
public sealed class RequestShapeTests
{
    [Fact]
    public async Task A_purchase_is_the_guides_body_posted_to_the_terminal_with_the_api_key()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        var operation = await client.StartPurchaseAsync(TestClients.Purchase());

        var sent = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"/terminals/{MerchantApiStub.Terminal}/transactions", sent.Uri.AbsolutePath);
        Assert.Equal("""{"type":"PURCHASE","merchant_order_reference":"inv2112280004","amount":{"value":98.75,"currency":"EUR"}}""", sent.Body);
        Assert.Equal(TestClients.Key, sent.Headers["API-Key"]);
        Assert.StartsWith("Sunbay.Client.CmCom/", sent.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(sent.Headers.ContainsKey("X-Client-Request-Id")); // SUNBAY's header: each provider sends only its own
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.False(sent.Headers.ContainsKey("X-Timestamp"));
        Assert.Equal(CmComTransactionStatus.Created, operation.LastKnown!.Status);
        Assert.False(operation.HasCompleted);
        Assert.Equal(MerchantApiStub.Terminal, operation.TerminalId);
    }

    [Fact]
    public async Task A_referenced_refund_names_the_purchase_and_an_unreferenced_one_does_not()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        await client.StartRefundAsync(new CmComRefundRequest { MerchantOrderReference = "inv-r", Amount = 5m, Currency = "EUR", PurchaseId = "p-1" });
        await client.StartRefundAsync(new CmComRefundRequest { MerchantOrderReference = "inv-u", Amount = 5m, Currency = "EUR", TerminalId = "SUNMI-P2-OTHER" });

        var referenced = JsonNode.Parse(stub.Requests[0].Body!)!;
        var unreferenced = JsonNode.Parse(stub.Requests[1].Body!)!;
        Assert.Equal("REFUND", (string?)referenced["type"]);
        Assert.Equal("p-1", (string?)referenced["reference"]!["id"]);
        Assert.Null(unreferenced["reference"]);
        Assert.Equal("/terminals/SUNMI-P2-OTHER/transactions", stub.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_processed_transaction_reads_every_field_and_keeps_unknown_values()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var id = stub.Add("inv-1", 98.75m);
        stub.Set(id, "CLEARED", "APPROVED")["brand"] = "NEW_BRAND";

        var transaction = await client.GetTransactionAsync(id);

        Assert.Equal((CmComTransactionStatus.Cleared, CmComTransactionResult.Approved, 98.75m, "EUR"), (transaction.Status, transaction.Result, transaction.Amount, transaction.Currency));
        Assert.Equal(new CmComCardBrand("new_brand"), transaction.Brand);
        Assert.Equal("155890", transaction.SystemTraceAuditNumber);
        Assert.Equal(new CmComStore("0d3f2b8e", "Main street"), transaction.Store);
        Assert.Equal(new DateTimeOffset(2022, 1, 18, 14, 30, 21, TimeSpan.Zero), transaction.ProcessedAt);
        Assert.True(transaction.IsApproved && transaction.IsFinal);
        Assert.Contains("CARDHOLDER RECEIPT", transaction.Receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("RECEIPT", transaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Day_totals_are_read_from_json_or_from_plain_text()
    {
        var stub = new MerchantApiStub().Then(_ => MerchantApiStub.Answer(System.Net.HttpStatusCode.OK, "TOTALS AS TEXT\n", "text/plain"));
        using var client = TestClients.Client(stub);

        var text = await client.GetDayTotalsAsync();
        var json = await client.GetDayTotalsAsync();

        Assert.Equal("TOTALS AS TEXT\n", text.Receipt);
        Assert.Equal("DAY TOTALS\nEUR 10.00\n", json.Receipt);
        Assert.Equal($"/terminals/{MerchantApiStub.Terminal}/daytotals/today", stub.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_key_changed_in_the_options_applies_to_the_next_request()
    {
        var stub = new MerchantApiStub();
        stub.Keys[2] = "cm-second-key-9f8e7d";
        var options = TestClients.Options();
        using var client = TestClients.Client(stub, options);

        await client.ListApiKeysAsync();
        options.ApiKey = "cm-second-key-9f8e7d";
        await client.ListApiKeysAsync();

        Assert.Equal([TestClients.Key, "cm-second-key-9f8e7d"], stub.Requests.Select(r => r.Headers["API-Key"]));
    }

    [Fact]
    public async Task Each_attempt_of_a_retried_get_reads_the_key_from_the_options_monitor_anew()
    {
        var stub = new MerchantApiStub();
        stub.Keys[2] = "cm-second-key-9f8e7d";
        using var provider = OptionsTests.Services(new Dictionary<string, string?>
        {
            ["CmCom:BaseAddress"] = MerchantApiStub.Host,
            ["CmCom:ApiKey"] = TestClients.Key,
            ["CmCom:Retry:BaseDelay"] = "00:00:00",
        }, stub);
        var configuration = (IConfigurationRoot)provider.GetRequiredService<IConfiguration>();
        stub.Then(_ =>
        {
            configuration["CmCom:ApiKey"] = "cm-second-key-9f8e7d"; // reloaded while the first attempt was on its way
            configuration.Reload();
            return MerchantApiStub.Answer(System.Net.HttpStatusCode.ServiceUnavailable);
        });

        await provider.GetRequiredService<ICmComClient>().ListApiKeysAsync();

        Assert.Equal([TestClients.Key, "cm-second-key-9f8e7d"], stub.Requests.Select(r => r.Headers["API-Key"]));
    }
}
