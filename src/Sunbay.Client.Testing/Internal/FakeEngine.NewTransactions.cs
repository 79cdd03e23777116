using System.Globalization;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// How a push becomes a transaction: the card-reading kind, a follow-up on an original, and the replay of a
/// <c>transactionRequestId</c> already answered (SUNBAY's idempotency).
/// </summary>
internal sealed partial class FakeEngine
{
    /// <summary>A card-reading push (sale, auth, forced-auth, unreferenced refund): always on the terminal, amount table applies.</summary>
    private FakeAnswer NewCardTransaction(FakeEndpoint endpoint, string type, string transactionRequestId, string terminalSn, string? timeExpire, Action<FakeTransaction> fill, string currency)
    {
        lock (Gate)
        {
            if (Replay(endpoint, transactionRequestId) is { } replay)
            {
                return replay;
            }

            if (!_terminals.TryGetValue(terminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            if (terminal.InFlight is { } busy)
            {
                return Business(FakeSunbayCodes.TerminalBusy, $"Terminal {terminalSn} is busy with transaction {busy.TransactionId}");
            }

            var now = Time.GetUtcNow();
            var transaction = Create(type, transactionRequestId, terminalSn, currency, now);
            transaction.ExpiresAt = timeExpire is null ? now.AddDays(1) : DateTimeOffset.ParseExact(timeExpire, IsoFormat, CultureInfo.InvariantCulture);
            fill(transaction);
            Dispatch(terminal, transaction);
            var data = new TransactionDispatchResult
            {
                TransactionId = transaction.TransactionId,
                TransactionStatus = "P",
                ReferenceOrderId = transaction.ReferenceOrderId,
                TransactionRequestId = transactionRequestId,
            };
            _replays[transactionRequestId] = (endpoint, data);
            return Ok(new TransactionDispatchResponse { Data = data });
        }
    }

    /// <summary>An operation on an existing transaction (incremental, post-auth, referenced refund, void).</summary>
    private FakeAnswer NewFollowUp(FakeEndpoint endpoint, string type, IOriginalReference reference, string transactionRequestId, string terminalSn, bool? pushToTerminal, string? currency,
        Func<FakeTransaction, FakeAnswer?> check, Action<FakeTransaction, FakeTransaction> fill)
    {
        lock (Gate)
        {
            if (Replay(endpoint, transactionRequestId) is { } replay)
            {
                return replay;
            }

            if (!_terminals.TryGetValue(terminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            if (FindOriginal(reference) is not { } original)
            {
                return Business(FakeSunbayCodes.TransactionNotFound, "Original transaction not found");
            }

            if (currency is not null && !string.Equals(currency, original.Currency, StringComparison.Ordinal))
            {
                return Business(FakeSunbayCodes.CurrencyMismatch, $"Currency {currency} differs from the original transaction's {original.Currency}");
            }

            if (check(original) is { } refused)
            {
                return refused;
            }

            var pushed = pushToTerminal != false;
            if (pushed && terminal.InFlight is { } busy)
            {
                return Business(FakeSunbayCodes.TerminalBusy, $"Terminal {terminalSn} is busy with transaction {busy.TransactionId}");
            }

            var now = Time.GetUtcNow();
            var transaction = Create(type, transactionRequestId, terminalSn, original.Currency, now);
            transaction.ExpiresAt = now.AddDays(1);
            transaction.Original = original;
            transaction.OriginalTransactionId = original.TransactionId;
            transaction.OriginalTransactionRequestId = original.TransactionRequestId;
            fill(transaction, original);
            if (pushed)
            {
                Dispatch(terminal, transaction);
            }
            else
            {
                // pushToTerminal=false: processed in the back end at once, no card and no terminal involved.
                Finish(transaction, "S", "000", "Approved");
            }

            var data = new TransactionDispatchResult
            {
                TransactionId = transaction.TransactionId,
                TransactionStatus = transaction.Status,
                ReferenceOrderId = type == "REFUND" ? transaction.ReferenceOrderId : null,
                TransactionRequestId = transactionRequestId,
                OriginalTransactionId = string.IsNullOrEmpty(reference.OriginalTransactionId) ? null : original.TransactionId,
                OriginalTransactionRequestId = string.IsNullOrEmpty(reference.OriginalTransactionRequestId) ? null : original.TransactionRequestId,
            };
            _replays[transactionRequestId] = (endpoint, data);
            return Ok(new TransactionDispatchResponse { Data = data });
        }
    }

    private FakeAnswer? Replay(FakeEndpoint endpoint, string transactionRequestId)
    {
        if (!_replays.TryGetValue(transactionRequestId, out var first))
        {
            return null;
        }

        if (first.Endpoint != endpoint)
        {
            return Business(FakeSunbayCodes.TransactionRequestIdReused, $"transactionRequestId {transactionRequestId} was already used by another operation");
        }

        return first.Data switch
        {
            TransactionDispatchResult dispatch => Ok(new TransactionDispatchResponse { Data = dispatch }),
            BatchCloseResult closed => Ok(new BatchCloseResponse { Data = closed }),
            _ => throw new InvalidOperationException("Unknown replay data."),
        };
    }

    private FakeTransaction Create(string type, string transactionRequestId, string terminalSn, string currency, DateTimeOffset now)
    {
        var transaction = new FakeTransaction(NextTransactionId(), transactionRequestId, type, terminalSn, currency, now);
        _byId.Add(transaction.TransactionId, transaction);
        _byRequestId[transactionRequestId] = transaction;
        _transactions.Add(transaction);
        return transaction;
    }

    private FakeTransaction? FindOriginal(IOriginalReference reference) =>
        !string.IsNullOrEmpty(reference.OriginalTransactionId)
            ? _byId.GetValueOrDefault(reference.OriginalTransactionId)
            : !string.IsNullOrEmpty(reference.OriginalTransactionRequestId) ? _byRequestId.GetValueOrDefault(reference.OriginalTransactionRequestId) : null;

    private static bool IsReferenced(IOriginalReference reference) =>
        !string.IsNullOrEmpty(reference.OriginalTransactionId) || !string.IsNullOrEmpty(reference.OriginalTransactionRequestId);
}
