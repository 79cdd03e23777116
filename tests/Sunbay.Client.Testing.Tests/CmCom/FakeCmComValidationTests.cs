using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>
/// What the fake CM.com host refuses before anything is created, as 400/415 problem+json naming the field: the
/// spec's generated rules (the client's own), the type, the currency's decimals and the refund rules.
/// </summary>
public sealed class FakeCmComValidationTests : IAsyncDisposable
{
    private const string Path = "/terminals/" + CmComCaller.Terminal + "/transactions";
    private readonly CmComSession _fake = new();

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Theory]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":10,"currency":"eur"}}""", "amount.currency must match")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":0,"currency":"EUR"}}""", "amount.value must be at least 0.001")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":-5,"currency":"EUR"}}""", "amount.value must be at least")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":98.755,"currency":"EUR"}}""", "more decimals than EUR allows (2)")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":98.75,"currency":"XYZ"}}""", "active ISO 4217 code")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":1.5,"currency":"JPY"}}""", "more decimals than JPY allows (0)")]
    [InlineData("""{"type":"PURCHASE","amount":{"value":10,"currency":"EUR"}}""", "merchant_order_reference is required")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv 1","amount":{"value":10,"currency":"EUR"}}""", "merchant_order_reference must match")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1"}""", "amount.value must be at least")]
    [InlineData("""{"type":"PREAUTH","merchant_order_reference":"inv-1","amount":{"value":10,"currency":"EUR"}}""", "type must be PURCHASE or REFUND")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":10,"currency":"EUR"},"tip":1}""", "tip is not a field")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":10,"currency":"EUR"},"reference":{"id":"x"}}""", "reference is only sent with a REFUND")]
    [InlineData("""{"type":"PURCHASE","merchant_order_reference":"inv-1","amount":{"value":"10.00","currency":"EUR"}}""", "not valid JSON for this request (amount.value)")]
    [InlineData("""{"type":"PURCHASE",""", "not valid JSON")]
    [InlineData("null", "The body is empty")]
    public async Task A_body_that_breaks_a_rule_is_400_naming_the_field(string body, string detail)
    {
        var answer = await _fake.Cm.StartAsync(body);

        Assert.Contains(detail, answer.Problem(400, "Bad Request", Path), StringComparison.Ordinal);
        Assert.Empty(_fake.Host.Transactions);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        var answer = await _fake.Cm.PostAsync($"terminals/{CmComCaller.Terminal}/transactions", CmComCaller.Purchase(10m), "text/plain");

        answer.Problem(415, "Unsupported Media Type", Path);
        Assert.Empty(_fake.Host.Transactions);
    }

    [Fact]
    public async Task A_missing_type_is_a_purchase_and_trailing_zeros_are_no_extra_decimals()
    {
        var posted = await _fake.Cm.StartAsync("""{"merchant_order_reference":"inv-1","amount":{"value":98.750,"currency":"EUR"}}""");

        Assert.Equal(201, posted.Status);
        Assert.Equal("PURCHASE", posted["type"]);
        Assert.Equal(98.75m, _fake.Host.Transactions[0].Amount);
    }

    [Fact]
    public async Task A_referenced_refund_pays_back_an_approved_purchase_up_to_its_amount()
    {
        var purchase = await ApprovedPurchaseAsync(50m);

        var first = await _fake.Cm.StartAsync(CmComCaller.Refund(30m, purchase, "refund-1"));
        _fake.Clock.Advance(TimeSpan.FromSeconds(5));
        var tooMuch = await _fake.Cm.StartAsync(CmComCaller.Refund(20.01m, purchase, "refund-2"));
        var rest = await _fake.Cm.StartAsync(CmComCaller.Refund(20m, purchase, "refund-3"));

        Assert.Equal(201, first.Status);
        Assert.Equal(purchase, first.Json.GetProperty("reference").GetProperty("id").GetString());
        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(first["id"]!))["result"]);
        Assert.Contains("exceeds what is left to refund", tooMuch.Problem(400, "Bad Request", Path), StringComparison.Ordinal);
        Assert.Equal(201, rest.Status);
    }

    [Fact]
    public async Task A_cancelled_refund_frees_its_amount_again()
    {
        var purchase = await ApprovedPurchaseAsync(50m);
        var refund = (await _fake.Cm.StartAsync(CmComCaller.Refund(50m, purchase, "refund-1")))["id"]!;
        Assert.Equal(204, (await _fake.Cm.CancelAsync(refund)).Status);

        Assert.Equal(201, (await _fake.Cm.StartAsync(CmComCaller.Refund(50m, purchase, "refund-2"))).Status);
    }

    [Fact]
    public async Task A_refund_of_an_unknown_declined_or_other_currency_purchase_is_400()
    {
        _fake.Host.Terminal(CmComCaller.Terminal).DeclineNext("05", "Do not honour");
        var declined = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "declined")))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        var approved = await ApprovedPurchaseAsync(10m);

        Assert.Contains("no transaction", (await _fake.Cm.StartAsync(CmComCaller.Refund(5m, "nope"))).Problem(400, "Bad Request", Path), StringComparison.Ordinal);
        Assert.Contains("not an approved purchase", (await _fake.Cm.StartAsync(CmComCaller.Refund(5m, declined))).Problem(400, "Bad Request", Path), StringComparison.Ordinal);
        Assert.Contains("must be EUR", (await _fake.Cm.StartAsync(CmComCaller.Refund(5m, approved, currency: "GBP"))).Problem(400, "Bad Request", Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreferenced_refund_needs_no_purchase()
    {
        var refund = await _fake.Cm.StartAsync(CmComCaller.Refund(12.5m, purchaseId: null));
        _fake.Clock.Advance(TimeSpan.FromSeconds(5));

        var read = await _fake.Cm.GetTransactionAsync(refund["id"]!);
        Assert.Equal(("REFUND", "AUTHORIZED", "APPROVED"), (read["type"], read["status"], read["result"]));
        Assert.Null(read["reference"]);
    }

    private async Task<string> ApprovedPurchaseAsync(decimal amount)
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(amount, "purchase-" + _fake.Host.Transactions.Count)))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("CLEARED", _fake.Host.FindTransaction(id)!.Status);
        return id;
    }
}
