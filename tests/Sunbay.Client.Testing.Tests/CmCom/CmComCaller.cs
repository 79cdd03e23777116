using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>
/// A raw HTTP caller of the fake CM.com host over either transport (its own <see cref="HttpClient"/> from
/// <see cref="FakeCmComHost.CreateHttpClient"/>), with the guide's bodies built as strings, exactly as a client sends them.
/// </summary>
internal sealed class CmComCaller(FakeCmComHost host, string? apiKey = null) : IDisposable
{
    public const string Terminal = "SUNMI-P2lite-FAKE0000001";

    private readonly HttpClient _http = host.CreateHttpClient(apiKey);

    public static string Purchase(decimal value, string order = "inv2112280004", string currency = "EUR") =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"PURCHASE","merchant_order_reference":"{{{order}}}","amount":{"value":{{{value}}},"currency":"{{{currency}}}"}}""");

    public static string Refund(decimal value, string? purchaseId, string order = "inv2112280004-r", string currency = "EUR")
    {
        var reference = purchaseId is null ? string.Empty : $$""","reference":{"id":"{{purchaseId}}"}""";
        return string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"REFUND","merchant_order_reference":"{{{order}}}","amount":{"value":{{{value}}},"currency":"{{{currency}}}"}{{{reference}}}}""");
    }

    public Task<CmComAnswer> StartAsync(string body, string terminal = Terminal) => PostAsync($"terminals/{terminal}/transactions", body);

    public Task<CmComAnswer> GetTransactionAsync(string id, string terminal = Terminal) => SendAsync(HttpMethod.Get, $"terminals/{terminal}/transactions/{id}");

    public Task<CmComAnswer> CancelAsync(string id, string terminal = Terminal) => SendAsync(HttpMethod.Delete, $"terminals/{terminal}/transactions/{id}");

    public async Task<CmComAnswer> PostAsync(string path, string json, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await SendAsync(request);
    }

    public async Task<CmComAnswer> SendAsync(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        return await SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private async Task<CmComAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new CmComAnswer((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, headers);
    }
}

/// <summary>One answer of the fake CM.com host, with JSON accessors.</summary>
internal sealed record CmComAnswer(int Status, string Body, string? MediaType, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? this[string property] => Json.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "(none)";

    /// <summary>Asserts a problem+json answer (status, title, instance) and returns its detail.</summary>
    public string Problem(int status, string title, string instance)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/problem+json", MediaType);
        Assert.Equal(status, Json.GetProperty("status").GetInt32());
        Assert.Equal(title, this["title"]);
        Assert.Equal(instance, this["instance"]);
        Assert.False(Json.TryGetProperty("type", out _));
        return this["detail"]!;
    }
}
