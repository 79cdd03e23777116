namespace Sunbay.Client;

/// <summary>
/// Authenticates an outgoing request. The default puts the API key in <c>Authorization: Bearer</c>, which is all the
/// SUNBAY Nexus cloud API asks for; an application that must sign its requests differently registers its own signer,
/// without any other change to the pipeline.
/// </summary>
/// <remarks>Called once per attempt, after <c>X-Client-Request-Id</c> and <c>X-Timestamp</c> are set, so a signature may cover them.</remarks>
public interface ISunbayRequestSigner
{
    /// <summary>Adds authentication to <paramref name="request"/>.</summary>
    /// <param name="request">The request about to be sent; its content is final.</param>
    /// <param name="options">The client's current options (read per request: a rotated key applies at once).</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    ValueTask SignAsync(HttpRequestMessage request, SunbayClientOptions options, CancellationToken cancellationToken);
}
