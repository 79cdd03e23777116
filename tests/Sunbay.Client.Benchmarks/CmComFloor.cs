using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// CM.com's floor: the leanest correct client of the MerchantAPI, as <see cref="FloorClient"/> is SUNBAY's. The same
/// <see cref="HttpClient"/> over a bare <see cref="SocketsHttpHandler"/> (<see cref="FloorClient.CreateHandler"/>), a
/// source-generated JSON context, the same body as <c>CmComClient</c>, and the headers CM.com needs (API-Key,
/// Content-Type on a POST) plus a User-Agent; no Accept (`interleaved --show-requests` prints both clients' requests).
/// </summary>
internal sealed class CmComFloorClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly string UserAgent = $"SunbayFloor/0.1.0 (.NET {Environment.Version})";

    public async Task<CmFloorTransaction> PurchaseAsync(CancellationToken cancellationToken = default)
    {
        var body = new CmFloorTransactionRequest { Type = "PURCHASE", MerchantOrderReference = "ORDER-20260101-0001", Amount = new CmFloorAmount { Value = 10.00m, Currency = "EUR" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "terminals/" + CmComEnvelopes.Terminal + "/transactions");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, CmFloorJson.Default.CmFloorTransactionRequest));
        content.Headers.ContentType = Json;
        request.Content = content;
        AddHeaders(request);
        return await ReadAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public Task<CmFloorTransaction> GetAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "terminals/" + CmComEnvelopes.Terminal + "/transactions/" + Uri.EscapeDataString(transactionId));
        AddHeaders(request);
        return ReadAsync(request, cancellationToken);
    }

    private async Task<CmFloorTransaction> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var result = await JsonSerializer.DeserializeAsync(stream, CmFloorJson.Default.CmFloorTransaction, cancellationToken).ConfigureAwait(false);
            return result is { Id.Length: > 0 } ? result : throw new InvalidOperationException("not ok");
        }
    }

    private static void AddHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation("API-Key", CmComEnvelopes.ApiKey);
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }
}

public sealed class CmFloorTransactionRequest
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("merchant_order_reference")] public string? MerchantOrderReference { get; set; }
    [JsonPropertyName("amount")] public CmFloorAmount? Amount { get; set; }
}

public sealed class CmFloorAmount
{
    [JsonPropertyName("value")] public decimal? Value { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
}

public sealed class CmFloorTransaction
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("merchant_order_reference")] public string? MerchantOrderReference { get; set; }
    [JsonPropertyName("creation_datetime")] public DateTimeOffset? CreationDatetime { get; set; }
    [JsonPropertyName("amount")] public CmFloorAmount? Amount { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("transaction_datetime")] public DateTimeOffset? TransactionDatetime { get; set; }
    [JsonPropertyName("system_trace_audit_number")] public string? SystemTraceAuditNumber { get; set; }
    [JsonPropertyName("brand")] public string? Brand { get; set; }
    [JsonPropertyName("receipt")] public string? Receipt { get; set; }
    [JsonPropertyName("result")] public string? Result { get; set; }
    [JsonPropertyName("store")] public CmFloorStore? Store { get; set; }
}

public sealed class CmFloorStore
{
    [JsonPropertyName("uuid")] public string? Uuid { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CmFloorTransactionRequest))]
[JsonSerializable(typeof(CmFloorTransaction))]
internal sealed partial class CmFloorJson : JsonSerializerContext;
