namespace Sunbay.Client.Webhooks;

/// <summary>A webhook delivery failed verification. The message names the reason, never a secret or a signature.</summary>
public sealed class SunbayWebhookException : PaymentsException
{
    /// <summary>Creates the exception for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the delivery was rejected.</param>
    /// <param name="innerException">The cause (e.g. a JSON error), if any.</param>
    public SunbayWebhookException(SunbayWebhookFailureReason reason, Exception? innerException = null)
        : base(Describe(reason), innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception for <paramref name="reason"/> with a detail (e.g. the field that could not be read).</summary>
    /// <param name="reason">Why the delivery was rejected.</param>
    /// <param name="detail">Appended to the reason's sentence; never a secret, a signature or a value of the body.</param>
    /// <param name="innerException">The cause, if any.</param>
    internal SunbayWebhookException(SunbayWebhookFailureReason reason, string? detail, Exception? innerException)
        : base(string.IsNullOrEmpty(detail) ? Describe(reason) : $"{Describe(reason)} ({detail})", innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the delivery was rejected.</summary>
    public SunbayWebhookFailureReason Reason { get; }

    /// <summary>A sentence about <paramref name="reason"/>, safe to log.</summary>
    /// <param name="reason">The failure reason.</param>
    public static string Describe(SunbayWebhookFailureReason reason) => reason switch
    {
        SunbayWebhookFailureReason.None => "The webhook is valid.",
        SunbayWebhookFailureReason.MissingHeader => "The webhook lacks X-Signature, X-Timestamp or X-Client-Request-Id.",
        SunbayWebhookFailureReason.MalformedHeader => "The webhook's X-Timestamp is not 13 digits of Unix milliseconds.",
        SunbayWebhookFailureReason.BadSignature => "The webhook's signature matches none of the configured secrets (changed body or wrong secret).",
        SunbayWebhookFailureReason.TimestampOutOfRange => "The webhook's X-Timestamp is outside the allowed tolerance (replay, or a wrong clock).",
        SunbayWebhookFailureReason.TooLarge => "The webhook body exceeds the configured size limit.",
        SunbayWebhookFailureReason.MalformedBody => "The webhook is signed correctly but its body is not a transaction notification in JSON.",
        _ => $"The webhook was rejected ({reason}).",
    };
}
