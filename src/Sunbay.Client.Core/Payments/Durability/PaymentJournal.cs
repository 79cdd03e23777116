using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The journal over its store: records in and out, bad records reported and kept, and the one delivery of each outcome
/// (a lease, then a check that the entry is still open, then the handler, then the close).
/// </summary>
internal sealed partial class PaymentJournal
{
    private readonly ConcurrentDictionary<string, byte> _unreadable = new(StringComparer.Ordinal);
    private readonly Func<CardPaymentResolution, CancellationToken, Task>? _handler;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public PaymentJournal(IPaymentJournalStore store, CardPaymentJournalOptions options, TimeProvider time, ILogger? logger, Func<CardPaymentResolution, CancellationToken, Task>? handler)
    {
        Store = store;
        Options = options;
        Time = time;
        Logger = logger ?? NullLogger.Instance;
        _handler = handler;
    }

    public IPaymentJournalStore Store { get; }

    public CardPaymentJournalOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>How many distinct keys held a record this instance could not read (each logged once, all kept).</summary>
    public int UnreadableCount => _unreadable.Count;

    /// <summary>The entry of a key, or null. Throws <see cref="PaymentJournalException"/> when the store fails or the record is unreadable.</summary>
    public async Task<PaymentJournalEntry?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        string? record;
        try
        {
            record = await Store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unavailable(key, "read", ex);
        }

        if (record is null)
        {
            return null;
        }

        return Parse(key, record) ?? throw new PaymentJournalException(
            $"The payment journal holds a record for idempotency key '{key}' that this version cannot read; it is kept as it is. Nothing was sent.", key);
    }

    public async Task<bool> TryOpenAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await Store.TryOpenAsync(entry.Key, PaymentJournalRecord.Write(entry), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unavailable(entry.Key, "open", ex);
        }
    }

    /// <summary>Records progress; a store that fails now only costs a lookup at recovery, so it is logged, not thrown.</summary>
    public async Task UpdateAsync(PaymentJournalEntry entry)
    {
        try
        {
            await Store.UpdateAsync(entry.Key, PaymentJournalRecord.Write(entry), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.UpdateFailed(Logger, entry.Key, entry.State, ex);
        }
    }

    public async Task CloseAsync(PaymentJournalEntry entry)
    {
        try
        {
            await Store.CloseAsync(entry.Key, PaymentJournalRecord.Write(entry with { Closed = true }), Options.KeepClosedFor, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.UpdateFailed(Logger, entry.Key, entry.State, ex);
        }
    }

    /// <summary>The open entries this version can read; the others are reported (once per key) and left where they are.</summary>
    public async IAsyncEnumerable<PaymentJournalEntry> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (key, record) in Store.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Parse(key, record) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// Delivers the outcome of <paramref name="entry"/> (null: never received) to the handler, unless another delivery
    /// holds the lease or the entry is already closed. Returns whether this call delivered it.
    /// </summary>
    public async Task<bool> DeliverAsync(PaymentJournalEntry entry, CardPaymentOutcome? outcome, string source, CancellationToken cancellationToken)
    {
        // One owner per delivery attempt: a webhook and a wait racing in one process are two contenders too.
        if (!await Store.TryLeaseAsync(entry.Key, $"{_instance}:{Guid.NewGuid():N}", Options.DeliveryLease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var current = await ReadAsync(entry.Key, cancellationToken).ConfigureAwait(false);
        if (current is null || current.Closed)
        {
            return false;
        }

        // The first final state recorded wins: a redelivery reports what the first delivery saw.
        var resolved = current.State == PaymentJournalState.Resolved && current.Outcome is not null
            ? current
            : current with
            {
                State = outcome is null ? PaymentJournalState.NotReceived : PaymentJournalState.Resolved,
                Outcome = outcome,
                OperationId = current.OperationId ?? entry.OperationId,
            };
        if (!ReferenceEquals(resolved, current))
        {
            await UpdateAsync(resolved).ConfigureAwait(false);
        }

        if (_handler is not null)
        {
            await _handler(new CardPaymentResolution { Entry = resolved, Outcome = resolved.Outcome, Source = source }, cancellationToken).ConfigureAwait(false);
        }

        await CloseAsync(resolved).ConfigureAwait(false);
        Log.Delivered(Logger, entry.Key, resolved.State, source);
        return true;
    }

    private PaymentJournalEntry? Parse(string key, string record)
    {
        var entry = PaymentJournalRecord.TryRead(key, record, out var problem);
        if (entry is null && _unreadable.TryAdd(key, 0))
        {
            Log.Unreadable(Logger, key, problem!);
        }

        return entry;
    }

    private PaymentJournalException Unavailable(string key, string action, Exception ex)
    {
        Log.StoreFailed(Logger, key, action, ex);
        return new PaymentJournalException(
            $"The payment journal could not {action} the entry of idempotency key '{key}' ({ex.GetType().Name}): nothing was sent. Start again when the journal's store is back.",
            key,
            ex);
    }

    private static partial class Log
    {
        [LoggerMessage(601, LogLevel.Error, "The payment journal's store failed to {Action} the entry of {IdempotencyKey}; the start was refused before anything was sent")]
        public static partial void StoreFailed(ILogger logger, string idempotencyKey, string action, Exception exception);

        [LoggerMessage(602, LogLevel.Warning, "The payment journal could not record state {State} of {IdempotencyKey}; recovery will look it up")]
        public static partial void UpdateFailed(ILogger logger, string idempotencyKey, PaymentJournalState state, Exception exception);

        [LoggerMessage(603, LogLevel.Error, "The payment journal holds an unreadable record under {IdempotencyKey}: {Problem}. It is kept, not resolved; inspect it in the store")]
        public static partial void Unreadable(ILogger logger, string idempotencyKey, string problem);

        [LoggerMessage(604, LogLevel.Information, "Delivered {IdempotencyKey} ({State}) seen by {Source}")]
        public static partial void Delivered(ILogger logger, string idempotencyKey, PaymentJournalState state, string source);
    }
}
