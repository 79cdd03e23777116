using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// A provider's <see cref="ICardPayments"/> with the journal in front: every start has a key (generated when the caller
/// gave none) and an entry written before the request leaves; one key means one request, in this process and, through
/// the journal, across restarts and instances; the outcome goes to the handler once.
/// </summary>
internal sealed partial class JournaledCardPayments : ICardPayments
{
    private readonly Dictionary<string, (string Fingerprint, Task<CardPaymentOperation> Start)> _starting = new(StringComparer.Ordinal);

    public JournaledCardPayments(ICardPayments inner, PaymentJournal journal)
    {
        Inner = inner;
        Journal = journal;
    }

    public ICardPayments Inner { get; }

    public PaymentJournal Journal { get; }

    public string Provider => Inner.Provider;

    /// <summary>A new key: 32 hexadecimal digits, valid on every provider (SUNBAY's <c>transactionRequestId</c> takes 32).</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    public Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return StartAsync(
            new Start(CardPaymentKind.Payment, request.Amount, request.MerchantReference, request.Terminal, null, request.IdempotencyKey),
            (key, mode, ct) => Inner is IRecoverableCardPayments recoverable
                ? recoverable.StartPaymentAsync(request with { IdempotencyKey = key }, mode, ct)
                : Inner.StartPaymentAsync(request with { IdempotencyKey = mode == CardPaymentStartMode.Fresh ? request.IdempotencyKey : key }, ct),
            cancellationToken);
    }

    public Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return StartAsync(
            new Start(CardPaymentKind.Refund, request.Amount, request.MerchantReference, request.Terminal, request.OriginalTransactionId, request.IdempotencyKey),
            (key, mode, ct) => Inner is IRecoverableCardPayments recoverable
                ? recoverable.StartRefundAsync(request with { IdempotencyKey = key }, mode, ct)
                : Inner.StartRefundAsync(request with { IdempotencyKey = mode == CardPaymentStartMode.Fresh ? request.IdempotencyKey : key }, ct),
            cancellationToken);
    }

    public CardPaymentOperation GetOperation(string id) => Inner.GetOperation(id);

    private async Task<CardPaymentOperation> StartAsync(Start start, Func<string, CardPaymentStartMode, CancellationToken, Task<CardPaymentOperation>> send, CancellationToken cancellationToken)
    {
        var key = start.Key ?? NewKey();
        var fingerprint = start.Fingerprint;
        TaskCompletionSource<CardPaymentOperation> mine;
        Task<CardPaymentOperation>? running = null;
        lock (_starting)
        {
            if (_starting.TryGetValue(key, out var other))
            {
                if (!string.Equals(other.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    throw Mismatch(key, other.Fingerprint, start);
                }

                running = other.Start;
                mine = null!;
            }
            else
            {
                mine = new TaskCompletionSource<CardPaymentOperation>(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = mine.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _starting.Add(key, (fingerprint, mine.Task));
            }
        }

        if (running is not null)
        {
            // The same key is starting in this process: its one request serves both calls.
            return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var operation = await StartOnceAsync(start, key, send, cancellationToken).ConfigureAwait(false);
            mine.SetResult(operation);
            return operation;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            throw;
        }
        finally
        {
            lock (_starting)
            {
                _starting.Remove(key);
            }
        }
    }

    private async Task<CardPaymentOperation> StartOnceAsync(Start start, string key, Func<string, CardPaymentStartMode, CancellationToken, Task<CardPaymentOperation>> send, CancellationToken cancellationToken)
    {
        // Twice at most: a second instance may open the key between our read and our open; we then read its entry.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var existing = await Journal.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is not null && !(existing.Closed && existing.State is PaymentJournalState.NotReceived or PaymentJournalState.Refused))
            {
                if (!string.Equals(Start.FingerprintOf(existing.Kind, existing.Amount), start.Fingerprint, StringComparison.Ordinal))
                {
                    throw Mismatch(key, Start.FingerprintOf(existing.Kind, existing.Amount), start);
                }

                if (existing.State == PaymentJournalState.Resolved && existing.Outcome is { } outcome)
                {
                    return new RecordedCardPaymentOperation(existing, outcome);
                }

                if (existing.OperationId is { } operationId)
                {
                    return new JournaledCardPaymentOperation(this, existing, Inner.GetOperation(operationId));
                }

                // It may have left (a crash, a lost answer): look for it, never send twice while it may exist.
                var again = existing with { State = PaymentJournalState.Sending };
                await Journal.UpdateAsync(again).ConfigureAwait(false);
                return await SendAsync(again, CardPaymentStartMode.AfterLostAnswer, send, cancellationToken).ConfigureAwait(false);
            }

            var entry = new PaymentJournalEntry
            {
                Key = key,
                Provider = Inner.Provider,
                Kind = start.Kind,
                Amount = start.Amount,
                MerchantReference = start.MerchantReference,
                Terminal = start.Terminal,
                OriginalTransactionId = start.OriginalTransactionId,
                State = PaymentJournalState.Sending,
                OpenedAt = Journal.Time.GetUtcNow(),
            };
            if (await Journal.TryOpenAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                var mode = start.Key is null ? CardPaymentStartMode.Fresh : existing is null ? CardPaymentStartMode.LookFirst : CardPaymentStartMode.AfterLostAnswer;
                return await SendAsync(entry, mode, send, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new PaymentJournalException($"Idempotency key '{key}' is being started by another instance right now; nothing was sent. Start again with it to follow that start.", key);
    }

    private async Task<CardPaymentOperation> SendAsync(PaymentJournalEntry entry, CardPaymentStartMode mode, Func<string, CardPaymentStartMode, CancellationToken, Task<CardPaymentOperation>> send, CancellationToken cancellationToken)
    {
        CardPaymentOperation operation;
        try
        {
            operation = await send(entry.Key, mode, cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentsTransportException ex) when (ex.OutcomeUnknown)
        {
            await Journal.UpdateAsync(entry with { State = PaymentJournalState.OutcomeUnknown }).ConfigureAwait(false);
            throw ex as CardPaymentOutcomeUnknownException ?? new CardPaymentOutcomeUnknownException(entry.Key, ex);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while the request may be on its way: the entry stays open for recovery.
            await Journal.UpdateAsync(entry with { State = PaymentJournalState.OutcomeUnknown }).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is PaymentsException and not PaymentNotReceivedException)
        {
            // Refused, invalid, or never sent (a transport failure before anything left): nothing was charged.
            await Journal.CloseAsync(entry with { State = PaymentJournalState.Refused }).ConfigureAwait(false);
            throw;
        }

        var started = entry with { State = PaymentJournalState.Started, OperationId = operation.Id };
        await Journal.UpdateAsync(started).ConfigureAwait(false);
        return new JournaledCardPaymentOperation(this, started, operation);
    }

    private static PaymentsValidationException Mismatch(string key, string taken, Start start) => new(
        "IdempotencyKey",
        $"'{key}' already names a {taken.Replace('|', ' ')}, not a {start.Fingerprint.Replace('|', ' ')}: one key is one request; use a new key for a new payment");

    /// <summary>What a start asks for; its fingerprint is what one key may not change (kind, amount, currency).</summary>
    private sealed record Start(CardPaymentKind Kind, Money Amount, string MerchantReference, string? Terminal, string? OriginalTransactionId, string? Key)
    {
        public string Fingerprint => FingerprintOf(Kind, Amount);

        public static string FingerprintOf(CardPaymentKind kind, Money amount) => $"{kind.ToString().ToLowerInvariant()} of|{amount}";
    }
}

/// <summary>A journaled operation: its outcome, once seen by a wait or a cancel, is delivered through the journal.</summary>
internal sealed partial class JournaledCardPaymentOperation : CardPaymentOperation
{
    private readonly JournaledCardPayments _owner;
    private readonly PaymentJournalEntry _entry;
    private readonly CardPaymentOperation _inner;

    public JournaledCardPaymentOperation(JournaledCardPayments owner, PaymentJournalEntry entry, CardPaymentOperation inner)
    {
        _owner = owner;
        _entry = entry;
        _inner = inner;
    }

    public override string Id => _inner.Id;

    public override bool HasCompleted => _inner.HasCompleted;

    public override CardPaymentOutcome Value => _inner.Value;

    public override async Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await _inner.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        await DeliverAsync(outcome).ConfigureAwait(false);
        return outcome;
    }

    public override async Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default)
    {
        var result = await _inner.CancelAsync(cancellationToken).ConfigureAwait(false);
        await DeliverAsync(result.Outcome).ConfigureAwait(false);
        return result;
    }

    /// <summary>Hands the outcome on; a handler or store that fails leaves the entry open for the recovery service, never the caller's wait.</summary>
    private async Task DeliverAsync(CardPaymentOutcome outcome)
    {
        try
        {
            await _owner.Journal.DeliverAsync(_entry, outcome, "start", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.DeliveryFailed(_owner.Journal.Logger, _entry.Key, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(605, LogLevel.Warning, "Delivering the outcome of {IdempotencyKey} failed; the entry stays open and the recovery service delivers it")]
        public static partial void DeliveryFailed(ILogger logger, string idempotencyKey, Exception exception);
    }
}

/// <summary>A start whose outcome the journal already holds (a repeat of its key): nothing is sent.</summary>
internal sealed class RecordedCardPaymentOperation : CardPaymentOperation
{
    private readonly PaymentJournalEntry _entry;
    private readonly CardPaymentOutcome _outcome;

    public RecordedCardPaymentOperation(PaymentJournalEntry entry, CardPaymentOutcome outcome)
    {
        _entry = entry;
        _outcome = outcome;
    }

    public override string Id => _entry.OperationId ?? _entry.Key;

    public override bool HasCompleted => true;

    public override CardPaymentOutcome Value => _outcome;

    public override Task<CardPaymentOutcome> WaitForCompletionAsync(CancellationToken cancellationToken = default) => Task.FromResult(_outcome);

    public override Task<CardCancelResult> CancelAsync(CancellationToken cancellationToken = default) => Task.FromResult(new CardCancelResult
    {
        Status = _outcome.Status == CardPaymentStatus.Cancelled ? CardCancelStatus.Cancelled : CardCancelStatus.TooLate,
        Outcome = _outcome,
    });
}
