using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>The fake's protocol checks, seen on the wire with a raw HttpClient.</summary>
public sealed class FakeSunbayHostProtocolTests : IDisposable
{
    private const string SalePath = "v1/semi-integration/transaction/sale";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeSunbayHost _host;
    private readonly RawSunbay _raw;

    public FakeSunbayHostProtocolTests()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = _time });
        _raw = new RawSunbay(_host);
    }

    public void Dispose()
    {
        _raw.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Valid_sale_is_dispatched_with_status_P_and_a_16_digit_transaction_id()
    {
        var answer = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000));

        Assert.Equal(200, answer.Status);
        Assert.Equal("0", answer.Code);
        Assert.Equal("P", answer.DataString("transactionStatus"));
        Assert.Matches("^[0-9]{16}$", answer.DataString("transactionId"));
        Assert.Equal("ORDER-0001", answer.DataString("referenceOrderId"));
        Assert.Equal("REQ1", answer.DataString("transactionRequestId"));
        Assert.True(_host.Terminal("FAKE-T1").IsBusy);
    }

    [Theory]
    [InlineData("\"amout\":{\"orderAmount\":1}", "amout")]
    [InlineData("\"amount\":{\"orderAmount\":1000,\"priceCurrency\":\"USD\",\"tip\":5}", "amount.tip")]
    public async Task A_field_the_spec_does_not_name_is_rejected_with_C17(string extra, string field)
    {
        // The client's own bodies pass this everywhere, which is what proves they use only the spec's names.
        var body = Bodies.Sale(_host, "REQ-UNKNOWN", 1000);
        body = extra.StartsWith("\"amount\"", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(body, "\"amount\":\\{[^}]*\\}", extra)
            : body.Insert(1, extra + ",");

        var answer = await _raw.PostAsync(SalePath, body);

        Assert.Equal(FakeSunbayCodes.ParameterError, answer.Code);
        Assert.Contains(field, answer.Msg, StringComparison.Ordinal);
        Assert.Empty(_host.Transactions);
    }

    [Fact]
    public async Task Content_type_with_charset_is_rejected_with_C17()
    {
        var answer = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000),
            r => r.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });

        Assert.Equal(400, answer.Status);
        Assert.Equal(FakeSunbayCodes.ParameterError, answer.Code);
        Assert.Contains("Content-Type", answer.Msg, StringComparison.Ordinal);
        Assert.Empty(_host.Transactions);
    }

    [Fact]
    public async Task Timestamp_more_than_ten_minutes_off_is_rejected()
    {
        var old = _time.GetUtcNow().AddMinutes(-11).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000), r =>
        {
            r.Headers.Remove("X-Timestamp");
            r.Headers.TryAddWithoutValidation("X-Timestamp", old);
        });

        Assert.Equal(400, answer.Status);
        Assert.Equal("C17", answer.Code);
        Assert.Contains("X-Timestamp", answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timestamp_that_is_not_13_digits_is_rejected()
    {
        var answer = await _raw.GetAsync(_raw.Query("v1/merchant/query"), r =>
        {
            r.Headers.Remove("X-Timestamp");
            r.Headers.TryAddWithoutValidation("X-Timestamp", "1700000000");
        });

        Assert.Equal(400, answer.Status);
        Assert.Equal("C17", answer.Code);
    }

    [Fact]
    public async Task Wrong_key_gets_401_and_a_rotated_key_rejects_the_old_one_at_once()
    {
        _raw.ApiKey = "sk_test_wrong";
        var wrong = await _raw.GetAsync(_raw.Query("v1/merchant/query"));
        Assert.Equal(401, wrong.Status);
        Assert.Equal(FakeSunbayCodes.Unauthorized, wrong.Code);

        var oldKey = _host.ApiKey;
        _host.ApiKey = "sk_test_rotated";
        _raw.ApiKey = oldKey;
        Assert.Equal(401, (await _raw.GetAsync(_raw.Query("v1/merchant/query"))).Status);
        _raw.ApiKey = "sk_test_rotated";
        Assert.Equal(200, (await _raw.GetAsync(_raw.Query("v1/merchant/query"))).Status);
    }

    [Fact]
    public async Task Missing_client_request_id_is_rejected()
    {
        var answer = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000), r => r.Headers.Remove("X-Client-Request-Id"));

        Assert.Equal(400, answer.Status);
        Assert.Equal("C17", answer.Code);
        Assert.Contains("X-Client-Request-Id", answer.Msg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"referenceOrderId\":\"ORDER-0001\"", "\"referenceOrderId\":\"AB\"", "referenceOrderId")]
    [InlineData("\"referenceOrderId\":\"ORDER-0001\"", "\"referenceOrderId\":\"ORDER 0001\"", "referenceOrderId")]
    [InlineData("\"priceCurrency\":\"USD\"", "\"priceCurrency\":\"usd\"", "amount.priceCurrency")]
    [InlineData("\"orderAmount\":1000,", "", "orderAmount")]
    [InlineData("\"orderAmount\":1000", "\"orderAmount\":-5", "amount.orderAmount")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"timeExpire\":\"2026-03-02T10:01:00+00:00\"", "timeExpire")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"paymentMethod\":{\"category\":\"CARD\",\"id\":\"VISA\",\"subId\":\"SNAP\"}", "subId")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"notifyUrl\":\"javascript:alert(1)\"", "notifyUrl")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"terminalEventNotifyUrl\":\"http://pos.example.com/events\"", "terminalEventNotifyUrl")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"tipConfig\":{\"suggestions\":{\"names\":[\"a\",\"b\"],\"feeMode\":\"RATE\",\"values\":[15]}}", "tipConfig.suggestions.names")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"tipConfig\":{\"suggestions\":{\"feeMode\":\"AMOUNT\",\"values\":[-1]}}", "tipConfig.suggestions.values")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"tipConfig\":{\"suggestions\":[{\"feeMode\":\"RATE\",\"values\":[15]}]}", "tipConfig.suggestions")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"paymentMethod\":{\"id\":\"EBT\",\"subId\":\"SNAP\"}", "subId")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"paymentMethod\":{\"category\":\"EBT\",\"id\":\"VISA\",\"subId\":\"SNAP\"}", "subId")]
    [InlineData("\"orderAmount\":1000", "\"orderAmount\":0", "amount.orderAmount")]
    [InlineData("\"description\":\"Coffee\"", "\"description\":\"   \"", "description")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"printReceipt\":\"SOMETIMES\"", "printReceipt")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"printReceipt\":\"both\"", "printReceipt")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"paymentMethod\":{\"category\":\"card\",\"id\":\"VISA\"}", "paymentMethod.category")]
    [InlineData("\"terminalSn\":\"FAKE-T1\"", "\"terminalSn\":\"FAKE-T1\",\"tipConfig\":{\"tipMode\":\"LATER\"}", "tipConfig.tipMode")]
    public async Task Invalid_field_is_rejected_with_C17_naming_the_field(string find, string replace, string field)
    {
        var body = Bodies.Sale(_host, "REQ1", 1000).Replace(find, replace, StringComparison.Ordinal);

        var answer = await _raw.PostAsync(SalePath, body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("C17", answer.Code);
        Assert.Contains(field, answer.Msg, StringComparison.Ordinal);
        Assert.Empty(_host.Transactions);
    }

    [Fact]
    public async Task Newest_tip_config_and_the_ebt_category_are_accepted()
    {
        var body = Bodies.Sale(_host, "REQ1", 1000).Replace(
            "\"terminalSn\":\"FAKE-T1\"",
            "\"terminalSn\":\"FAKE-T1\",\"paymentMethod\":{\"category\":\"EBT\",\"id\":\"EBT\",\"subId\":\"SNAP\"},"
            + "\"tipConfig\":{\"useHostConfig\":true,\"onScreenTip\":true,\"tipMode\":\"ON_SALE\",\"tipWithTax\":true,\"suggestions\":{\"names\":[\"15%\",\"18%\",\"20%\"],\"feeMode\":\"RATE\",\"values\":[15,18,20]}}",
            StringComparison.Ordinal);

        var answer = await _raw.PostAsync(SalePath, body);

        Assert.Equal("0", answer.Code);
    }

    [Fact]
    public async Task Other_merchant_is_rejected()
    {
        var body = Bodies.Sale(_host, "REQ1", 1000).Replace(_host.MerchantId, "M9999999999", StringComparison.Ordinal);

        var answer = await _raw.PostAsync(SalePath, body);

        Assert.Equal("C17", answer.Code);
        Assert.Contains("merchantId", answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_client_request_id_on_a_post_is_a_duplicate()
    {
        const string id = "2f1e3d4c-0000-4000-8000-000000000001";
        void SameId(HttpRequestMessage r)
        {
            r.Headers.Remove("X-Client-Request-Id");
            r.Headers.TryAddWithoutValidation("X-Client-Request-Id", id);
        }

        var first = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000), SameId);
        var second = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ2", 1000), SameId);

        Assert.Equal("0", first.Code);
        Assert.Equal(FakeSunbayCodes.DuplicateRequest, second.Code);
        Assert.Single(_host.Transactions);
    }

    [Fact]
    public async Task Repeated_transaction_request_id_replays_the_first_answer_without_a_second_transaction()
    {
        var first = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000));
        var again = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000));

        Assert.Equal("0", again.Code);
        Assert.Equal(first.DataString("transactionId"), again.DataString("transactionId"));
        Assert.Single(_host.Transactions);
    }

    [Fact]
    public async Task Push_to_a_busy_terminal_is_rejected_and_unknown_terminal_has_its_own_code()
    {
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000));

        var busy = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ2", 1000));
        var unknown = await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ3", 1000, terminal: "NOPE"));

        Assert.Equal(200, busy.Status);
        Assert.Equal(FakeSunbayCodes.TerminalBusy, busy.Code);
        Assert.Equal(FakeSunbayCodes.TerminalNotFound, unknown.Code);
        Assert.Null(_host.FindTransaction("REQ2"));
    }

    [Fact]
    public async Task Journal_records_every_request_with_the_answer()
    {
        await _raw.PostAsync(SalePath, Bodies.Sale(_host, "REQ1", 1000));
        _raw.ApiKey = null;
        await _raw.GetAsync(_raw.Query("v1/transaction/query", ("transactionRequestId", "REQ1")));

        var journal = _host.Journal;
        Assert.Equal(2, journal.Count);
        Assert.Equal(FakeEndpoint.Sale, journal[0].Endpoint);
        Assert.Equal("0", journal[0].Code);
        Assert.Contains("\"REQ1\"", journal[0].Body, StringComparison.Ordinal);
        Assert.Equal(401, journal[1].StatusCode);
        Assert.StartsWith("/v1/transaction/query?", journal[1].PathAndQuery, StringComparison.Ordinal);
    }
}
