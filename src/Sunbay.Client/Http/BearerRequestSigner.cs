using System.Net.Http.Headers;

namespace Sunbay.Client.Http;

/// <summary>The default <see cref="ISunbayRequestSigner"/>: <c>Authorization: Bearer {ApiKey}</c> (RFC 6750).</summary>
internal sealed class BearerRequestSigner : ISunbayRequestSigner
{
    public static BearerRequestSigner Instance { get; } = new();

    public ValueTask SignAsync(HttpRequestMessage request, SunbayClientOptions options, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return ValueTask.CompletedTask;
    }
}
