namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The terminal simulation: the card comes after a delay (or when the test presents it), the expiry closes what it
/// never reaches, and the terminal's script or else the sandbox amount table decides the outcome.
/// </summary>
internal sealed partial class FakeEngine
{
    /// <summary>Puts the transaction on the terminal: the card comes after the delay, the expiry closes it if it never does.</summary>
    private void Dispatch(FakeTerminal terminal, FakeTransaction transaction)
    {
        transaction.PushedToTerminal = true;
        transaction.Script = terminal.TakeScript();
        terminal.InFlight = transaction;
        var delay = terminal.CardPresentDelay ?? _options.CardPresentDelay;
        transaction.CardTimer = Time.CreateTimer(OnCardPresented, transaction, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        var untilExpiry = transaction.ExpiresAt - Time.GetUtcNow();
        transaction.ExpiryTimer = Time.CreateTimer(OnExpired, transaction, untilExpiry < TimeSpan.Zero ? TimeSpan.Zero : untilExpiry, Timeout.InfiniteTimeSpan);
    }

    private void OnCardPresented(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeTransaction { Status: "P" } transaction)
            {
                Resolve(transaction, forced: false);
            }
        }
    }

    private void OnExpired(object? state)
    {
        lock (Gate)
        {
            if (!_disposed && state is FakeTransaction { Status: "P" } transaction)
            {
                Finish(transaction, "C", null, "Transaction expired");
            }
        }
    }

    public bool PresentCard(FakeTerminal terminal)
    {
        lock (Gate)
        {
            if (terminal.InFlight is not { Status: "P" } transaction)
            {
                return false;
            }

            Resolve(transaction, forced: true);
            return true;
        }
    }

    /// <summary>The cardholder acts: the script decides, else the sandbox amount table (for card-reading operations).</summary>
    private void Resolve(FakeTransaction transaction, bool forced)
    {
        var script = transaction.Script;
        switch (script?.Outcome)
        {
            case FakeCardOutcome.NeverPresentsCard when !forced:
                return;
            case FakeCardOutcome.Approve:
                transaction.CardRead = true;
                Finish(transaction, "S", "000", "Approved");
                return;
            case FakeCardOutcome.Decline:
                transaction.CardRead = true;
                Finish(transaction, "F", script.ResultCode, script.ResultMessage);
                return;
            case FakeCardOutcome.CustomerCancels:
                Finish(transaction, "C", null, script.ResultMessage);
                return;
        }

        transaction.CardRead = true;
        var usesAmountTable = transaction.Original is null || transaction.Type == "INCREMENTAL";
        if (usesAmountTable && SandboxAmounts.TryDecline(transaction.OrderAmount, out var code, out var message))
        {
            Finish(transaction, "F", code, message);
        }
        else
        {
            Finish(transaction, "S", "000", "Approved");
        }
    }
}
