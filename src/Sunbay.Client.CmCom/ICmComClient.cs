namespace Sunbay.Client.CmCom;

/// <summary>
/// CM.com's Cloud Integration MerchantAPI for card-present payments on SUNMI terminals. A start (<c>Start…Async</c>)
/// returns as soon as CM.com created the transaction; the terminal picks it up at its next poll. Await
/// <see cref="CmComTransactionOperation.WaitForCompletionAsync(CancellationToken)"/> for the cardholder's result.
/// </summary>
/// <remarks>
/// <para>
/// Requests are validated before anything is sent (<see cref="PaymentsValidationException"/>, naming the field). GETs are
/// retried on transient failures; POSTs and DELETEs never are: one that got no answer raises
/// <see cref="CmComTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/>, to reconcile with
/// <see cref="FindTransactionByReferenceAsync"/> or <see cref="StartOrResumePurchaseAsync"/>. CM.com's refusals are
/// <see cref="CmComApiException"/> (401/403: <see cref="CmComAuthenticationException"/>). All derive from
/// <see cref="PaymentsException"/>, like the SUNBAY client's.
/// </para>
/// <para>
/// This interface is the client's one abstraction: inject it, and fake or mock it in unit tests with results built by
/// <see cref="CmComModelFactory"/>. <see cref="CmComClient"/> is sealed. Members added after 1.0 come with a default
/// implementation, so a fake written against an earlier version keeps compiling.
/// </para>
/// </remarks>
public interface ICmComClient
{
    /// <summary>Starts a purchase on a terminal (<c>POST /terminals/{terminalId}/transactions</c>).</summary>
    /// <param name="request">The purchase.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The created transaction; await its completion for the result.</returns>
    Task<CmComTransactionOperation> StartPurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a refund on a terminal, referenced to a purchase or not.</summary>
    /// <param name="request">The refund; <see cref="CmComRefundRequest.For"/> builds one for an approved purchase.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <returns>The created refund; await its completion for the result.</returns>
    Task<CmComTransactionOperation> StartRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The safe way to send a purchase again after its outcome was unknown: looks for a purchase with the request's
    /// merchant order reference on its terminal first, follows it when there is one, and sends the request only when there
    /// is none. Never creates a second purchase for the same reference.
    /// </summary>
    /// <param name="request">The purchase, with the merchant order reference it was first sent with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PaymentsValidationException">
    /// The reference already names a transaction of another amount or currency: it is not this purchase; use a new reference.
    /// </exception>
    Task<CmComTransactionOperation> StartOrResumePurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>The refund counterpart of <see cref="StartOrResumePurchaseAsync"/>.</summary>
    /// <param name="request">The refund, with the merchant order reference it was first sent with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CmComTransactionOperation> StartOrResumeRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the transaction started with <paramref name="merchantOrderReference"/> in the terminal's transaction list, as
    /// CM.com's guide prescribes after a request without an answer. CM.com neither filters the list nor makes the reference
    /// unique, so every page is read; when several match, the newest wins.
    /// </summary>
    /// <param name="merchantOrderReference">The reference the transaction was started with.</param>
    /// <param name="terminalId">Its terminal; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The transaction, or <see langword="null"/> when the terminal has none with that reference.</returns>
    Task<CmComTransaction?> FindTransactionByReferenceAsync(string merchantOrderReference, string? terminalId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a transaction once.</summary>
    /// <param name="transactionId">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CmComTransaction> GetTransactionAsync(string transactionId, string? terminalId = null, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the operation of a transaction started earlier (after a restart, from its stored id and terminal). No I/O.</summary>
    /// <param name="transactionId">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal; <see langword="null"/> for the configured one.</param>
    CmComTransactionOperation GetOperation(string transactionId, string? terminalId = null);

    /// <summary>
    /// Cancels a transaction (<c>DELETE</c>, never retried): <see cref="CmComCancelOutcome.Cancelled"/> (204) while no card
    /// was presented; <see cref="CmComCancelOutcome.TooLate"/> (409) otherwise, with the transaction read right after (if
    /// it was approved, the merchant probably wants a refund).
    /// </summary>
    /// <param name="transactionId">CM.com's id of the transaction.</param>
    /// <param name="terminalId">Its terminal; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    Task<CmComCancelResult> CancelAsync(string transactionId, string? terminalId = null, CancellationToken cancellationToken = default);

    /// <summary>All stores of all the customer's merchants, page after page (<see cref="CmComClientOptions.PageSize"/> a page).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    IAsyncEnumerable<CmComStore> GetStoresAsync(CancellationToken cancellationToken = default);

    /// <summary>All terminals across all stores, page after page.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    IAsyncEnumerable<CmComTerminal> GetTerminalsAsync(CancellationToken cancellationToken = default);

    /// <summary>A terminal's transactions, page after page, in CM.com's order (do not rely on one).</summary>
    /// <param name="terminalId">The terminal; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    IAsyncEnumerable<CmComTransaction> GetTransactionsAsync(string? terminalId = null, CancellationToken cancellationToken = default);

    /// <summary>Today's totals of a terminal (CM.com's day), as a formatted receipt.</summary>
    /// <param name="terminalId">The terminal; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CmComTransportException">
    /// CM.com answered without a receipt (a JSON object without <c>receipt</c>, or an empty body): a format this SDK
    /// does not know, reported instead of an empty receipt.
    /// </exception>
    Task<CmComDayTotals> GetDayTotalsAsync(string? terminalId = null, CancellationToken cancellationToken = default);

    /// <summary>The customer's API keys (ids, labels, validity; never the keys themselves).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CmComApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates an API key (never retried). Its secret is in the answer, the only time CM.com shows it: store it.</summary>
    /// <param name="request">Its label and optional validity.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    Task<CmComNewApiKey> CreateApiKeyAsync(CmComApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revokes an API key (never retried).</summary>
    /// <remarks>
    /// CM.com refuses to revoke the key that makes the request, and the last key. The client refuses the first before
    /// any request when it knows the id of the key in use (it created it: <see cref="CreateApiKeyAsync"/> or
    /// <see cref="RotateApiKeyAsync"/>); a configured key's id is unknowable (CM.com lists ids, never keys), so then, as
    /// for the last key, CM.com's refusal comes back as <see cref="CmComApiException"/> (409).
    /// </remarks>
    /// <param name="id">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    /// <exception cref="PaymentsValidationException">The id is not positive, or is the id of the key in use.</exception>
    Task RevokeApiKeyAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rotates the API key the way CM.com's guide describes, in one call: creates the new key; hands it to
    /// <paramref name="storeNewKey"/> (store it where your configuration reads <c>CmCom:ApiKey</c>); switches this client
    /// to it at once (no restart, no waiting for a reload: the client sends the new key while the configuration still
    /// holds the old one); proves it works with a request made with it; then revokes <paramref name="oldKeyId"/>.
    /// </summary>
    /// <remarks>
    /// <para>Refused before any request: a new key not valid now (its <c>ValidFrom</c> in the future or <c>ValidUntil</c>
    /// past: the proof would fail), and an old key id that is the new key's (impossible by construction) or not positive.</para>
    /// <para>When <paramref name="storeNewKey"/> throws, the new key is revoked (with the old key, still in use) so that no
    /// key nobody holds stays valid, and the exception propagates. When the proof fails, the client goes back to the old
    /// key, which was not revoked, and the failure propagates. When the revoke fails, the new key stays in use and the
    /// failure propagates: revoke <paramref name="oldKeyId"/> again later. Other instances of the application switch when
    /// their configuration delivers the new key; revoke the old key only once they all have it (see the README).</para>
    /// </remarks>
    /// <param name="newKey">The new key's label and validity.</param>
    /// <param name="oldKeyId">The id of the key in use now (from <see cref="ListApiKeysAsync"/>, or from its creation).</param>
    /// <param name="storeNewKey">Stores the new key for the application; the SDK never keeps the secret beyond this client's memory.</param>
    /// <param name="cancellationToken">Cancels the rotation between its steps.</param>
    /// <returns>The new key (without its secret) and the id revoked.</returns>
    Task<CmComApiKeyRotation> RotateApiKeyAsync(CmComApiKeyRequest newKey, long oldKeyId, Func<CmComNewApiKey, CancellationToken, Task> storeNewKey, CancellationToken cancellationToken = default);
}
