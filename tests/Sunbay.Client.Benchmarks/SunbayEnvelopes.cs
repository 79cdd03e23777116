using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// SUNBAY's answers to a sale and to a transaction query, as openapi/sunbay-nexus.yaml describes them: the envelope
/// <c>{code, msg, traceId, data}</c>; a sale's <c>data</c> confirms the dispatch (status P) and echoes the request's
/// <c>referenceOrderId</c> and <c>transactionRequestId</c>, as SUNBAY does; a query's <c>data</c> is a full
/// <c>TransactionDetail</c> of an approved contactless sale. Linked into tests/Sunbay.Client.ColdStart as well, so both
/// harnesses answer the same bytes; no dependency beyond the BCL (it is compiled with Native AOT there).
/// </summary>
internal static class SunbayEnvelopes
{
    public const string AppId = "app_7f3a9c2e41d0";
    public const string MerchantId = "M1260231004";
    public const string TerminalSn = "P2SE24A0001234";
    public const string ApiKey = "sk_test_bench_4f1c9e2b7a6d3058";

    /// <summary>SUNBAY's transactionId: a 16-digit numeric string, as in the spec's example and SUNBAY's SDK tests.</summary>
    public const string TransactionId = "7225836252468027";

    public const string SalePath = "/v1/semi-integration/transaction/sale";
    public const string QueryPath = "/v1/transaction/query";

    /// <summary>The <c>data</c> of a query: one approved sale, every documented field of <c>TransactionDetail</c> that a card sale has.</summary>
    public const string TransactionDetailJson =
        """{"transactionId":"7225836252468027","transactionRequestId":"0f8e7d6c5b4a39281706f5e4d3c2b1a0","referenceOrderId":"ORDER-20260101-0001","transactionStatus":"S","transactionType":"SALE","amount":{"priceCurrency":"USD","transAmount":1150,"orderAmount":1000,"taxAmount":0,"surchargeAmount":0,"tipAmount":150,"cashbackAmount":0},"createTime":"2026-01-01T10:00:00+08:00","completeTime":"2026-01-01T10:00:07+08:00","maskedPan":"411111******1111","cardNetworkType":"CREDIT","paymentMethodId":"VISA","batchNo":"000123","voucherNo":"000456","stan":"000789","rrn":"601010000123","authCode":"A1B2C3","entryMode":"CONTACTLESS","authenticationMethod":"NOT_AUTHENTICATED","transactionResultCode":"000","transactionResultMsg":"Approved","terminalSn":"P2SE24A0001234","description":"Coffee and a croissant","attach":"{\"table\":12,\"waiter\":\"Ann\"}","transactionBatchStatus":"N"}""";

    public static readonly byte[] QueryResponse = Encoding.UTF8.GetBytes(
        """{"code":"0","msg":"Success","traceId":"6f1d0c2b9a8e4f37b5c1d2e3f4a5b6c7","data":""" + TransactionDetailJson + "}");

    private static readonly byte[] SaleHead = Encoding.UTF8.GetBytes(
        """{"code":"0","msg":"Success","traceId":"2b7c4e1a9d0f4c68a3e5b7d9f1a2c4e6","data":{"transactionId":"7225836252468027","transactionStatus":"P","referenceOrderId":""" + "\"");

    private static readonly byte[] SaleMiddle = Encoding.UTF8.GetBytes("\",\"transactionRequestId\":\"");
    private static readonly byte[] SaleTail = Encoding.UTF8.GetBytes("\"}}");
    private static readonly byte[] ReferenceOrderIdKey = Encoding.UTF8.GetBytes("\"referenceOrderId\":\"");
    private static readonly byte[] TransactionRequestIdKey = Encoding.UTF8.GetBytes("\"transactionRequestId\":\"");
    private static readonly byte[] FallbackReferenceOrderId = Encoding.UTF8.GetBytes("ORDER-20260101-0001");
    private static readonly byte[] FallbackTransactionRequestId = Encoding.UTF8.GetBytes("0f8e7d6c5b4a39281706f5e4d3c2b1a0");

    /// <summary>Room enough for <see cref="WriteSaleResponse"/>: the fixed parts and two echoed values of at most 64 bytes.</summary>
    public static int SaleResponseMaxLength => SaleHead.Length + SaleMiddle.Length + SaleTail.Length + 128;

    /// <summary>
    /// Writes the answer to a sale whose JSON body is <paramref name="requestBody"/> into <paramref name="destination"/>
    /// (at least <see cref="SaleResponseMaxLength"/> bytes) and returns its length. The echoed values are copied as
    /// bytes (a vectorised search, no JSON parse), so the server's share of a call stays small and the same for every client.
    /// </summary>
    public static int WriteSaleResponse(ReadOnlySpan<byte> requestBody, Span<byte> destination)
    {
        var written = 0;
        Append(SaleHead, destination, ref written);
        Append(ValueOf(requestBody, ReferenceOrderIdKey, FallbackReferenceOrderId), destination, ref written);
        Append(SaleMiddle, destination, ref written);
        Append(ValueOf(requestBody, TransactionRequestIdKey, FallbackTransactionRequestId), destination, ref written);
        Append(SaleTail, destination, ref written);
        return written;
    }

    /// <summary>The string value that follows <paramref name="key"/> (at most 64 bytes, no escapes), or <paramref name="fallback"/>.</summary>
    private static ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key, ReadOnlySpan<byte> fallback)
    {
        var at = json.IndexOf(key);
        if (at < 0)
        {
            return fallback;
        }

        var rest = json[(at + key.Length)..];
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        return end is > 0 and <= 64 && rest[end] == (byte)'"' ? rest[..end] : fallback;
    }

    private static void Append(ReadOnlySpan<byte> source, Span<byte> destination, ref int written)
    {
        source.CopyTo(destination[written..]);
        written += source.Length;
    }
}
