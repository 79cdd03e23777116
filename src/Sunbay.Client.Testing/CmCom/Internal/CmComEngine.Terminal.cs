namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The polling terminal and the cardholder: one transaction waits to be picked up per terminal (a newer one aborts it,
/// the guide's one-payment-per-terminal rule); an idle, polling terminal picks it up after its polling delay; the card
/// comes (or the cardholder cancels), the acquirer answers, and an approved transaction is cleared.
/// </summary>
internal sealed partial class CmComEngine
{
    /// <summary>A new transaction for the terminal: it replaces (aborts) the one still waiting to be picked up.</summary>
    private void Post(FakeCmComTerminal terminal, FakeCmComTransaction transaction)
    {
        if (terminal.Waiting is { } waiting)
        {
            End(waiting, "CANCELLED", null, "aborted: a newer transaction was posted to the terminal");
        }

        terminal.Waiting = transaction;
        SchedulePickUp(terminal);
    }

    public void SetPolling(FakeCmComTerminal terminal, bool polling)
    {
        lock (Gate)
        {
            terminal.Polling = polling;
            if (polling)
            {
                SchedulePickUp(terminal);
            }
            else
            {
                terminal.PickUpTimer?.Dispose();
                terminal.PickUpTimer = null;
            }
        }
    }

    /// <summary>An idle, polling terminal with a transaction waiting polls next after its delay.</summary>
    private void SchedulePickUp(FakeCmComTerminal terminal)
    {
        if (_disposed || !terminal.Polling || terminal.Current is not null || terminal.Waiting is null || terminal.PickUpTimer is not null)
        {
            return;
        }

        terminal.PickUpTimer = Time.CreateTimer(OnPoll, terminal, NotNegative(terminal.PickUpDelay ?? _options.PickUpDelay), Timeout.InfiniteTimeSpan);
    }

    private void OnPoll(object? state)
    {
        lock (Gate)
        {
            var terminal = (FakeCmComTerminal)state!;
            terminal.PickUpTimer?.Dispose();
            terminal.PickUpTimer = null;
            if (_disposed || !terminal.Polling || terminal.Current is not null || terminal.Waiting is not { } transaction)
            {
                return;
            }

            terminal.Waiting = null;
            terminal.Current = transaction;
            transaction.PickedUpAt = Time.GetUtcNow();
            transaction.Script = terminal.TakeScript() ?? ByAmount(transaction.Amount) ?? FakeCardResult.Approve;
            transaction.Step = After(terminal.CardPresentDelay ?? _options.CardPresentDelay, OnCard, transaction);
        }
    }

    private void OnCard(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeCmComTransaction { Status: "CREATED", CardPresentedAt: null } transaction)
            {
                Present(transaction, forced: false);
            }
        }
    }

    public bool PresentCard(FakeCmComTerminal terminal)
    {
        lock (Gate)
        {
            if (_disposed || terminal.Current is not { CardPresentedAt: null } transaction)
            {
                return false;
            }

            transaction.Step?.Dispose();
            Present(transaction, forced: true);
            return true;
        }
    }

    /// <summary>The cardholder acts: cancels on the terminal, or presents the card and the acquirer answers after its delay.</summary>
    private void Present(FakeCmComTransaction transaction, bool forced)
    {
        if (transaction.Script!.Outcome == FakeCardOutcome.NeverPresentsCard)
        {
            if (!forced)
            {
                return;
            }

            var byAmount = ByAmount(transaction.Amount);
            transaction.Script = byAmount is { Outcome: FakeCardOutcome.Approve or FakeCardOutcome.Decline } ? byAmount : FakeCardResult.Approve;
        }

        if (transaction.Script.Outcome == FakeCardOutcome.CustomerCancels)
        {
            End(transaction, "CANCELLED", null, "cancelled by the cardholder");
            return;
        }

        transaction.CardPresentedAt = Time.GetUtcNow();
        transaction.Step = After(_options.AuthorizationDelay, OnAuthorization, transaction);
    }

    private void OnAuthorization(object? state)
    {
        lock (Gate)
        {
            if (_disposed || state is not FakeCmComTransaction { Status: "CREATED" } transaction)
            {
                return;
            }

            var script = transaction.Script!;
            transaction.ProcessedAt = Time.GetUtcNow();
            transaction.SystemTraceAuditNumber = (++_stan % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            transaction.Brand = _options.CardBrand;
            if (script.Outcome == FakeCardOutcome.Decline)
            {
                End(transaction, "CANCELLED", "DECLINED", $"declined: {script.ResultCode} {script.ResultMessage}");
                transaction.Receipt = CmComReceipt.For(transaction, script);
                return;
            }

            transaction.Status = "AUTHORIZED";
            transaction.Result = "APPROVED";
            transaction.Receipt = CmComReceipt.For(transaction, script);
            Release(transaction);
            transaction.Step = After(_options.ClearingDelay, OnClearing, transaction);
        }
    }

    private void OnClearing(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeCmComTransaction { Status: "AUTHORIZED" } transaction)
            {
                transaction.Status = "CLEARED";
                transaction.Step = null;
            }
        }
    }

    /// <summary>
    /// An AUTHORIZED transaction cancelled before it was cleared (a reversal): CANCELLED, its result still APPROVED, as
    /// the guide's statuses allow ("CANCELLED: Transaction is cancelled and is completed unsuccessfully").
    /// </summary>
    public bool CancelAuthorized(FakeCmComTransaction transaction)
    {
        lock (Gate)
        {
            if (_disposed || transaction.Status != "AUTHORIZED")
            {
                return false;
            }

            End(transaction, "CANCELLED", transaction.Result, "cancelled after authorisation, before clearing");
            return true;
        }
    }

    /// <summary>The merchant's DELETE: only while CREATED and before any card.</summary>
    private bool CancelByMerchant(FakeCmComTransaction transaction)
    {
        if (transaction is not { Status: "CREATED", CardPresentedAt: null })
        {
            return false;
        }

        End(transaction, "CANCELLED", null, "cancelled by the merchant");
        return true;
    }

    /// <summary>Ends a transaction unsuccessfully or at its final state, and frees its terminal.</summary>
    private void End(FakeCmComTransaction transaction, string status, string? result, string? reason)
    {
        transaction.Step?.Dispose();
        transaction.Step = null;
        transaction.Status = status;
        transaction.Result = result;
        transaction.CancelReason = reason;
        var terminal = transaction.Terminal;
        if (terminal.Waiting == transaction)
        {
            terminal.Waiting = null;
        }

        Release(transaction);
    }

    /// <summary>The terminal is done with the transaction: it polls again for the next one.</summary>
    private void Release(FakeCmComTransaction transaction)
    {
        var terminal = transaction.Terminal;
        if (terminal.Current == transaction)
        {
            terminal.Current = null;
            SchedulePickUp(terminal);
        }
    }

    private ITimer After(TimeSpan delay, TimerCallback step, FakeCmComTransaction transaction) =>
        Time.CreateTimer(step, transaction, NotNegative(delay), Timeout.InfiniteTimeSpan);

    private FakeCardResult? ByAmount(decimal amount) => _options.OutcomesByAmount.TryGetValue(amount, out var outcome) ? outcome : null;

    private static TimeSpan NotNegative(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
