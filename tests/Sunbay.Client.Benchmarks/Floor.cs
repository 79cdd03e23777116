using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// The floor: the leanest correct request a careful hand-written client makes. One <see cref="HttpClient"/> over a bare
/// <see cref="SocketsHttpHandler"/> (<see cref="CreateHandler"/>), a source-generated JSON context, the same body as the
/// SDK (with its default 5-minute timeExpire) as one exact-size array, and only the headers SUNBAY needs: Bearer,
/// X-Client-Request-Id, X-Timestamp, Content-Type (POST), plus a User-Agent (every SDK of SUNBAY's sends one; whether
/// the server needs it is not documented). No Accept (SUNBAY's docs list none, SUNBAY's own SDK sends none) and no
/// Accept-Encoding. The answer is read as a stream by the async deserializer (pooled buffers, no copy of the body).
/// `interleaved --show-requests` prints every contender's requests.
/// </summary>
internal sealed class FloorClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly AuthenticationHeaderValue Bearer = new("Bearer", Canned.ApiKey);
    private static readonly string UserAgent = $"SunbayFloor/0.1.0 (.NET {Environment.Version})";

    /// <summary>The query's fixed part: app and merchant are configuration, escaped once.</summary>
    private static readonly string QueryPrefix =
        $"v1/transaction/query?appId={Uri.EscapeDataString(Canned.AppId)}&merchantId={Uri.EscapeDataString(Canned.MerchantId)}&transactionId=";

    /// <summary>
    /// A bare pooled handler: the connection pool and the sockets, nothing in front of them. Redirects off (the default
    /// would add a redirect layer to every call; a payment client never follows one); no automatic decompression (a layer
    /// and an Accept-Encoding header per call, and SUNBAY's answers are small JSON); connections renewed every 5 minutes
    /// (DNS changes), which costs nothing per call.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public async Task<FloorDispatchResponse> SaleAsync(CancellationToken cancellationToken = default)
    {
        var body = new FloorSaleRequest
        {
            AppId = Canned.AppId,
            MerchantId = Canned.MerchantId,
            TerminalSn = Canned.TerminalSn,
            ReferenceOrderId = "ORDER-20260101-0001",
            TransactionRequestId = Guid.NewGuid().ToString("N"),
            Description = "Coffee",
            TimeExpire = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Amount = new FloorAmount { OrderAmount = 1000, PriceCurrency = "USD" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/semi-integration/transaction/sale");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, FloorJson.Default.FloorSaleRequest));
        content.Headers.ContentType = Json;
        request.Content = content;
        AddHeaders(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var result = await JsonSerializer.DeserializeAsync(stream, FloorJson.Default.FloorDispatchResponse, cancellationToken).ConfigureAwait(false);
        return result is { Code: "0" } ? result : throw new InvalidOperationException("not ok");
    }

    public async Task<FloorQueryResponse> QueryAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, QueryPrefix + Uri.EscapeDataString(transactionId));
        AddHeaders(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var result = await JsonSerializer.DeserializeAsync(stream, FloorJson.Default.FloorQueryResponse, cancellationToken).ConfigureAwait(false);
        return result is { Code: "0", Data: not null } ? result : throw new InvalidOperationException("not ok");
    }

    private static void AddHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.Authorization = Bearer;
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        headers.TryAddWithoutValidation("X-Client-Request-Id", Guid.NewGuid().ToString("D"));
        headers.TryAddWithoutValidation("X-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
    }
}

public sealed class FloorSaleRequest
{
    public string? AppId { get; set; }
    public string? MerchantId { get; set; }
    public string? TerminalSn { get; set; }
    public string? ReferenceOrderId { get; set; }
    public string? TransactionRequestId { get; set; }
    public string? Description { get; set; }
    public string? TimeExpire { get; set; }
    public FloorAmount? Amount { get; set; }
}

public sealed class FloorAmount
{
    public string? PriceCurrency { get; set; }
    public long? TransAmount { get; set; }
    public long? OrderAmount { get; set; }
    public long? TaxAmount { get; set; }
    public long? SurchargeAmount { get; set; }
    public long? TipAmount { get; set; }
    public long? CashbackAmount { get; set; }
}

public class FloorEnvelope
{
    public string? Code { get; set; }
    public string? Msg { get; set; }
    public string? TraceId { get; set; }
}

public sealed class FloorDispatchResponse : FloorEnvelope
{
    public FloorDispatch? Data { get; set; }
}

public sealed class FloorDispatch
{
    public string? TransactionId { get; set; }
    public string? TransactionStatus { get; set; }
    public string? ReferenceOrderId { get; set; }
    public string? TransactionRequestId { get; set; }
}

public sealed class FloorQueryResponse : FloorEnvelope
{
    public FloorDetail? Data { get; set; }
}

public sealed class FloorDetail
{
    public string? TransactionId { get; set; }
    public string? TransactionRequestId { get; set; }
    public string? ReferenceOrderId { get; set; }
    public string? OriginalTransactionId { get; set; }
    public string? TransactionStatus { get; set; }
    public string? TransactionType { get; set; }
    public FloorAmount? Amount { get; set; }
    public string? CreateTime { get; set; }
    public string? CompleteTime { get; set; }
    public string? MaskedPan { get; set; }
    public string? CardNetworkType { get; set; }
    public string? PaymentMethodId { get; set; }
    public string? SubPaymentMethodId { get; set; }
    public string? BatchNo { get; set; }
    public string? VoucherNo { get; set; }
    public string? Stan { get; set; }
    public string? Rrn { get; set; }
    public string? AuthCode { get; set; }
    public string? EntryMode { get; set; }
    public string? AuthenticationMethod { get; set; }
    public string? TransactionResultCode { get; set; }
    public string? TransactionResultMsg { get; set; }
    public string? TerminalSn { get; set; }
    public string? Description { get; set; }
    public string? Attach { get; set; }
    public string? TransactionBatchStatus { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorSaleRequest))]
[JsonSerializable(typeof(FloorDispatchResponse))]
[JsonSerializable(typeof(FloorQueryResponse))]
internal sealed partial class FloorJson : JsonSerializerContext;
