using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>A raw HTTP caller of the fake: sets SUNBAY's headers by hand so each test can break exactly one of them.</summary>
internal sealed class RawSunbay(FakeSunbayHost host) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = host.BaseAddress };

    public string? ApiKey { get; set; } = host.ApiKey;

    public async Task<RawAnswer> PostAsync(string path, string json, Action<HttpRequestMessage>? tweak = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync(request, tweak);
    }

    public async Task<RawAnswer> GetAsync(string pathAndQuery, Action<HttpRequestMessage>? tweak = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        return await SendAsync(request, tweak);
    }

    public string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var all = new List<(string, string?)> { ("appId", host.AppId), ("merchantId", host.MerchantId) };
        all.AddRange(parameters);
        return path + "?" + string.Join("&", all.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    private async Task<RawAnswer> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? tweak)
    {
        if (ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        request.Headers.TryAddWithoutValidation("X-Client-Request-Id", Guid.NewGuid().ToString("D"));
        request.Headers.TryAddWithoutValidation("X-Timestamp", host.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
        tweak?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new RawAnswer((int)response.StatusCode, body, response.Headers);
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record RawAnswer(int Status, string Body, HttpResponseHeaders Headers)
{
    private JsonElement Root => JsonDocument.Parse(Body).RootElement;

    public string? Code => Root.GetProperty("code").GetString();

    public string? Msg => Root.TryGetProperty("msg", out var msg) ? msg.GetString() : null;

    public JsonElement Data => Root.GetProperty("data");

    public string? DataString(string name) => Data.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
}
