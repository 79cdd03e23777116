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

    /// <summary>Pushes a pre-authorisation to the terminal (freezes funds; capture it with <see cref="StartPostAuthAsync"/>).</summary>
    /// <param name="request">The pre-authorisation.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched transaction; await its completion for the result.</returns>
    Task<TransactionOperation> StartAuthAsync(AuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>Pushes a forced authorisation (card number keyed in by the cashier) to the terminal.</summary>
    /// <param name="request">The forced authorisation.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched transaction; await its completion for the result.</returns>
    Task<TransactionOperation> StartForcedAuthAsync(ForcedAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>Raises a successful pre-authorisation.</summary>
    /// <param name="request">The increment and the pre-authorisation it applies to.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched increment; await its completion for the result.</returns>
    Task<TransactionOperation> StartIncrementalAuthAsync(IncrementalAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>Captures a successful pre-authorisation.</summary>
    /// <param name="request">The capture and the pre-authorisation it applies to.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched capture; await its completion for the result.</returns>
    Task<TransactionOperation> StartPostAuthAsync(PostAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>Pushes a refund (referenced or unreferenced) to the terminal.</summary>
    /// <param name="request">
    /// The refund; <see cref="RefundRequest.For(Transaction, long?)"/> builds one for a completed sale. Every rule is
    /// checked before the <see cref="RefundRequest.ExpectedRefundableAmount"/> guard queries the original.
    /// </param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched refund; await its completion for the result.</returns>
    Task<TransactionOperation> StartRefundAsync(RefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>Voids a successful transaction of the same day.</summary>
    /// <param name="request">The void; <see cref="VoidRequest.For(Transaction)"/> builds one.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The dispatched void; await its completion for the result.</returns>
    Task<TransactionOperation> StartVoidAsync(VoidRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the terminal to abort an unpaid transaction. SUNBAY's answer does not mean it was cancelled: await the returned
    /// operation, which follows the aborted transaction to its final status (closed when the abort worked).
    /// </summary>
    /// <param name="request">
    /// The transaction to abort (<see cref="AbortRequest.OriginalTransactionId"/> or
    /// <see cref="AbortRequest.OriginalTransactionRequestId"/>, required) and its terminal.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aborted transaction's operation.</returns>
    Task<TransactionOperation> StartAbortAsync(AbortRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets the tip of a successful transaction; SUNBAY answers with the result at once.</summary>
    /// <param name="request">The transaction and its new tip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TipAdjustResult> TipAdjustAsync(TipAdjustRequest request, CancellationToken cancellationToken = default);

    /// <summary>Totals of the terminal's current (open) batch, per channel and currency.</summary>
    /// <param name="terminalSn">The terminal; <see langword="null"/> for <see cref="SunbayClientOptions.TerminalSn"/> (blank is an error).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<OpenBatch>> BatchQueryAsync(string? terminalSn = null, CancellationToken cancellationToken = default);

    /// <summary>Closes (settles) the terminal's current batch: one channel, or every open channel. Irreversible.</summary>
    /// <param name="request">The terminal and, optionally, the channel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One closed batch per channel.</returns>
    Task<IReadOnlyList<ClosedBatch>> BatchCloseAsync(BatchCloseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Closed batches of a terminal (default: the last 7 days).</summary>
    /// <param name="request">Terminal, channel and window; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ClosedBatch>> GetBatchCloseListAsync(BatchCloseListRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>The merchant's profile and processor IDs.</summary>
    /// <param name="merchantId">The merchant; <see langword="null"/> for <see cref="SunbayClientOptions.MerchantId"/> (blank is an error).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Merchant> GetMerchantAsync(string? merchantId = null, CancellationToken cancellationToken = default);

    /// <summary>The merchant's terminals, every page (paging is done for you).</summary>
    /// <param name="merchantId">The merchant; <see langword="null"/> for <see cref="SunbayClientOptions.MerchantId"/> (blank is an error).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<Terminal> GetTerminalsAsync(string? merchantId = null, CancellationToken cancellationToken = default);

    /// <summary>Queries a transaction by SUNBAY's transaction ID.</summary>
    /// <param name="transactionId">SUNBAY's transaction ID.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction> GetTransactionAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>Queries a transaction by the <c>transactionRequestId</c> it was created with.</summary>
    /// <param name="transactionRequestId">The idempotency key of the transaction.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction> GetTransactionByRequestIdAsync(string transactionRequestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds a transaction by the <c>transactionRequestId</c> it was created with: <see langword="null"/> when SUNBAY has
    /// none (see <see cref="SunbayClientOptions.TransactionNotFoundCodes"/>). The one call that reconciles a
    /// <see cref="SunbayTransportException"/> whose outcome is unknown.
    /// </summary>
    /// <param name="transactionRequestId">The idempotency key, e.g. <see cref="SunbayTransportException.TransactionRequestId"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction?> FindTransactionAsync(string transactionRequestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the latest transaction of a merchant order by its <c>referenceOrderId</c>, for when the
    /// <c>transactionRequestId</c> was lost with a crash: <see langword="null"/> when SUNBAY has none.
    /// </summary>
    /// <remarks>
    /// SUNBAY documents queries by <c>transactionId</c> and <c>transactionRequestId</c> only; this sends the
    /// <c>referenceOrderId</c> query parameter that SUNBAY's own Python SDK models. A server that does not support it
    /// answers with a parameter error (<see cref="SunbayApiException"/>, code <c>C17</c>). Prefer storing the
    /// <c>transactionRequestId</c> before each push.
    /// </remarks>
    /// <param name="referenceOrderId">The merchant order number the transaction was created with.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Transaction?> FindTransactionByReferenceOrderIdAsync(string referenceOrderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-sends a push safely after its outcome was unknown: queries by the request's <c>transactionRequestId</c> first and,
    /// when SUNBAY has the transaction, returns its operation without sending anything; only when SUNBAY has none is the
    /// request sent again (same <c>transactionRequestId</c>, new <c>X-Client-Request-Id</c>). SUNBAY does not document
    /// whether a repeated <c>transactionRequestId</c> replays the first answer or is refused with an error code, so when
    /// the re-send is refused (<see cref="SunbayApiException"/>) the <c>transactionRequestId</c> is queried again: if the
    /// transaction exists its operation is returned; if that query fails the result is a
    /// <see cref="SunbayTransportException"/> with <see cref="SunbayTransportException.OutcomeUnknown"/> set.
    /// </summary>
    /// <param name="request">The original request, with its <see cref="PushRequest.TransactionRequestId"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<TransactionOperation> StartOrResumeAsync(PushRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds the operation of an earlier push from its <c>transactionRequestId</c> (after a restart, or to reconcile an
    /// outcome-unknown failure). Sends nothing until it is updated or awaited.
    /// </summary>
    /// <param name="transactionRequestId">The idempotency key of the transaction.</param>
    TransactionOperation GetOperation(string transactionRequestId);
}
