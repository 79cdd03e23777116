using System.Text;
using System.Text.Json;
using Sunbay.Client.Wire;
using W = Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.Transactions;

/// <summary>
/// Push bodies are written by the code generated for each wire type (<see cref="WireJsonWriter"/>): byte for byte what the
/// generated JSON context writes, without its metadata and its stack of frames.
/// </summary>
public sealed class PushBodyJsonTests
{
    private static Dictionary<string, object> Extra() => new() { ["future"] = "x" };

    private static W.PaymentMethod Method() => new() { Category = "CARD", Id = "VISA", SubId = "SNAP", AdditionalProperties = Extra() };

    private static W.SignatureConfig Signature() => new() { UseHostConfig = false, EntryLocation = "ON_TERMINAL", Threshold = 2500, AdditionalProperties = Extra() };

    private static W.TipConfig Tip() => new()
    {
        UseHostConfig = false,
        OnScreenTip = true,
        TipMode = "PERCENTAGE",
        TipWithTax = true,
        Suggestions = new W.TipSuggestion { Names = ["a", "b"], FeeMode = "PERCENTAGE", Values = [10, 15.5], AdditionalProperties = Extra() },
        AdditionalProperties = Extra(),
    };

    public static TheoryData<string> Pushes => ["sale", "sale-minimal", "auth", "forced-auth", "incremental-auth", "post-auth", "refund"];

    private static (IWireEndpoint<TransactionDispatchResponse> Push, IPushWire Body, Func<IPushWire, string> Generated) Body(string name) => name switch
    {
        "sale" => (SunbayWireApi.Sale, Filled(new W.SaleRequest
        {
            ReferenceOrderId = "ORDER-1",
            Description = "Coffee \"x2\" \u00e9",
            Amount = new SaleAmount { OrderAmount = 1000, TipAmount = 1, TaxAmount = 2, SurchargeAmount = 3, CashbackAmount = 4, PriceCurrency = "USD", AdditionalProperties = Extra() },
            PaymentMethod = Method(),
            CardNetworkType = "CREDIT",
            TimeExpire = "2026-01-01T00:05:00+00:00",
            SignatureConfig = Signature(),
            TipConfig = Tip(),
        }), b => JsonSerializer.Serialize((W.SaleRequest)b, SunbayWireJsonContext.Default.SaleRequest)),
        "sale-minimal" => (SunbayWireApi.Sale, new W.SaleRequest
        {
            AppId = "app",
            MerchantId = "merchant",
            TerminalSn = "T1",
            TransactionRequestId = "R1",
            ReferenceOrderId = "ORDER-1",
            Description = "Coffee",
            Amount = new SaleAmount { OrderAmount = 1000, PriceCurrency = "USD" },
        }, b => JsonSerializer.Serialize((W.SaleRequest)b, SunbayWireJsonContext.Default.SaleRequest)),
        "auth" => (SunbayWireApi.Auth, Filled(new W.AuthRequest
        {
            ReferenceOrderId = "ORDER-1",
            Description = "Room",
            Amount = new AuthAmount { OrderAmount = 5000, PriceCurrency = "EUR", AdditionalProperties = Extra() },
            PaymentMethod = Method(),
            SignatureConfig = Signature(),
        }), b => JsonSerializer.Serialize((W.AuthRequest)b, SunbayWireJsonContext.Default.AuthRequest)),
        "forced-auth" => (SunbayWireApi.ForcedAuth, Filled(new W.ForcedAuthRequest
        {
            ReferenceOrderId = "ORDER-1",
            Description = "Room",
            Amount = new AuthAmount { OrderAmount = 5000, PriceCurrency = "EUR" },
            PaymentMethod = Method(),
        }), b => JsonSerializer.Serialize((W.ForcedAuthRequest)b, SunbayWireJsonContext.Default.ForcedAuthRequest)),
        "incremental-auth" => (SunbayWireApi.IncrementalAuth, Filled(new W.IncrementalAuthRequest
        {
            OriginalTransactionId = "T-1",
            Amount = new AuthAmount { OrderAmount = 500, PriceCurrency = "EUR" },
        }), b => JsonSerializer.Serialize((W.IncrementalAuthRequest)b, SunbayWireJsonContext.Default.IncrementalAuthRequest)),
        "post-auth" => (SunbayWireApi.PostAuth, Filled(new W.PostAuthRequest
        {
            OriginalTransactionRequestId = "R-0",
            PushToTerminal = true,
            Amount = new PostAuthAmount { OrderAmount = 4500, TipAmount = 5, TaxAmount = 6, SurchargeAmount = 7, PriceCurrency = "EUR" },
            TipConfig = Tip(),
        }), b => JsonSerializer.Serialize((W.PostAuthRequest)b, SunbayWireJsonContext.Default.PostAuthRequest)),
        "refund" => (SunbayWireApi.Refund, Filled(new W.RefundRequest
        {
            OriginalTransactionId = "T-1",
            ReferenceOrderId = "ORDER-2",
            PushToTerminal = false,
            Amount = new RefundAmount { OrderAmount = 100, TipAmount = 1, TaxAmount = 2, SurchargeAmount = 3, CashbackAmount = 4, PriceCurrency = "USD" },
            PaymentMethod = Method(),
            SignatureConfig = Signature(),
        }), b => JsonSerializer.Serialize((W.RefundRequest)b, SunbayWireJsonContext.Default.RefundRequest)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static IPushWire Filled(IPushWire body)
    {
        body.AppId = "app";
        body.MerchantId = "merchant";
        body.TerminalSn = "T1";
        body.TransactionRequestId = "R1";
        body.Attach = """{"note":"<&>"}""";
        body.NotifyUrl = "https://example.test/hook";
        body.TerminalEventNotifyUrl = "https://example.test/events";
        body.PrintReceipt = "BOTH";
        return body;
    }

    [Theory]
    [MemberData(nameof(Pushes))]
    public void A_push_body_is_written_byte_for_byte_as_the_generated_context_writes_it(string name)
    {
        var (push, body, generated) = Body(name);

        Assert.Equal(generated(body), Encoding.UTF8.GetString(push.Serialize(body)));
    }

    [Fact]
    public void A_sale_is_written_without_the_serializers_stack_of_frames()
    {
        var (push, body, _) = Body("sale-minimal");
        var generated = (Func<byte[]>)(() => JsonSerializer.SerializeToUtf8Bytes((W.SaleRequest)body, SunbayWireJsonContext.Default.SaleRequest));
        var written = (Func<byte[]>)(() => push.Serialize(body));

        // The stack is an array of frames of some 80 B each (four at first): the generated context's writing allocates it.
        Assert.True(Allocated(written) + 200 < Allocated(generated), $"written {Allocated(written)} B, generated {Allocated(generated)} B");
    }

    private static long Allocated(Func<byte[]> write)
    {
        write();
        var before = GC.GetAllocatedBytesForCurrentThread();
        write();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
