using Sunbay.Client.CmCom;

namespace Sunbay.Samples.Console;

internal sealed partial class CmComScenarios
{
    /// <summary>
    /// A purchase, then its cancel: 204 while no card was presented (nothing charged), 409 once one was. After a 409 the
    /// client has read the real status; an approved purchase probably needs a refund, which the sample shows against
    /// a fake (against CM.com it says so and leaves the decision to the merchant).
    /// </summary>
    public async Task<int> CancelAsync(CancellationToken cancellationToken)
    {
        var purchase = await StartPurchaseAsync(cancellationToken);
        if (args.Late)
        {
            await WaitForCardAsync(purchase, cancellationToken);
        }

        ui.Step($"Cancelling purchase {purchase.Id}");
        var cancel = await purchase.CancelAsync(cancellationToken);
        if (cancel.Outcome == CmComCancelOutcome.Cancelled)
        {
            ui.Success("Cancelled (204): no card was presented, nothing was charged.");
            return ExitCodes.Ok;
        }

        var current = cancel.Transaction ?? await purchase.UpdateStatusAsync(cancellationToken);
        ui.Warning($"Too late to cancel (409): the terminal already had the card. Its real status: {current.Status}{(current.Result is { } r ? $" ({r})" : string.Empty)}.");
        if (!current.IsApproved)
        {
            var final = await WaitAsync(purchase, "the terminal finishes the payment", cancellationToken);
            Print(final);
            return Outcome(final, "Purchase");
        }

        ui.Warning("The cardholder paid: the merchant probably wants a refund (CmComRefundRequest.For(purchase, reference)).");
        if (environment.IsCmCom)
        {
            ui.Info("Not refunded automatically against CM.com: refund it from your system if the sale is off.");
            return ExitCodes.Ok;
        }

        // Against a fake, show it: let the purchase reach its final state, then refund it in full.
        var paid = await WaitAsync(purchase, "the payment clears", cancellationToken);
        return await RefundAsync(paid, cancellationToken);
    }

    /// <summary>Waits until the transaction leaves CREATED (the card was presented and the acquirer answered).</summary>
    private async Task WaitForCardAsync(CmComTransactionOperation purchase, CancellationToken cancellationToken)
    {
        ui.Info("--late: waiting for the card before cancelling");
        using var cardSeen = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await purchase.WaitForCompletionAsync(new CardSeen(new StatusLines(ui), cardSeen), cardSeen.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The card was seen: stop waiting and cancel.
        }
    }

    /// <summary>Passes each state on and stops the wait once the transaction left CREATED.</summary>
    private sealed class CardSeen(IProgress<CmComTransaction> inner, CancellationTokenSource stop) : IProgress<CmComTransaction>
    {
        public void Report(CmComTransaction value)
        {
            inner.Report(value);
            if (value.Status != CmComTransactionStatus.Created)
            {
                stop.Cancel();
            }
        }
    }
}
