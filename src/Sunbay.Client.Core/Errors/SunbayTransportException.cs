namespace Sunbay.Client;

/// <summary>
/// The call did not get a usable answer from SUNBAY: a timeout, a dropped connection, a server error without a SUNBAY
/// envelope, or a body that could not be read.
/// </summary>
/// <remarks>
/// When <see cref="OutcomeUnknown"/> is <see langword="true"/>, a POST may have reached SUNBAY and the card may have been
/// charged: do not simply retry. Query the transaction by <see cref="TransactionRequestId"/>
/// (<c>ISunbayClient.GetOperation</c>) to learn the true state, and re-send only with the same
/// <see cref="TransactionRequestId"/> when the query shows the transaction does not exist. Not sealed: the CM.com client's
/// transport exception derives from it, so one <c>catch</c> with <see cref="OutcomeUnknown"/> serves both providers.
/// </remarks>
public class SunbayTransportException : SunbayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect.</param>
    /// <param name="transactionRequestId">The idempotency key of the request, when it has one.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public SunbayTransportException(string message, string operation, bool outcomeUnknown, string? transactionRequestId, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        OutcomeUnknown = outcomeUnknown;
        TransactionRequestId = transactionRequestId;
        StatusCode = statusCode;
    }

    /// <summary>The API operation, e.g. <c>sale</c>.</summary>
    public string Operation { get; }

    /// <summary>
    /// <see langword="true"/> when the request may have reached SUNBAY and taken effect (a POST that failed after it was
    /// sent). Reconcile by querying with <see cref="TransactionRequestId"/> before doing anything else.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>The <c>transactionRequestId</c> of the request: query with it to reconcile.</summary>
    public string? TransactionRequestId { get; }

    /// <summary>The HTTP status when a response arrived, otherwise <see langword="null"/>.</summary>
    public int? StatusCode { get; }
}
