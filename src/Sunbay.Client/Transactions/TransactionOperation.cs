using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Notifications;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// A transaction pushed to a terminal and not necessarily finished: the long-running operation behind every push call.
/// <see cref="WaitForCompletionAsync(CancellationToken)"/> polls until the final status (backoff with jitter, bounded by
/// the transaction's expiry) and returns at once when a verified webhook for it reaches this process.
/// </summary>
/// <remarks>
/// <para>
/// Keep <see cref="TransactionRequestId"/>: after a restart, <see cref="ISunbayClient.GetOperation(string)"/> rebuilds the
/// operation from it. A decline is a result (<see cref="TransactionStatus.Fail"/>), not an exception.
/// </para>
/// <para>
/// In unit tests of code that uses it, build one with <see cref="SunbayModelFactory.PendingTransactionOperation"/> or
/// <see cref="SunbayModelFactory.CompletedTransactionOperation"/>, or derive from it and override the virtual members the
/// code under test calls.
/// </para>
/// </remarks>
public partial class TransactionOperation
{
    private readonly ITransactionStatusSource? _source;
    private readonly DateTimeOffset? _expiresAt;
    private const int MaxAbortAttempts = 3;
    private readonly long _createdTimestamp;

    // Made at the first update: an operation that is only started (its result followed elsewhere, or not at all) never locks.
    private object? _gate;
    private Transaction? _latest;
    private TransactionUpdateSource? _completedBy;
    private string? _requestId;

    /// <summary>
    /// For mocking: a derived class overrides the members the code under test calls; the others throw
    /// <see cref="InvalidOperationException"/>, as nothing stands behind them.
    /// </summary>
    protected TransactionOperation()
    {
    }

    /// <param name="source">What queries, aborts and hears webhooks: the client that created the operation.</param>
    /// <param name="transactionRequestId">The idempotency key; may be unknown (an abort naming only SUNBAY's ID), then <paramref name="initial"/> carries the ID.</param>
    /// <param name="initial">What is known so far.</param>
    /// <param name="expiresAt">The transaction's timeExpire, when known.</param>
    /// <param name="completedBy">How a final <paramref name="initial"/> state was learned; default a query (or the dispatch answer).</param>
    internal TransactionOperation(ITransactionStatusSource source, string? transactionRequestId, Transaction? initial, DateTimeOffset? expiresAt, TransactionUpdateSource completedBy = TransactionUpdateSource.Query)
    {
        _source = source;
        _requestId = string.IsNullOrEmpty(transactionRequestId) ? null : transactionRequestId;
        _latest = initial;
        _expiresAt = expiresAt;
        _completedBy = initial?.Status.IsFinal == true ? completedBy : null;
        _createdTimestamp = source.TimeProvider.GetTimestamp();
    }

    /// <summary>The idempotency key of the transaction: store it to find the transaction again. Empty while unknown.</summary>
    public virtual string TransactionRequestId => _requestId ?? string.Empty;

    /// <summary>The transaction's <c>timeExpire</c>, when this process sent it; <see langword="null"/> for a rehydrated or mocked operation.</summary>
    internal DateTimeOffset? ExpiresAt => _expiresAt;

    /// <summary>SUNBAY's transaction ID, once known (from the dispatch answer or a query).</summary>
    public virtual string? TransactionId => _latest?.TransactionId;

    /// <summary>Whether the transaction has reached a final status (success, fail or closed).</summary>
    public virtual bool HasCompleted => Volatile.Read(ref _latest)?.Status.IsFinal == true;

    /// <summary>How the final status was learned (a query or a verified webhook); <see langword="null"/> until completed.</summary>
    public virtual TransactionUpdateSource? CompletedBy => _completedBy;

    /// <summary>The latest state seen, final or not; <see langword="null"/> before the first answer of a rehydrated operation.</summary>
    public virtual Transaction? LastKnown => Volatile.Read(ref _latest);

    /// <summary>The final transaction.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed yet.</exception>
    public virtual Transaction Value => Volatile.Read(ref _latest) is { Status.IsFinal: true } final
        ? final
        : throw new InvalidOperationException($"Transaction '{TransactionRequestId}' has not completed yet; await WaitForCompletionAsync first.");

    /// <summary>
    /// Queries the transaction once and returns its current state. Once the operation has completed, the final state it
    /// completed with is returned whatever the query says (see <see cref="WaitForCompletionAsync(IProgress{Transaction}, CancellationToken)"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="SunbayClientDisposedException">The client was disposed.</exception>
    public virtual async Task<Transaction> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var lookup = _requestId is not null
            ? TransactionLookup.ByTransactionRequestId(_requestId)
            : TransactionLookup.ByTransactionId(TransactionId ?? throw new InvalidOperationException("The operation knows neither the transaction's ID nor its request ID."));
        var current = await Source.QueryAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (_requestId is null && !string.IsNullOrEmpty(current.TransactionRequestId))
        {
            _requestId = current.TransactionRequestId;
        }

        return Apply(current, TransactionUpdateSource.Query);
    }

    /// <summary>Waits for the final status and returns the transaction (approved, declined or closed).</summary>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on (abort it to cancel it on the terminal).</param>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    /// <exception cref="SunbayClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<Transaction> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(progress: null, cancellationToken);

    /// <summary>Waits for the final status, reporting each state seen on the way (for a progress display).</summary>
    /// <remarks>
    /// <para>
    /// A failed status query (a <see cref="SunbayTransportException"/>, or a <see cref="SunbayApiException"/> such as an
    /// authentication error while a rotated key propagates, or a configuration reload that fails validation) does not end
    /// the wait: the transaction may still succeed on the terminal. Polling goes on until the deadline, and the <see cref="SunbayOperationTimeoutException"/> raised then
    /// carries the last status and the last failure seen.
    /// </para>
    /// <para>
    /// The first final state wins: once the operation has completed (by a query or a verified webhook), a later answer
    /// (a poll that was already in flight, or a notification repeated with another status) changes nothing. Every wait
    /// on the same transaction, through this object or another one for the same <see cref="TransactionRequestId"/>, sees
    /// the webhook, whichever other wait was cancelled.
    /// </para>
    /// </remarks>
    /// <param name="progress">Receives every state seen while waiting, final included.</param>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on (abort it to cancel it on the terminal).</param>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    /// <exception cref="SunbayClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<Transaction> WaitForCompletionAsync(IProgress<Transaction>? progress, CancellationToken cancellationToken = default) =>
        WaitAsync(progress, abortAfter: null, cancellationToken);

    /// <summary>
    /// Waits for the final status and, when the cardholder has not finished <paramref name="abortAfter"/> from now, asks
    /// the terminal to abort the transaction, then keeps waiting for its true final state.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The abort names this transaction (its <c>transactionRequestId</c>, as <c>originalTransactionRequestId</c>) on its
    /// terminal. It is only a request: the cardholder may have paid at the same moment. The result is therefore always
    /// the state SUNBAY reports afterwards, never the abort's answer: <see cref="TransactionStatus.Closed"/> when the
    /// abort worked, <see cref="TransactionStatus.Success"/> when the payment won the race (abort refused as "status not
    /// allowed", or accepted after the terminal had approved). A failed abort (network, SUNBAY error) does not end the
    /// wait: it is logged, sent again (at most three times in all) when it got no answer, and the wait goes on until the
    /// transaction's expiry closes it.
    /// </para>
    /// </remarks>
    /// <param name="abortAfter">How long to wait for the cardholder before aborting, from now (on the client's <see cref="TimeProvider"/>). Zero aborts at once.</param>
    /// <param name="cancellationToken">Stops waiting (and aborting); the transaction itself goes on.</param>
    /// <returns>The final transaction: approved, declined, or closed (aborted or expired).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="abortAfter"/> is negative.</exception>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    /// <exception cref="SunbayClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<Transaction> WaitForCompletionOrAbortAsync(TimeSpan abortAfter, CancellationToken cancellationToken = default) =>
        WaitForCompletionOrAbortAsync(abortAfter, progress: null, cancellationToken);

    /// <summary>
    /// Waits for the final status, reporting each state seen, and aborts the transaction when the cardholder has not
    /// finished <paramref name="abortAfter"/> from now; see <see cref="WaitForCompletionOrAbortAsync(TimeSpan, CancellationToken)"/>.
    /// </summary>
    /// <param name="abortAfter">How long to wait for the cardholder before aborting, from now (on the client's <see cref="TimeProvider"/>). Zero aborts at once.</param>
    /// <param name="progress">Receives every state seen while waiting, final included.</param>
    /// <param name="cancellationToken">Stops waiting (and aborting); the transaction itself goes on.</param>
    /// <returns>The final transaction: approved, declined, or closed (aborted or expired).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="abortAfter"/> is negative.</exception>
    /// <exception cref="SunbayOperationTimeoutException">No final status by the transaction's expiry plus the grace period.</exception>
    /// <exception cref="SunbayClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<Transaction> WaitForCompletionOrAbortAsync(TimeSpan abortAfter, IProgress<Transaction>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(abortAfter, TimeSpan.Zero);
        return WaitAsync(progress, abortAfter, cancellationToken);
    }

    /// <inheritdoc/>
    public override string ToString() => $"TransactionOperation {TransactionRequestId}: {(_latest is null ? "unknown" : _latest.Status.ToString())}";

    /// <summary>
    /// Records a state seen by a query or a webhook and returns the operation's state afterwards. The first final state
    /// wins: after it, nothing replaces it (neither a stale non-final answer of a poll that was in flight when the webhook
    /// arrived, nor a different final status), so <see cref="HasCompleted"/> never goes back and <see cref="Value"/> never
    /// changes.
    /// </summary>
    private Transaction Apply(Transaction current, TransactionUpdateSource source)
    {
        Transaction? kept;
        lock (LazyInitializer.EnsureInitialized(ref _gate, static () => new object()))
        {
            kept = _latest;
            if (kept is null || !kept.Status.IsFinal)
            {
                if (current.Status.IsFinal)
                {
                    // Before the state: whoever sees HasCompleted also sees how.
                    _completedBy = source;
                }

                Volatile.Write(ref _latest, current);
                kept = null;
            }
        }

        var owner = _source;
        if (kept is not null)
        {
            if (owner is not null)
            {
                if (current.Status.IsFinal && current.Status != kept.Status)
                {
                    Log.ConflictingFinalIgnored(owner.Logger, TransactionRequestId, kept.Status, source, current.Status);
                }
                else
                {
                    Log.StaleAnswerIgnored(owner.Logger, TransactionRequestId, current.Status, source, kept.Status);
                }
            }

            return kept;
        }

        if (current.Status.IsFinal && owner is not null)
        {
            var name = source == TransactionUpdateSource.Webhook ? "webhook" : "poll";
            var tags = new TagList
            {
                { "sunbay.transaction.type", current.Type.Value },
                { "sunbay.transaction.status", current.Status.ToString() },
                { "sunbay.completed_by", name },
            };
            SunbayTelemetry.TransactionOutcomes.Add(1, tags);
            SunbayTelemetry.TimeToFinal.Record(owner.TimeProvider.GetElapsedTime(_createdTimestamp).TotalSeconds, tags);
            Log.TransactionCompleted(owner.Logger, TransactionRequestId, current.Status, name);
        }

        return current;
    }
}
