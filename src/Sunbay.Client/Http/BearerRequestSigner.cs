using System.Net.Http.Headers;

namespace Sunbay.Client.Http;

/// <summary>The default <see cref="ISunbayRequestSigner"/>: <c>Authorization: Bearer {ApiKey}</c> (RFC 6750).</summary>
/// <remarks>
/// The header value is built once per API key and shared (it is immutable), so a request costs no allocation here; a
/// rotated key is seen on the next request because the cache is keyed by the key itself.
/// </remarks>
internal sealed class BearerRequestSigner : ISunbayRequestSigner
{
    private Cached? _last;

    public static BearerRequestSigner Instance { get; } = new();

    public ValueTask SignAsync(HttpRequestMessage request, SunbayClientOptions options, CancellationToken cancellationToken)
    {
        var key = options.ApiKey;
        var last = Volatile.Read(ref _last);
        if (last is null || !string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            // Checked once per key, so a rotated key that cannot be written fails here, before anything is sent, instead
            // of in the socket handler, where a push would be reported as outcome-unknown.
            if (key is null || !ApiKeyRule.IsSendable(key))
            {
                throw new ApiKeyException("Sunbay:ApiKey");
            }

            last = new Cached(key, new AuthenticationHeaderValue("Bearer", key));
            Volatile.Write(ref _last, last);
        }

        request.Headers.Authorization = last.Value;
        return ValueTask.CompletedTask;
    }

    private sealed record Cached(string? Key, AuthenticationHeaderValue Value);
}
