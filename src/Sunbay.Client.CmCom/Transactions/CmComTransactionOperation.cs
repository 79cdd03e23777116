using System.Diagnostics;
using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// A CM.com transaction started on a terminal and not necessarily finished: the long-running operation behind every
/// start. CM.com has no webhooks, so <see cref="WaitForCompletionAsync(CancellationToken)"/> reads the transaction until
/// its outcome is known (<see cref="CmComTransaction.IsOutcomeKnown"/>): approved (result <c>APPROVED</c> while
/// <c>AUTHORIZED</c> or <c>CLEARED</c>), declined (result <c>DECLINED</c>, whatever the status) or <c>CANCELLED</c>.
/// Following an approved transaction on to <c>CLEARED</c> is a separate, optional wait
/// (<see cref="WaitForClearingAsync(CancellationToken)"/>): CM.com's guide gives no time for clearing.
/// </summary>
/// <remarks>
/// <para>
/// Keep <see cref="Id"/> and <see cref="TerminalId"/>: after a restart, <see cref="ICmComClient.GetOperation"/> rebuilds
/// the operation from them. A decline is a result (<see cref="CmComTransactionResult.Declined"/>), not an exception.
/// </para>
/// <para>
/// In unit tests of code that uses it, build one with <see cref="CmComModelFactory.Operation"/>, or derive from
/// it and override the virtual members the code under test calls.
/// </para>
/// </remarks>
public partial class CmComTransactionOperation
{
    private readonly ICmComStatusSource? _source;
    private readonly string _id = string.Empty;
    private readonly string _terminalId = string.Empty;
    private readonly long _createdTimestamp;

    // Made at the first read: an operation that is only started (and followed elsewhere, or not at all) never locks.
    private object? _gate;
    private CmComTransaction? _latest;

    /// <summary>
    /// For mocking: a derived class overrides the members the code under test calls; the others throw
    /// <see cref="InvalidOperationException"/>, as nothing stands behind them.
    /// </summary>
    protected CmComTransactionOperation()
    {
    }

    /// <param name="source">What reads and cancels: the client that created the operation.</param>
    /// <param name="terminalId">The transaction's terminal.</param>
    /// <param name="id">CM.com's id of the transaction.</param>
    /// <param name="initial">What is known so far (the start's answer), if anything.</param>
    internal CmComTransactionOperation(ICmComStatusSource source, string terminalId, string id, CmComTransaction? initial)
    {
        _source = source;
        _terminalId = terminalId;
        _id = id;
        _latest = initial;
        _createdTimestamp = source.TimeProvider.GetTimestamp();
    }

    /// <summary>CM.com's id of the transaction: store it (with <see cref="TerminalId"/>) to follow the transaction again.</summary>
    public virtual string Id => _id;

    /// <summary>The terminal the transaction runs on.</summary>
    public virtual string TerminalId => _terminalId;

    /// <summary>
    /// Whether the transaction's outcome is known (<see cref="CmComTransaction.IsOutcomeKnown"/>: approved, declined or
    /// cancelled). An approved transaction completes while still <c>AUTHORIZED</c>; it never goes back.
    /// </summary>
    public virtual bool HasCompleted => Volatile.Read(ref _latest)?.IsOutcomeKnown == true;

    /// <summary>The latest state seen, final or not; <see langword="null"/> before the first read of a rebuilt operation.</summary>
    public virtual CmComTransaction? LastKnown => Volatile.Read(ref _latest);

    /// <summary>The transaction with its outcome: the latest state seen once <see cref="HasCompleted"/> (e.g. AUTHORIZED, later CLEARED).</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed yet.</exception>
    public virtual CmComTransaction Value => Volatile.Read(ref _latest) is { IsOutcomeKnown: true } known
        ? known
        : throw new InvalidOperationException($"CM.com transaction '{Id}' has not completed yet; await WaitForCompletionAsync first.");

    /// <summary>
    /// Reads the transaction once and returns its current state. Once the status is final, that state is returned
    /// whatever a later read says; once the outcome is known, a read without one does not replace it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CmComClientDisposedException">The client was disposed.</exception>
    public virtual async Task<CmComTransaction> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Apply(await Source.GetTransactionAsync(_id, _terminalId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Asks CM.com to cancel the transaction: <see cref="CmComCancelOutcome.Cancelled"/> while no card was presented,
    /// otherwise <see cref="CmComCancelOutcome.TooLate"/> with the transaction's real state (if approved, the merchant
    /// probably wants a refund). Never retried automatically.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call. Cancelling after the request was sent leaves its outcome unknown.</param>
    public virtual async Task<CmComCancelResult> CancelAsync(CancellationToken cancellationToken = default)
    {
        var result = await Source.CancelAsync(_id, _terminalId, cancellationToken).ConfigureAwait(false);
        return result.Transaction is { } current ? result with { Transaction = Apply(current) } : result;
    }

    /// <summary>
    /// Waits until the outcome is known and returns the transaction: approved (<see cref="CmComTransaction.IsApproved"/>,
    /// possibly still <c>AUTHORIZED</c>), declined, or cancelled. Does not wait for clearing
    /// (<see cref="WaitForClearingAsync(CancellationToken)"/> does).
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops waiting; the transaction itself goes on (cancel it with <see cref="CancelAsync"/>). CM.com sets no expiry, so
    /// give a token with your checkout's time limit: a terminal that is off never picks the transaction up.
    /// </param>
    /// <exception cref="CmComClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<CmComTransaction> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(progress: null, cancellationToken);

    /// <summary>Waits until the outcome is known, reporting each state seen on the way (for a progress display).</summary>
    /// <remarks>
    /// A read that fails for want of an answer (<see cref="PaymentsTransportException"/>), an authentication refusal while a
    /// rotated key propagates, or a configuration reload that fails validation does not end the wait: the transaction
    /// may still be paid on the terminal. Any other refusal (e.g. 404: no such transaction) ends it, as asking again would
    /// get the same answer.
    /// </remarks>
    /// <param name="progress">Receives every state seen while waiting, the last one included.</param>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on.</param>
    /// <exception cref="CmComClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<CmComTransaction> WaitForCompletionAsync(IProgress<CmComTransaction>? progress, CancellationToken cancellationToken = default) =>
        WaitAsync(progress, static t => t.IsOutcomeKnown, clearing: false, cancellationToken);

    /// <summary>
    /// Follows the transaction to its final status (<see cref="CmComTransaction.IsFinal"/>): an approved one to
    /// <c>CLEARED</c> ("the transaction will be settled by the Acquirer to the merchant"), or <c>CANCELLED</c>. A
    /// declined transaction ends the wait at once: nothing is to be cleared. Optional: the sale's outcome is known
    /// before (<see cref="WaitForCompletionAsync(CancellationToken)"/>); CM.com gives no time for clearing, which may
    /// come hours later (in a batch), so run this in the background, never at the checkout.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on.</param>
    /// <exception cref="CmComClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<CmComTransaction> WaitForClearingAsync(CancellationToken cancellationToken = default) =>
        WaitForClearingAsync(progress: null, cancellationToken);

    /// <summary>Follows the transaction to its final status, reporting each state seen (see <see cref="WaitForClearingAsync(CancellationToken)"/>).</summary>
    /// <remarks>
    /// Reads as <see cref="WaitForCompletionAsync(IProgress{CmComTransaction}?, CancellationToken)"/> does, but backs off
    /// to <see cref="CmComPollingOptions.ClearingMaxInterval"/> (default 5 minutes): clearing may take hours.
    /// </remarks>
    /// <param name="progress">Receives every state seen while waiting, the last one included.</param>
    /// <param name="cancellationToken">Stops waiting; the transaction itself goes on.</param>
    /// <exception cref="CmComClientDisposedException">The client was disposed during the wait.</exception>
    public virtual Task<CmComTransaction> WaitForClearingAsync(IProgress<CmComTransaction>? progress, CancellationToken cancellationToken = default) =>
        WaitAsync(progress, static t => t.IsFinal || t.Result == CmComTransactionResult.Declined, clearing: true, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"CmComTransactionOperation {Id} on {TerminalId}: {(_latest is null ? "unknown" : _latest.Status.ToString())}";

    /// <summary>
    /// Records a state seen and returns the operation's state afterwards. A final status wins: after it nothing replaces
    /// it. Once the outcome is known, a state without one does not replace it either, so <see cref="HasCompleted"/> never
    /// goes back. Each new status is one Information line; the outcome is counted once, when it becomes known.
    /// </summary>
    private CmComTransaction Apply(CmComTransaction current)
    {
        CmComTransaction? previous;
        lock (LazyInitializer.EnsureInitialized(ref _gate, static () => new object()))
        {
            previous = _latest;
            if (previous is { IsFinal: true } || (previous is { IsOutcomeKnown: true } && !current.IsOutcomeKnown))
            {
                return previous;
            }

            Volatile.Write(ref _latest, current);
        }

        if (_source is { } owner && (previous?.Status != current.Status || previous?.Result != current.Result))
        {
            Log.StatusChanged(owner.Logger, _id, _terminalId, current.Status, current.Result);
            if (current.IsOutcomeKnown && previous?.IsOutcomeKnown != true)
            {
                var tags = new TagList
                {
                    { "cmcom.transaction.type", current.Type.Value },
                    { "cmcom.transaction.status", current.Status.Value },
                    { "cmcom.transaction.result", current.Result?.Value },
                };
                CmComTelemetry.TransactionOutcomes.Add(1, tags);
                CmComTelemetry.TimeToFinal.Record(owner.TimeProvider.GetElapsedTime(_createdTimestamp).TotalSeconds, tags);
            }
        }

        return current;
    }
}
