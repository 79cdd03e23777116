namespace Sunbay.Client.CmCom;

/// <summary>
/// The call got no usable answer from CM.com: a timeout, a dropped connection, a server error, or a body that could not
/// be read. Caught by <c>catch (PaymentsTransportException)</c> like SUNBAY's.
/// </summary>
/// <remarks>
/// When <see cref="PaymentsTransportException.OutcomeUnknown"/> is <see langword="true"/>, the request may have been acted
/// on: a transaction may have been started (the terminal may be charging the card), a cancel may have happened. Do not
/// simply send it again. Read the current state first, as CM.com's guide says: find the transaction by
/// <see cref="MerchantOrderReference"/> on <see cref="TerminalId"/> (<see cref="ICmComClient.FindTransactionByReferenceAsync"/>,
/// or <see cref="ICmComClient.StartOrResumePurchaseAsync"/> which sends only when it is absent), or read
/// <see cref="TransactionId"/>. <see cref="PaymentsTransportException.IdempotencyKey"/> holds the merchant order
/// reference too: the key to reconcile with, for code that handles both providers.
/// </remarks>
public sealed class CmComTransportException : PaymentsTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="operation">The SDK's name of the operation, e.g. <c>start-transaction</c>.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect.</param>
    /// <param name="terminalId">The terminal the request addressed, when it addressed one.</param>
    /// <param name="merchantOrderReference">The transaction's merchant order reference, when known.</param>
    /// <param name="transactionId">CM.com's transaction id, when known.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public CmComTransportException(string message, string operation, bool outcomeUnknown, string? terminalId, string? merchantOrderReference, string? transactionId, int? statusCode, Exception? innerException = null)
        : base("CM.com", message, operation, outcomeUnknown, merchantOrderReference, statusCode, innerException)
    {
        TerminalId = terminalId;
        MerchantOrderReference = merchantOrderReference;
        TransactionId = transactionId;
    }

    /// <summary>The terminal the request addressed (<c>{manufacturer}-{model}-{serial}</c>), when it addressed one.</summary>
    public string? TerminalId { get; }

    /// <summary>The merchant order reference of the transaction: find it with this in the terminal's transactions.</summary>
    public string? MerchantOrderReference { get; }

    /// <summary>CM.com's id of the transaction, when the request named one (a read or a cancel).</summary>
    public string? TransactionId { get; }
}
