using Sunbay.Client;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Samples.Console;

/// <summary>
/// The sample's commands, each a short, realistic use of <see cref="ISunbayClient"/> in a file of its own
/// (<c>SaleAndRefund.cs</c>, <c>AuthAndCapture.cs</c>, ...). This file holds what they share: pushing a request safely
/// (<see cref="PushAsync"/>: reconcile a lost answer before anything else), waiting with progress, and the outcome.
/// </summary>
/// <param name="sunbay">The client.</param>
/// <param name="args">The command line.</param>
/// <param name="ui">Where to write.</param>
/// <param name="configuredTerminal">The terminal of the configuration (<c>Sunbay:TerminalSn</c>), to say which one is used.</param>
/// <param name="notReceivedAfter">How long a push whose answer was lost is looked for (<c>Sunbay:Polling:NotReceivedAfter</c>).</param>
/// <param name="webhooks">Whether a webhook receiver runs in the process (to say whether a webhook or a poll ended a wait).</param>
internal sealed partial class Scenarios(ISunbayClient sunbay, SampleArguments args, ConsoleUi ui, string? configuredTerminal, TimeSpan notReceivedAfter, bool webhooks = false)
{
    private const string Tap = "cardholder taps, inserts or swipes on the terminal";

    /// <summary>The terminal requests go to: <c>--terminal</c>, else the configured one.</summary>
    private string TerminalName => args.Terminal ?? configuredTerminal ?? "(none configured: set Sunbay__TerminalSn or --terminal)";

    /// <summary>Pushes a sale and waits; returns it when approved, null (after saying why) otherwise.</summary>
    private async Task<Transaction?> ChargeAsync(CancellationToken cancellationToken)
    {
        var request = SaleRequest();
        ui.Step($"Sale of {ConsoleUi.Money(request.Amount, request.Currency)} on terminal {TerminalName}");
        var operation = await PushAsync(request, sunbay.StartSaleAsync, cancellationToken);
        ui.Info($"dispatched: transactionRequestId {operation.TransactionRequestId} (keep it to find the sale again)");
        var sale = await WaitAsync(operation, Tap, cancellationToken);
        ui.Print(sale);
        if (sale.IsApproved)
        {
            ui.Success("Sale approved.");
            return sale;
        }

        Outcome(sale, "Sale");
        ui.Info("No refund attempted: nothing was charged.");
        return null;
    }

    private SaleRequest SaleRequest() => new()
    {
        Amount = args.Amount,
        Currency = args.Currency,
        ReferenceOrderId = NewOrderId(),
        Description = "Sunbay.Client sample",
        TerminalSn = args.Terminal,
        TransactionRequestId = NewRequestId(),
    };

    /// <summary>A full refund of <paramref name="sale"/>, built from what the sample charged (not every server echoes amounts).</summary>
    private RefundRequest RefundOf(Transaction sale) => new()
    {
        // Refund limits count order amounts (orderAmount), not the total: a sale's tip is not part of it.
        Amount = sale.Amount?.Order ?? args.Amount,
        Currency = sale.Amount?.Currency ?? args.Currency,
        OriginalTransactionId = sale.TransactionId,
        OriginalTransactionRequestId = sale.TransactionId is null ? sale.TransactionRequestId : null,
        TerminalSn = args.Terminal ?? sale.TerminalSn,
        Description = "Sample refund",
        TransactionRequestId = NewRequestId(),
    };

    /// <summary>
    /// Pushes <paramref name="request"/>; when its outcome is unknown (the answer was lost, so the terminal may be
    /// charging the card), reconciles the documented way before anything else: look the transactionRequestId up, again
    /// and again for the client's <c>Polling:NotReceivedAfter</c> (SUNBAY may record it late), and follow the transaction
    /// when SUNBAY has it. It is never sent again: SUNBAY's go-live guide prohibits automatic retries of payments and
    /// refunds "to avoid duplicate charges". When SUNBAY still has nothing, nothing was charged, and the cashier decides.
    /// </summary>
    private async Task<TransactionOperation> PushAsync<TRequest>(TRequest request, Func<TRequest, CancellationToken, Task<TransactionOperation>> start, CancellationToken cancellationToken)
        where TRequest : PushRequest
    {
        try
        {
            return await start(request, cancellationToken);
        }
        catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
        {
            ui.Warning($"The answer was lost ({ex.Message.Split(". ")[0]}). Reconciling transactionRequestId {request.TransactionRequestId}.");
            var lookup = TransactionLookup.ByTransactionRequestId(request.TransactionRequestId!);
            var (existing, known) = await LostAnswer.FindWithinAsync(token => sunbay.FindTransactionAsync(lookup, token), notReceivedAfter, ui, cancellationToken);
            if (existing is not null)
            {
                ui.Info($"reconciled: SUNBAY has it ({ConsoleUi.Explain(existing)}); following it, not sending it again");
                return sunbay.GetOperation(existing.TransactionRequestId);
            }

            if (!known)
            {
                throw; // Still unknown: the guard says to query the transactionRequestId before anything else.
            }

            ui.Info("reconciled: SUNBAY never received it; not sending it again");
            throw new PaymentNotReceivedException("SUNBAY", request.TransactionRequestId!, notReceivedAfter);
        }
    }

    private int Outcome(Transaction t, string what)
    {
        if (t.IsApproved)
        {
            ui.Success($"{what} approved.");
            return ExitCodes.Ok;
        }

        ui.Failure(t.Status == TransactionStatus.Fail
            ? $"{what} declined: {t.ResultCode} {t.ResultMessage}."
            : $"{what} ended {t.Status} without payment.");
        return ExitCodes.Declined;
    }

    /// <summary>Waits with live progress, then says whether the verified webhook or a poll completed the wait.</summary>
    private async Task<Transaction> WaitAsync(TransactionOperation operation, string whatHappensNow, CancellationToken cancellationToken)
    {
        Transaction result;
        TimeSpan elapsed;
        using (var progress = ui.Wait(whatHappensNow))
        {
            result = await operation.WaitForCompletionAsync(progress, cancellationToken);
            elapsed = progress.Elapsed;
        }

        if (webhooks)
        {
            ui.Info(operation.CompletedBy == TransactionUpdateSource.Webhook
                ? $"completed by the webhook (signature verified) after {elapsed.TotalSeconds:F1} s"
                : $"completed by polling after {elapsed.TotalSeconds:F1} s (no verified webhook had arrived)");
        }

        return result;
    }

    private static string NewOrderId() => $"SAMPLE-{Guid.NewGuid():N}"[..24];

    /// <summary>A transactionRequestId chosen before sending (at most 32 of A-Z a-z 0-9 _ -).</summary>
    private static string NewRequestId() => Guid.NewGuid().ToString("N");
}
