namespace Sunbay.Client;

/// <summary>
/// The SUNBAY Nexus API for card-present payments. Push operations (<c>Start…Async</c>) return as soon as SUNBAY has
/// dispatched the transaction to the terminal; await <see cref="TransactionOperation.WaitForCompletionAsync(CancellationToken)"/>
/// for the cardholder's result.
/// </summary>
/// <remarks>
/// Requests are validated against every documented rule before anything is sent (<see cref="SunbayValidationException"/>).
/// Queries are retried on transient failures; pushes never are: a failed push raises <see cref="SunbayTransportException"/>
/// with <see cref="SunbayTransportException.OutcomeUnknown"/> so that you reconcile with <see cref="GetOperation(string)"/>.
/// </remarks>
public interface ISunbayClient
{
    /// <summary>Pushes a sale to the terminal.</summary>
    /// <param name="request">The sale.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched transaction; await its completion for the result.</returns>
    Task<TransactionOperation> StartSaleAsync(SaleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Pushes a refund (referenced or unreferenced) to the terminal.</summary>
    /// <param name="request">The refund; <see cref="RefundRequest.For(Transaction, long?)"/> builds one for a completed sale.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched refund; await its completion for the result.</returns>
    Task<TransactionOperation> StartRefundAsync(RefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>Queries a transaction by SUNBAY's transaction ID.</summary>
    /// <param name="transactionId">SUNBAY's transaction ID.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>Queries a transaction by the <c>transactionRequestId</c> it was created with.</summary>
    /// <param name="transactionRequestId">The idempotency key of the transaction.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction> GetTransactionByRequestIdAsync(string transactionRequestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds the operation of an earlier push from its <c>transactionRequestId</c> (after a restart, or to reconcile an
    /// outcome-unknown failure). Sends nothing until it is updated or awaited.
    /// </summary>
    /// <param name="transactionRequestId">The idempotency key of the transaction.</param>
    TransactionOperation GetOperation(string transactionRequestId);
}
