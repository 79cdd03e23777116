using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// Resolves the journal's open entries through the provider's query and delivers each final outcome once to the
/// <see cref="ICardPaymentOutcomeHandler"/>. The hosted service (<c>AddCardPaymentRecovery</c>) runs it at start-up and
/// then every <see cref="CardPaymentJournalOptions.RecoveryInterval"/>; a webhook receiver calls
/// <see cref="ResolveAsync(string, string, CancellationToken)"/> when a notification names a journaled key.
/// </summary>
/// <remarks>
/// Resolving sends nothing that could charge a card: an entry with an operation ID is resumed and waited for; an entry
/// whose request may have left without an answer is looked up for the provider's bounded window and, when the provider
/// never received it, delivered as <see cref="CardPaymentResolution.NotReceived"/>.
/// </remarks>
public sealed partial class CardPaymentRecovery
{
    private readonly JournaledCardPayments _payments;
    private readonly ConcurrentDictionary<string, Task<bool>> _resolving = new(StringComparer.Ordinal);

    internal CardPaymentRecovery(JournaledCardPayments payments) => _payments = payments;

    /// <summary>How many distinct journal keys hold a record this version cannot read (truncated, newer, foreign); each is logged once and kept.</summary>
    public int UnreadableEntries => _payments.Journal.UnreadableCount;

    private PaymentJournal Journal => _payments.Journal;

    /// <summary>Resolves every open entry of this provider (concurrently) and delivers the outcomes; returns how many this call delivered.</summary>
    /// <param name="includeRecent">Whether entries younger than <see cref="CardPaymentJournalOptions.MinimumAge"/> are taken too (the start-up pass).</param>
    /// <param name="cancellationToken">Stops the pass; entries not resolved stay open.</param>
    public async Task<int> ResolveOpenAsync(bool includeRecent, CancellationToken cancellationToken = default)
    {
        var cutoff = Journal.Time.GetUtcNow() - Journal.Options.MinimumAge;
        var work = new List<Task<bool>>();
        await foreach (var entry in Journal.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(entry.Provider, _payments.Provider, StringComparison.Ordinal) && (includeRecent || entry.OpenedAt <= cutoff))
            {
                work.Add(ResolveOnceAsync(entry, "recovery", cancellationToken));
            }
        }

        var delivered = await Task.WhenAll(work).ConfigureAwait(false);
        return delivered.Count(d => d);
    }

    /// <summary>
    /// Resolves the open entry of <paramref name="idempotencyKey"/> now (a webhook named it) and delivers its outcome
    /// unless another instance or call already did. Returns whether this call delivered it; <see langword="false"/>
    /// too when the key has no open entry.
    /// </summary>
    /// <param name="idempotencyKey">The key (SUNBAY: the <c>transactionRequestId</c>).</param>
    /// <param name="source">Who asks, as the handler will see it: <c>webhook</c>.</param>
    /// <param name="cancellationToken">Stops resolving; the entry stays open.</param>
    public async Task<bool> ResolveAsync(string idempotencyKey, string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var entry = await Journal.ReadAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        return entry is { Closed: false } && string.Equals(entry.Provider, _payments.Provider, StringComparison.Ordinal)
            && await ResolveOnceAsync(entry, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One resolution per key at a time in this process; a second caller shares it.</summary>
    private Task<bool> ResolveOnceAsync(PaymentJournalEntry entry, string source, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _resolving.GetOrAdd(entry.Key, mine.Task);
        if (running != mine.Task)
        {
            return running;
        }

        _ = RunAsync();
        return mine.Task;

        async Task RunAsync()
        {
            try
            {
                mine.SetResult(await ResolveEntryAsync(entry, source, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ResolveFailed(Journal.Logger, entry.Key, ex);
                mine.SetResult(false);
            }
            catch (OperationCanceledException)
            {
                mine.SetResult(false);
            }
            finally
            {
                _resolving.TryRemove(KeyValuePair.Create(entry.Key, mine.Task));
            }
        }
    }

    private async Task<bool> ResolveEntryAsync(PaymentJournalEntry entry, string source, CancellationToken cancellationToken)
    {
        var inner = _payments.Inner;
        CardPaymentOutcome? outcome;
        switch (entry.State)
        {
            case PaymentJournalState.Resolved when entry.Outcome is not null:
                outcome = entry.Outcome;
                break;
            case PaymentJournalState.NotReceived:
                outcome = null;
                break;
            case PaymentJournalState.Refused:
                await Journal.CloseAsync(entry).ConfigureAwait(false);
                return false;
            default:
                CardPaymentOperation? operation;
                if (entry.OperationId is { } operationId)
                {
                    operation = inner.GetOperation(operationId);
                }
                else if (inner is IRecoverableCardPayments recoverable)
                {
                    operation = await recoverable.FindStartedAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Log.CannotResolve(Journal.Logger, entry.Key, entry.Provider);
                    return false;
                }

                try
                {
                    outcome = operation is null ? null : await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PaymentNotReceivedException)
                {
                    outcome = null;
                }

                entry = entry with { OperationId = entry.OperationId ?? operation?.Id };
                break;
        }

        return await Journal.DeliverAsync(entry, outcome, source, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(610, LogLevel.Warning, "Resolving journal entry {IdempotencyKey} failed; it stays open for the next pass")]
        public static partial void ResolveFailed(ILogger logger, string idempotencyKey, Exception exception);

        [LoggerMessage(611, LogLevel.Warning, "Journal entry {IdempotencyKey} has no operation ID and provider {Provider} cannot look a start up; it stays open")]
        public static partial void CannotResolve(ILogger logger, string idempotencyKey, string provider);
    }
}
