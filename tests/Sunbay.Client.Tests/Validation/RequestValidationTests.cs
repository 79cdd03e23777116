using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Validation;

/// <summary>
/// One case per documented rule, with its edges: each bad request raises <see cref="PaymentsValidationException"/> naming
/// the wire field, and nothing reaches the wire; each edge that is allowed goes out.
/// </summary>
public sealed class RequestValidationTests
{
    private static readonly DateTimeOffset Now = TestClients.Clock().GetUtcNow();

    private static readonly Dictionary<string, (Func<ISunbayClient, Task> Act, string? Field)> Cases = new()
    {
        // Sale: lengths and patterns from the spec.
        ["sale referenceOrderId 5 chars"] = (c => c.StartSaleAsync(Sale() with { ReferenceOrderId = "ORD01" }), "referenceOrderId"),
        ["sale referenceOrderId 6 chars"] = (c => c.StartSaleAsync(Sale() with { ReferenceOrderId = "ORD001" }), null),
        ["sale referenceOrderId 32 chars"] = (c => c.StartSaleAsync(Sale() with { ReferenceOrderId = new string('R', 32) }), null),
        ["sale referenceOrderId 33 chars"] = (c => c.StartSaleAsync(Sale() with { ReferenceOrderId = new string('R', 33) }), "referenceOrderId"),
        ["sale referenceOrderId bad character"] = (c => c.StartSaleAsync(Sale() with { ReferenceOrderId = "ORDER 01" }), "referenceOrderId"),
        ["sale transactionRequestId 32 chars"] = (c => c.StartSaleAsync(Sale() with { TransactionRequestId = new string('t', 32) }), null),
        ["sale transactionRequestId 33 chars"] = (c => c.StartSaleAsync(Sale() with { TransactionRequestId = new string('t', 33) }), "transactionRequestId"),
        ["sale transactionRequestId with |"] = (c => c.StartSaleAsync(Sale() with { TransactionRequestId = "req|1" }), "transactionRequestId"),
        ["sale description empty"] = (c => c.StartSaleAsync(Sale() with { Description = " " }), "description"),
        ["sale description 128 chars"] = (c => c.StartSaleAsync(Sale() with { Description = new string('d', 128) }), null),
        ["sale description 129 chars"] = (c => c.StartSaleAsync(Sale() with { Description = new string('d', 129) }), "description"),
        ["sale attach 129 chars"] = (c => c.StartSaleAsync(Sale() with { Attach = new string('a', 129) }), "attach"),
        ["sale notifyUrl 201 chars"] = (c => c.StartSaleAsync(Sale() with { NotifyUrl = "https://x.example/" + new string('n', 183) }), "notifyUrl"),
        ["sale terminalSn 33 chars"] = (c => c.StartSaleAsync(Sale() with { TerminalSn = new string('T', 33) }), "terminalSn"),
        ["sale appId 33 chars"] = (c => c.StartSaleAsync(Sale() with { AppId = new string('A', 33) }), "appId"),
        ["sale merchantId 33 chars"] = (c => c.StartSaleAsync(Sale() with { MerchantId = new string('M', 33) }), "merchantId"),
        ["sale amount 0"] = (c => c.StartSaleAsync(Sale() with { Amount = 0 }), "amount.orderAmount"),
        ["sale amount 1"] = (c => c.StartSaleAsync(Sale() with { Amount = 1 }), null),
        ["sale tip 0"] = (c => c.StartSaleAsync(Sale() with { TipAmount = 0 }), null),
        ["sale amount -1"] = (c => c.StartSaleAsync(Sale() with { Amount = -1 }), "amount.orderAmount"),
        ["sale tip -1"] = (c => c.StartSaleAsync(Sale() with { TipAmount = -1 }), "amount.tipAmount"),
        ["sale tax -1"] = (c => c.StartSaleAsync(Sale() with { TaxAmount = -1 }), "amount.taxAmount"),
        ["sale surcharge -1"] = (c => c.StartSaleAsync(Sale() with { SurchargeAmount = -1 }), "amount.surchargeAmount"),
        ["sale cashback -1"] = (c => c.StartSaleAsync(Sale() with { CashbackAmount = -1 }), "amount.cashbackAmount"),
        ["sale currency lower case"] = (c => c.StartSaleAsync(Sale() with { Currency = "usd" }), "amount.priceCurrency"),
        ["sale currency 4 letters"] = (c => c.StartSaleAsync(Sale() with { Currency = "USDT" }), "amount.priceCurrency"),
        ["sale timeExpire 2:59 ahead"] = (c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddSeconds(179) }), "timeExpire"),
        ["sale timeExpire 3:00 ahead"] = (c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddMinutes(3) }), null),
        ["sale timeExpire 1 day ahead"] = (c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddDays(1) }), null),
        ["sale timeExpire 1 day 1 s ahead"] = (c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddDays(1).AddSeconds(1) }), "timeExpire"),
        ["sale timeExpire in the past"] = (c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddMinutes(-5) }), "timeExpire"),
        ["sale subId without EBT"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Id = "VISA", SubId = PaymentMethodSubId.Snap } }), "paymentMethod.subId"),
        ["sale subId with id EBT but no category"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Id = "EBT", SubId = PaymentMethodSubId.Snap } }), "paymentMethod.subId"),
        ["sale subId with category EBT but id VISA"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Ebt, Id = "VISA", SubId = PaymentMethodSubId.Snap } }), "paymentMethod.subId"),
        ["sale subId with category EBT and id EBT"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Ebt, Id = "EBT", SubId = PaymentMethodSubId.Snap } }), null),
        ["sale category EBT without subId"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Ebt, Id = "EBT" } }), null),
        ["sale subId with category CARD"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card, Id = "EBT", SubId = PaymentMethodSubId.Snap } }), "paymentMethod.subId"),
        ["sale cardNetworkType without CARD"] = (c => c.StartSaleAsync(Sale() with { CardNetworkType = CardNetworkType.Credit }), "cardNetworkType"),
        ["sale cardNetworkType with CARD"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card }, CardNetworkType = CardNetworkType.Debit }), null),
        ["sale paymentMethod id 33 chars"] = (c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Id = new string('V', 33) } }), "paymentMethod.id"),
        ["sale undefined printReceipt"] = (c => c.StartSaleAsync(Sale() with { PrintReceipt = (PrintReceipt)42 }), "printReceipt"),
        ["sale signature without host config or location"] = (c => c.StartSaleAsync(Sale() with { SignatureConfig = new SignatureConfig { UseHostConfig = false } }), "signatureConfig.entryLocation"),
        ["sale signature threshold -1"] = (c => c.StartSaleAsync(Sale() with { SignatureConfig = new SignatureConfig { Threshold = -1 } }), "signatureConfig.threshold"),
        ["sale tip 3 values"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(3, 3) }), null),
        ["sale tip 3 values without names"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(3, 0) }), null),
        ["sale tip 4 values"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(4, 0) }), "tipConfig.suggestions.values"),
        ["sale tip 4 names"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(4, 4) }), "tipConfig.suggestions.names"),
        ["sale tip no values"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(0, 0) }), "tipConfig.suggestions.values"),
        ["sale tip names and values differ"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tips(2, 3) }), "tipConfig.suggestions.names"),
        ["sale tip negative value"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(-1) }), "tipConfig.suggestions.values"),
        ["sale tip NaN value"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(double.NaN) }), "tipConfig.suggestions.values"),
        ["sale tip +infinity value"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(double.PositiveInfinity) }), "tipConfig.suggestions.values"),
        ["sale tip -infinity value"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(double.NegativeInfinity) }), "tipConfig.suggestions.values"),
        ["sale tip 0 value"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(0) }), null),
        ["sale tip host config"] = (c => c.StartSaleAsync(Sale() with { TipConfig = new TipConfig { UseHostConfig = true } }), null),
        ["sale tip host config with bad values"] = (c => c.StartSaleAsync(Sale() with { TipConfig = Tip(-1) with { UseHostConfig = true } }), "tipConfig.suggestions.values"),
        ["post-auth tip NaN value"] = (c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", TipConfig = Tip(double.NaN) }), "tipConfig.suggestions.values"),

        // Auth and forced auth share the sale's rules.
        ["auth referenceOrderId 5 chars"] = (c => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORD01" }), "referenceOrderId"),
        ["auth timeExpire 2:59 ahead"] = (c => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", ExpiresAt = Now.AddSeconds(179) }), "timeExpire"),
        ["forced auth currency lower case"] = (c => c.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 1, Currency = "eur", Description = "d", ReferenceOrderId = "ORDER-1" }), "amount.priceCurrency"),

        // Operations on an earlier transaction must name it.
        ["incremental without original"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD" }), "originalTransactionId"),
        ["incremental negative amount"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = -5, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["incremental amount 0"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["incremental whitespace original id"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = " " }), "originalTransactionId"),
        ["incremental empty original request id"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionRequestId = "" }), "originalTransactionRequestId"),
        ["incremental whitespace description"] = (c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", Description = "  " }), "description"),
        ["post-auth amount 0"] = (c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["post-auth without original"] = (c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD" }), "originalTransactionId"),
        ["post-auth original request id 33 chars"] = (c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionRequestId = new string('o', 33) }), "originalTransactionRequestId"),
        ["void without original"] = (c => c.StartVoidAsync(new VoidRequest()), "originalTransactionId"),
        ["void original id 65 chars"] = (c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = new string('1', 65) }), "originalTransactionId"),
        ["void whitespace original request id"] = (c => c.StartVoidAsync(new VoidRequest { OriginalTransactionRequestId = "\t" }), "originalTransactionRequestId"),
        ["void original id with a space inside"] = (c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "72 25" }), "originalTransactionId"),
        ["void empty description"] = (c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", Description = string.Empty }), "description"),
        ["tip adjust without original"] = (c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 100 }), "originalTransactionId"),
        ["tip adjust negative tip"] = (c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = -1, OriginalTransactionId = "1" }), "tipAmount"),
        ["tip adjust tip 0"] = (c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 0, OriginalTransactionId = "1" }), null),
        ["tip adjust whitespace original id"] = (c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 1, OriginalTransactionId = " ", OriginalTransactionRequestId = "req-1" }), "originalTransactionId"),
        ["abort without original"] = (c => c.StartAbortAsync(new AbortRequest()), "originalTransactionId"),
        ["abort whitespace original id"] = (c => c.StartAbortAsync(new AbortRequest { OriginalTransactionId = "   " }), "originalTransactionId"),
        ["abort with original request id"] = (c => c.StartAbortAsync(new AbortRequest { OriginalTransactionRequestId = "req-1" }), null),
        ["abort terminalSn 33 chars"] = (c => c.StartAbortAsync(new AbortRequest { OriginalTransactionId = "1", TerminalSn = new string('T', 33) }), "terminalSn"),
        ["abort description 129 chars"] = (c => c.StartAbortAsync(new AbortRequest { OriginalTransactionId = "1", Description = new string('d', 129) }), "description"),

        // Refund: referenced versus unreferenced.
        ["unreferenced refund without referenceOrderId"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD" }), "referenceOrderId"),
        ["unreferenced refund with referenceOrderId"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1" }), null),
        ["referenced refund with timeExpire"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", ExpiresAt = Now.AddMinutes(10) }), "timeExpire"),
        ["referenced refund negative amount"] = (c => c.StartRefundAsync(new RefundRequest { Amount = -1, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["refund tip -1"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, TipAmount = -1, Currency = "USD", OriginalTransactionId = "1" }), "amount.tipAmount"),
        ["refund amount 0"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["referenced refund with paymentMethod"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card } }), "paymentMethod"),
        ["referenced refund with cardNetworkType"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionRequestId = "req-1", CardNetworkType = CardNetworkType.Debit }), "cardNetworkType"),
        ["referenced refund with signatureConfig"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", SignatureConfig = new SignatureConfig { UseHostConfig = true } }), "signatureConfig"),
        ["refund whitespace original id"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = " ", ReferenceOrderId = "ORDER-1" }), "originalTransactionId"),
        ["refund whitespace original request id"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionRequestId = "  ", ReferenceOrderId = "ORDER-1" }), "originalTransactionRequestId"),
        ["refund whitespace description"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", Description = " " }), "description"),
        ["unreferenced refund with paymentMethod"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1", PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card }, CardNetworkType = CardNetworkType.Debit }), null),
        ["unreferenced refund timeExpire 2:59"] = (c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1", ExpiresAt = Now.AddSeconds(179) }), "timeExpire"),

        // Settlement.
        ["batch close channel 33 chars"] = (c => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = new string('C', 33) }), "channelCode"),
        ["batch close request id 33 chars"] = (c => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = "C1", TransactionRequestId = new string('b', 33) }), "transactionRequestId"),
        ["batch close whitespace description"] = (c => c.BatchCloseAsync(new BatchCloseRequest { ChannelCode = "C1", Description = " " }), "description"),
        ["batch close list start only"] = (c => c.GetBatchCloseListAsync(new BatchCloseListRequest { From = Now.AddDays(-1) }), "endTime"),
        ["batch close list end only"] = (c => c.GetBatchCloseListAsync(new BatchCloseListRequest { To = Now }), "startTime"),
        ["batch close list 30 days"] = (c => c.GetBatchCloseListAsync(new BatchCloseListRequest { From = Now.AddDays(-30), To = Now }), null),
        ["batch close list 30 days 1 s"] = (c => c.GetBatchCloseListAsync(new BatchCloseListRequest { From = Now.AddDays(-30).AddSeconds(-1), To = Now }), "endTime"),
        ["batch close list end before start"] = (c => c.GetBatchCloseListAsync(new BatchCloseListRequest { From = Now, To = Now.AddDays(-1) }), "endTime"),
        ["batch query terminalSn 33 chars"] = (c => c.BatchQueryAsync(new string('T', 33)), "terminalSn"),
        ["query transactionRequestId 33 chars"] = (c => c.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(new string('q', 33))), "transactionRequestId"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_documented_rule_is_checked_before_anything_is_sent(string name)
    {
        var (act, field) = Cases[name];
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Dispatch("r")));
        using var client = TestClients.Create(stub);

        if (field is null)
        {
            await act(client);
            Assert.NotEmpty(stub.Calls);
            return;
        }

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => act(client));
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }

    [Fact]
    public void A_time_expire_is_checked_as_the_wire_carries_it_in_whole_seconds()
    {
        var now = Now.AddMilliseconds(500);

        // 3:00.1 ahead as given, but "…:03:00" on the wire: 2:59.5 ahead, under SUNBAY's minimum.
        var error = Assert.Throws<PaymentsValidationException>(() => Sunbay.Client.Validation.RequestRules.ExpiresAt(now.AddMinutes(3).AddMilliseconds(100), now));
        Assert.Equal("timeExpire", error.Field);
        Sunbay.Client.Validation.RequestRules.ExpiresAt(now.AddMinutes(3).AddMilliseconds(500), now);
    }

    [Fact]
    public void Every_public_enum_member_has_a_wire_value_and_every_wire_value_a_member()
    {
        AssertTwins<PrintReceipt>(Sunbay.Client.Wire.PrintReceipt.FromName, Sunbay.Client.Wire.PrintReceipt.Values);
        AssertTwins<BatchPrintReceipt>(Sunbay.Client.Wire.BatchPrintReceipt.FromName, Sunbay.Client.Wire.BatchPrintReceipt.Values);
        AssertTwins<PaymentMethodCategory>(Sunbay.Client.Wire.PaymentMethodCategory.FromName, Sunbay.Client.Wire.PaymentMethodCategory.Values);
        AssertTwins<CardNetworkType>(Sunbay.Client.Wire.CardNetworkType.FromName, Sunbay.Client.Wire.CardNetworkType.Values);
        AssertTwins<PaymentMethodSubId>(Sunbay.Client.Wire.PaymentMethodSubId.FromName, Sunbay.Client.Wire.PaymentMethodSubId.Values);
        AssertTwins<SignatureEntryLocation>(Sunbay.Client.Wire.SignatureEntryLocation.FromName, Sunbay.Client.Wire.SignatureEntryLocation.Values);
        AssertTwins<TipMode>(Sunbay.Client.Wire.TipMode.FromName, Sunbay.Client.Wire.TipMode.Values);
        AssertTwins<FeeMode>(Sunbay.Client.Wire.FeeMode.FromName, Sunbay.Client.Wire.FeeMode.Values);

        // The spec's spelling, not the member's.
        Assert.Equal("CARD-CREDIT", Sunbay.Client.Transactions.TransactionMapper.ToWire<PaymentMethodCategory>(PaymentMethodCategory.CardCredit, Sunbay.Client.Wire.PaymentMethodCategory.FromName, "f"));
        Assert.Equal("ON_SCREEN", Sunbay.Client.Transactions.TransactionMapper.ToWire<SignatureEntryLocation>(SignatureEntryLocation.OnScreen, Sunbay.Client.Wire.SignatureEntryLocation.FromName, "f"));
        Assert.Equal("AFTER_SALE", Sunbay.Client.Transactions.TransactionMapper.ToWire<TipMode>(TipMode.AfterSale, Sunbay.Client.Wire.TipMode.FromName, "f"));
    }

    [Fact]
    public void An_undefined_public_enum_value_is_refused_naming_the_field_and_the_members()
    {
        var error = Assert.Throws<PaymentsValidationException>(
            () => Sunbay.Client.Transactions.TransactionMapper.ToWire<TipMode>((TipMode)7, Sunbay.Client.Wire.TipMode.FromName, "tipConfig.tipMode"));
        Assert.Equal("tipConfig.tipMode", error.Field);
        Assert.Contains("OnSale, AfterSale", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CARD", true)]
    [InlineData("CARD-CREDIT", true)]
    [InlineData("EBT", true)]
    [InlineData("card", false)]
    [InlineData("CARD ", false)]
    [InlineData("Card", false)]
    [InlineData("", false)]
    public void The_wire_kernel_reads_a_spec_enum_in_the_spec_case_only(string category, bool valid)
    {
        var problem = Sunbay.Client.Wire.PaymentMethod.CheckCategory(category, "paymentMethod");
        if (valid)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
            Assert.Equal("paymentMethod.category", problem.Field);
            Assert.Contains("must be one of CARD, CARD-CREDIT, CARD-DEBIT, QR-MPM, QR-CPM, EBT", problem.Rule, StringComparison.Ordinal);
        }
    }

    private static void AssertTwins<TPublic>(Func<string, string?> fromName, string values)
        where TPublic : struct, Enum
    {
        var wire = Enum.GetValues<TPublic>().Select(v => Sunbay.Client.Transactions.TransactionMapper.ToWire<TPublic>(v, fromName, "f")).ToList();
        Assert.All(wire, Assert.NotNull);
        Assert.Equal(values.Split(", ").Order(StringComparer.Ordinal), wire.Order(StringComparer.Ordinal));
    }

    private static SaleRequest Sale() => TestClients.Sale();

    private static TipConfig Tips(int values, int names) => new()
    {
        Suggestions = new TipSuggestion
        {
            FeeMode = FeeMode.Rate,
            Values = [.. Enumerable.Range(1, values).Select(v => (double)(v * 5))],
            Names = names == 0 ? null : [.. Enumerable.Range(1, names).Select(v => $"{v * 5}%")],
        },
    };

    private static TipConfig Tip(double value) => new() { Suggestions = new TipSuggestion { FeeMode = FeeMode.Amount, Values = [value] } };
}
