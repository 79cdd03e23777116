namespace Sunbay.Client;

/// <summary>
/// The call did not get a usable answer from SUNBAY: a timeout, a dropped connection, a server error without a SUNBAY
/// envelope, or a body that could not be read.
/// </summary>
/// <remarks>
/// When <see cref="PaymentsTransportException.OutcomeUnknown"/> is <see langword="true"/>, a POST may have reached SUNBAY
/// and the card may have been charged: do not simply retry. Query the transaction by <see cref="TransactionRequestId"/>
/// (<see cref="ISunbayClient.GetOperation(string)"/>) to learn the true state, and re-send only with the same
/// <see cref="TransactionRequestId"/> when the query shows the transaction does not exist.
/// </remarks>
public class SunbayTransportException : PaymentsTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect.</param>
    /// <param name="transactionRequestId">The idempotency key of the request, when it has one.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public SunbayTransportException(string message, string operation, bool outcomeUnknown, string? transactionRequestId, int? statusCode, Exception? innerException = null)
        : base("SUNBAY", message, operation, outcomeUnknown, transactionRequestId, statusCode, innerException)
    {
    }

    /// <summary>The <c>transactionRequestId</c> of the request: query with it to reconcile (the same as <see cref="PaymentsTransportException.IdempotencyKey"/>).</summary>
    public string? TransactionRequestId => IdempotencyKey;
}
