namespace Sunbay.Client;

/// <summary>
/// The call did not get a usable answer from the provider: a timeout, a dropped connection, a server error, a redirect,
/// or a body that could not be read.
/// </summary>
/// <remarks>
/// When <see cref="OutcomeUnknown"/> is <see langword="true"/>, the request may have reached the provider and the card may
/// have been charged: do not simply retry. Learn the true state first, by <see cref="IdempotencyKey"/> (the provider's
/// own exception says how), and send again only with the same key when the provider shows nothing. Each provider raises
/// its own derived type (<c>SunbayTransportException</c>, <c>CmComTransportException</c>); one <c>catch</c> of this type
/// with <see cref="OutcomeUnknown"/> serves every provider.
/// </remarks>
public class PaymentsTransportException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</param>
    /// <param name="message">What happened.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect.</param>
    /// <param name="idempotencyKey">The key of the request on the wire (SUNBAY's <c>transactionRequestId</c>, CM.com's merchant order reference), when it has one.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public PaymentsTransportException(string provider, string message, string operation, bool outcomeUnknown, string? idempotencyKey, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Operation = operation;
        OutcomeUnknown = outcomeUnknown;
        IdempotencyKey = idempotencyKey;
        StatusCode = statusCode;
    }

    /// <summary>The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</summary>
    public string Provider { get; }

    /// <summary>The API operation, e.g. <c>sale</c>.</summary>
    public string Operation { get; }

    /// <summary>
    /// <see langword="true"/> when the request may have reached the provider and taken effect (a request that changes
    /// something and failed after it was sent). Reconcile with <see cref="IdempotencyKey"/> before doing anything else.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>
    /// The key of the request on the wire, to reconcile with: SUNBAY's <c>transactionRequestId</c>, CM.com's merchant
    /// order reference, or the neutral start's idempotency key. <see langword="null"/> when the request has none.
    /// </summary>
    public string? IdempotencyKey { get; }

    /// <summary>The HTTP status when a response arrived, otherwise <see langword="null"/>.</summary>
    public int? StatusCode { get; }
}
