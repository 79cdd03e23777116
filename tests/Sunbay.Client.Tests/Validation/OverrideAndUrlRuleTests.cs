using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Validation;

/// <summary>
/// Per-request overrides of the configured account and terminal (null = the default, blank = an error), the webhook URL
/// rules, and the order of a refund's checks: each bad request fails naming the field, and nothing is sent.
/// </summary>
public sealed class OverrideAndUrlRuleTests
{
    private static readonly Dictionary<string, Func<ISunbayClient, string, Task>> TerminalSnCases = new()
    {
        ["sale"] = (c, v) => c.StartSaleAsync(TestClients.Sale() with { TerminalSn = v }),
        ["auth"] = (c, v) => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", TerminalSn = v }),
        ["forced auth"] = (c, v) => c.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", TerminalSn = v }),
        ["incremental"] = (c, v) => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", TerminalSn = v }),
        ["post-auth"] = (c, v) => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", TerminalSn = v }),
        ["refund"] = (c, v) => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", TerminalSn = v }),
        ["void"] = (c, v) => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", TerminalSn = v }),
        ["abort"] = (c, v) => c.StartAbortAsync(new AbortRequest { OriginalTransactionId = "1", TerminalSn = v }),
        ["tip adjust"] = (c, v) => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 1, OriginalTransactionId = "1", TerminalSn = v }),
        ["batch close"] = (c, v) => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = "C1", TerminalSn = v }),
        ["batch close list"] = (c, v) => c.GetBatchCloseListAsync(new BatchCloseListRequest { TerminalSn = v }),
        ["batch query"] = (c, v) => c.BatchQueryAsync(v),
    };

    private static readonly Dictionary<string, Func<ISunbayClient, string, Task>> MerchantIdCases = new()
    {
        ["sale"] = (c, v) => c.StartSaleAsync(TestClients.Sale() with { MerchantId = v }),
        ["refund"] = (c, v) => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", MerchantId = v }),
        ["void"] = (c, v) => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", MerchantId = v }),
        ["abort"] = (c, v) => c.StartAbortAsync(new AbortRequest { OriginalTransactionId = "1", MerchantId = v }),
        ["tip adjust"] = (c, v) => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 1, OriginalTransactionId = "1", MerchantId = v }),
        ["batch close"] = (c, v) => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = "C1", MerchantId = v }),
        ["batch close list"] = (c, v) => c.GetBatchCloseListAsync(new BatchCloseListRequest { MerchantId = v }),
        ["merchant query"] = (c, v) => c.GetMerchantAsync(v),
        ["terminal list"] = async (c, v) =>
        {
            await foreach (var _ in c.GetTerminalsAsync(v))
            {
            }
        },
    };

    private static readonly Dictionary<string, Func<ISunbayClient, string, Task>> AppIdCases = new()
    {
        ["sale"] = (c, v) => c.StartSaleAsync(TestClients.Sale() with { AppId = v }),
        ["post-auth"] = (c, v) => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", AppId = v }),
        ["tip adjust"] = (c, v) => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 1, OriginalTransactionId = "1", AppId = v }),
        ["batch close"] = (c, v) => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = "C1", AppId = v }),
        ["batch close list"] = (c, v) => c.GetBatchCloseListAsync(new BatchCloseListRequest { AppId = v }),
    };

    public static TheoryData<string, string, string> BlankOverrides()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var blank in new[] { string.Empty, " ", "\t" })
        {
            foreach (var name in TerminalSnCases.Keys)
            {
                data.Add("terminalSn", name, blank);
            }

            foreach (var name in MerchantIdCases.Keys)
            {
                data.Add("merchantId", name, blank);
            }

            foreach (var name in AppIdCases.Keys)
            {
                data.Add("appId", name, blank);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BlankOverrides))]
    public async Task A_blank_override_is_an_error_never_a_fall_back_to_the_configured_default(string field, string operation, string blank)
    {
        var act = field switch
        {
            "terminalSn" => TerminalSnCases[operation],
            "merchantId" => MerchantIdCases[operation],
            _ => AppIdCases[operation],
        };
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => act(client, blank));

        Assert.Equal(field, error.Field);
        Assert.Contains("must not be blank; leave it null to use the configured Sunbay:", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_null_override_takes_the_configured_default_and_a_value_is_sent_as_given()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);

        await client.StartSaleAsync(TestClients.Sale());
        await client.StartSaleAsync(TestClients.Sale() with { TerminalSn = "T2", MerchantId = "M2", AppId = "app_2" });

        Assert.Contains("\"terminalSn\":\"T1\"", stub.Calls[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"merchantId\":\"M1260231004\"", stub.Calls[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"terminalSn\":\"T2\"", stub.Calls[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"merchantId\":\"M2\"", stub.Calls[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"appId\":\"app_2\"", stub.Calls[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "absolute http or https URL")]
    [InlineData("/webhooks/sunbay", "absolute http or https URL")]
    [InlineData("file:///etc/passwd", "absolute http or https URL")]
    [InlineData("ftp://shop.example/hook", "absolute http or https URL")]
    [InlineData("webhooks/sunbay", "absolute http or https URL")]
    [InlineData("http://shop.example/webhooks/sunbay", "must use https")]
    [InlineData("https://shop.example/web hooks", "white space")]
    [InlineData("https://shop.example/\nX-Injected: 1", "white space")]
    [InlineData("", "must not be blank; leave it null")]
    [InlineData(" ", "must not be blank; leave it null")]
    public async Task A_webhook_url_must_be_an_absolute_https_url(string url, string expected)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);

        var notify = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale() with { NotifyUrl = url }));
        var events = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale() with { TerminalEventNotifyUrl = url }));

        Assert.Equal("notifyUrl", notify.Field);
        Assert.Contains(expected, notify.Message, StringComparison.Ordinal);
        Assert.Equal("terminalEventNotifyUrl", events.Field);
        Assert.Contains(expected, events.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_webhook_url_of_201_characters_is_refused()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);
        var url = "https://shop.example/" + new string('n', 200 - 21);

        await client.StartSaleAsync(TestClients.Sale() with { NotifyUrl = url, TerminalEventNotifyUrl = url });
        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale() with { TerminalEventNotifyUrl = url + "n" }));

        Assert.Equal(200, url.Length);
        Assert.Equal("terminalEventNotifyUrl", error.Field);
        Assert.Contains("at most 200", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Calls);
    }

    public static TheoryData<string> PushKinds => ["sale", "auth", "forced auth", "incremental", "post-auth", "refund", "void"];

    [Theory]
    [MemberData(nameof(PushKinds))]
    public async Task Every_push_checks_its_webhook_urls(string kind)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);
        const string Bad = "javascript:alert(1)";
        Func<Task> act = kind switch
        {
            "sale" => () => client.StartSaleAsync(TestClients.Sale() with { NotifyUrl = Bad }),
            "auth" => () => client.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", NotifyUrl = Bad }),
            "forced auth" => () => client.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", NotifyUrl = Bad }),
            "incremental" => () => client.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", NotifyUrl = Bad }),
            "post-auth" => () => client.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", NotifyUrl = Bad }),
            "refund" => () => client.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", NotifyUrl = Bad }),
            _ => () => client.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", NotifyUrl = Bad }),
        };

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(act);

        Assert.Equal("notifyUrl", error.Field);
        Assert.Empty(stub.Calls);
    }

    [Theory]
    [InlineData("https://shop.example/webhooks/sunbay")]
    [InlineData("http://127.0.0.1:5000/webhooks/sunbay")]
    [InlineData("http://localhost:5000/webhooks/sunbay")]
    [InlineData("http://[::1]:5000/webhooks/sunbay")]
    public async Task An_https_url_or_plain_http_to_loopback_is_sent(string url)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);

        await client.StartSaleAsync(TestClients.Sale() with { NotifyUrl = url, TerminalEventNotifyUrl = url });

        Assert.Contains($"\"notifyUrl\":\"{url}\"", stub.Calls.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_notify_url_changed_after_start_up_is_checked_per_request()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        var options = TestClients.Options();
        using var client = new SunbayClient(options, stub, TestClients.Clock());
        options.NotifyUrl = "javascript:alert(1)";

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Equal("notifyUrl", error.Field);
        Assert.Empty(stub.Calls);
    }

    public static TheoryData<string> InvalidGuardedRefunds => ["currency", "description", "notifyUrl", "terminalSn", "merchantId", "transactionRequestId", "timeExpire"];

    [Theory]
    [MemberData(nameof(InvalidGuardedRefunds))]
    public async Task A_refund_with_a_refundable_amount_guard_is_validated_before_the_guard_queries(string field)
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("ORIGINAL-1", "S")));
        using var client = TestClients.Create(stub);
        var refund = new RefundRequest { Amount = 100, Currency = "USD", OriginalTransactionRequestId = "ORIGINAL-1", ExpectedRefundableAmount = 1000 };
        refund = field switch
        {
            "currency" => refund with { Currency = "usd" },
            "description" => refund with { Description = new string('d', 129) },
            "notifyUrl" => refund with { NotifyUrl = "/webhooks/sunbay" },
            "terminalSn" => refund with { TerminalSn = " " },
            "merchantId" => refund with { MerchantId = string.Empty },
            "transactionRequestId" => refund with { TransactionRequestId = new string('t', 33) },
            _ => refund with { ExpiresAt = TestClients.Clock().GetUtcNow().AddMinutes(10) },
        };

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartRefundAsync(refund));

        Assert.StartsWith(field == "currency" ? "amount.priceCurrency" : field, error.Field, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public async Task A_valid_guarded_refund_queries_the_original_then_sends()
    {
        var stub = new StubHandler()
            .ThenJson(StubHandler.Query("ORIGINAL-1", "S", amount: 1000))
            .ThenJson(StubHandler.Dispatch("REFUND-1"));
        using var client = TestClients.Create(stub);

        await client.StartRefundAsync(new RefundRequest { Amount = 100, Currency = "USD", OriginalTransactionRequestId = "ORIGINAL-1", TransactionRequestId = "REFUND-1", ExpectedRefundableAmount = 1000 });

        Assert.Equal([HttpMethod.Get, HttpMethod.Post], stub.Calls.Select(c => c.Method));
    }
}
