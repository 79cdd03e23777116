namespace Sunbay.Client;

/// <summary>
/// The SUNBAY Nexus API for card-present payments. Push operations (<c>Start…Async</c>) return as soon as SUNBAY has
/// dispatched the transaction to the terminal; await <see cref="TransactionOperation.WaitForCompletionAsync(CancellationToken)"/>
/// for the cardholder's result.
/// </summary>
/// <remarks>
/// <para>
/// Requests are validated against every documented rule before anything is sent (<see cref="PaymentsValidationException"/>).
/// Queries are retried on transient failures; pushes never are: a failed push raises <see cref="SunbayTransportException"/>
/// with <see cref="PaymentsTransportException.OutcomeUnknown"/> so that you reconcile with
/// <see cref="FindTransactionAsync(TransactionLookup, CancellationToken)"/> or <see cref="GetOperation(string)"/>.
/// </para>
/// <para>
/// This interface is the client's one abstraction: inject it, and fake or mock it in unit tests, with results built by
/// <see cref="SunbayModelFactory"/>. <see cref="SunbayClient"/> is sealed and has no virtual members. Members added
/// after 1.0 come with a default implementation, so a fake written against an earlier version keeps compiling.
/// </para>
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

    /// <summary>
    /// Looks a transaction up and returns it; throws when SUNBAY has none. For "does it exist?", use
    /// <see cref="FindTransactionAsync(TransactionLookup, CancellationToken)"/>.
    /// </summary>
    /// <param name="lookup">
    /// By <see cref="TransactionLookup.ByTransactionId(string)"/>, <see cref="TransactionLookup.ByTransactionRequestId(string)"/>
    /// or <see cref="TransactionLookup.ByReferenceOrderId(string)"/> (the order's latest transaction).
    /// </param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The transaction as SUNBAY reports it now.</returns>
    /// <exception cref="SunbayApiException">SUNBAY refused the query, e.g. with a code of <see cref="SunbayClientOptions.TransactionNotFoundCodes"/>.</exception>
    /// <exception cref="SunbayTransportException">No usable answer, or an answer without a transaction, or one for another <c>transactionRequestId</c>.</exception>
    Task<Transaction> GetTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Looks a transaction up: <see langword="null"/> when SUNBAY has none (an answer without a transaction, or a code of
    /// <see cref="SunbayClientOptions.TransactionNotFoundCodes"/>). By <c>transactionRequestId</c>, the one call that
    /// reconciles a <see cref="SunbayTransportException"/> whose outcome is unknown.
    /// </summary>
    /// <param name="lookup">
    /// By <see cref="TransactionLookup.ByTransactionRequestId(string)"/> (e.g. <see cref="SunbayTransportException.TransactionRequestId"/>),
    /// <see cref="TransactionLookup.ByTransactionId(string)"/> or <see cref="TransactionLookup.ByReferenceOrderId(string)"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The transaction, or <see langword="null"/> when SUNBAY has none.</returns>
    /// <exception cref="SunbayApiException">SUNBAY refused the query with a code that does not mean "not found".</exception>
    /// <exception cref="SunbayTransportException">No usable answer, or one for another <c>transactionRequestId</c> (never taken for "not found").</exception>
    Task<Transaction?> FindTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-sends a push safely after its outcome was unknown: queries by the request's <c>transactionRequestId</c> first and,
    /// when SUNBAY has the transaction, returns its operation without sending anything; only when SUNBAY has none is the
    /// request sent again (same <c>transactionRequestId</c>, new <c>X-Client-Request-Id</c>). SUNBAY does not document
    /// whether a repeated <c>transactionRequestId</c> replays the first answer or is refused with an error code, so when
    /// the re-send is refused (<see cref="SunbayApiException"/>) the <c>transactionRequestId</c> is queried again: if the
    /// transaction exists its operation is returned; if that query fails the result is a
    /// <see cref="SunbayTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/> set.
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
