namespace Sunbay.Client.Webhooks;

/// <summary>Why a webhook delivery was rejected. The ASP.NET Core endpoint maps each reason to an HTTP status.</summary>
public enum SunbayWebhookFailureReason
{
    /// <summary>Not a failure: the delivery is authentic and well formed.</summary>
    None = 0,

    /// <summary><c>X-Signature</c>, <c>X-Timestamp</c> or <c>X-Client-Request-Id</c> is absent or empty (HTTP 400).</summary>
    MissingHeader,

    /// <summary>A header is present but unusable: the timestamp is not 13 digits, or the signature is neither 64 hex digits nor 32 bytes of base64 (HTTP 400).</summary>
    MalformedHeader,

    /// <summary>The signature matches none of the configured secrets: the body was changed or the secret is wrong (HTTP 401).</summary>
    BadSignature,

    /// <summary><c>X-Timestamp</c> is further from now than <see cref="SunbayWebhookOptions.Tolerance"/>: a replay or a badly wrong clock (HTTP 401).</summary>
    TimestampOutOfRange,

    /// <summary>The body is larger than <see cref="SunbayWebhookOptions.MaxBodyBytes"/> (HTTP 413).</summary>
    TooLarge,

    /// <summary>The signature is valid but the body is not a transaction notification in JSON (HTTP 400).</summary>
    MalformedBody,
}
