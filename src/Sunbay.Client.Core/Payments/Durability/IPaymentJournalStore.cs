namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// Where the journal of card payments in flight lives: in memory by default (<see cref="InMemoryPaymentJournalStore"/>),
/// Redis for several instances (<c>Sunbay.Client.Redis</c>), or an application's own database through this interface.
/// </summary>
/// <remarks>
/// <para>
/// A store keeps opaque text records under keys (the payments' idempotency keys); the journal writes and reads the
/// records (versioned JSON holding amounts, references and provider IDs: never card data, never secrets). A record is
/// <em>open</em> from <see cref="TryOpenAsync"/> until <see cref="CloseAsync"/>; a closed record is kept for a while so
/// that a late repeat of the same key finds the outcome, then it may disappear.
/// </para>
/// <para>
/// An implementation must make <see cref="TryOpenAsync"/> and <see cref="TryLeaseAsync"/> atomic across every instance
/// that shares the store: exactly-once delivery rests on them. Any exception means "the store is unavailable": a start
/// then fails before anything is sent. A store never drops a record it cannot understand.
/// </para>
/// </remarks>
public interface IPaymentJournalStore
{
    /// <summary>Opens a record before the request leaves, unless the key is open already (a closed record of the key is replaced).</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call opened it; <see langword="false"/> when the key was already open.</returns>
    ValueTask<bool> TryOpenAsync(string key, string record, CancellationToken cancellationToken = default);

    /// <summary>Reads the record of a key, open or closed (while kept); <see langword="null"/> when there is none.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<string?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record of an open key (the request left, the outcome is known); does nothing when the key is not open.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="record">The new record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask UpdateAsync(string key, string record, CancellationToken cancellationToken = default);

    /// <summary>Every open record, in no particular order, including the ones the journal cannot read.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    IAsyncEnumerable<KeyValuePair<string, string>> ListOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the key's delivery lease for <paramref name="duration"/> unless another owner holds it: of any number of
    /// instances racing, exactly one gets it. Closing the key releases it; otherwise it lapses.
    /// </summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">Who takes it (one instance's delivery).</param>
    /// <param name="duration">How long it holds when its owner dies.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<bool> TryLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Closes the key with its final record, kept for <paramref name="keepFor"/>, and releases its lease.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="record">The final record.</param>
    /// <param name="keepFor">How long the closed record stays readable.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask CloseAsync(string key, string record, TimeSpan keepFor, CancellationToken cancellationToken = default);
}
