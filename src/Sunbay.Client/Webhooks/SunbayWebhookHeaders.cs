namespace Sunbay.Client.Webhooks;

/// <summary>
/// The three headers of a SUNBAY webhook delivery, as received (values are not secrets: the signature is a MAC of the
/// body, useless without the secret).
/// </summary>
/// <param name="Signature">The <c>X-Signature</c> header: HMAC-SHA256 of the raw body, hex (either case) or base64.</param>
/// <param name="Timestamp">The <c>X-Timestamp</c> header: 13-digit Unix time in milliseconds.</param>
/// <param name="ClientRequestId">The <c>X-Client-Request-Id</c> header: the delivery's ID, for tracing. Not signed, so not used to de-duplicate.</param>
public readonly record struct SunbayWebhookHeaders(string? Signature, string? Timestamp, string? ClientRequestId)
{
    /// <summary>The signature header name.</summary>
    public const string SignatureHeaderName = Http.SunbayHeaders.Signature;

    /// <summary>The timestamp header name.</summary>
    public const string TimestampHeaderName = Http.SunbayHeaders.Timestamp;

    /// <summary>The delivery ID header name.</summary>
    public const string ClientRequestIdHeaderName = Http.SunbayHeaders.ClientRequestId;
}
