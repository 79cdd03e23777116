using Sunbay.Client;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;

namespace Sunbay.Samples.Console;

/// <summary>
/// The CM.com commands, each a short, realistic use of <see cref="ICmComClient"/> (<c>CmComScenarios.*.cs</c>). This file
/// holds what they share: starting a transaction safely (<see cref="StartAsync"/>: after a lost answer, find it by its
/// merchant_order_reference before anything else), waiting with progress, and the outcome.
/// </summary>
/// <param name="cm">The client.</param>
/// <param name="args">The command line.</param>
/// <param name="ui">Where to write.</param>
/// <param name="environment">Where requests go (the terminal, and whether it is a fake).</param>
internal sealed partial class CmComScenarios(ICmComClient cm, SampleArguments args, ConsoleUi ui, CmComEnvironment environment)
{
    private const string Tap = "the terminal picks it up at its next poll; the cardholder taps, inserts or swipes";

    /// <summary>The sample's amount in the currency's major units (1000 minor units of EUR = 10.00, of JPY = 1000).</summary>
    private Money Amount => Money.FromMinorUnits(args.Amount, args.Currency);

    /// <summary>Starts a purchase and waits; returns it when approved, null (after saying why) otherwise.</summary>
    private async Task<CmComTransaction?> PurchaseAsync(CancellationToken cancellationToken)
    {
        var purchase = await StartPurchaseAsync(cancellationToken);
        var paid = await WaitAsync(purchase, Tap, cancellationToken);
        Print(paid);
        if (paid.IsApproved)
        {
            ui.Success("Purchase approved.");
            return paid;
        }

        Outcome(paid, "Purchase");
        ui.Info("No refund attempted: nothing was charged.");
        return null;
    }

    /// <summary>Starts a purchase of the sample's amount with a new merchant order reference, reconciling a lost answer.</summary>
    private async Task<CmComTransactionOperation> StartPurchaseAsync(CancellationToken cancellationToken)
    {
        var amount = Amount;
        var request = new CmComPurchaseRequest
        {
            MerchantOrderReference = NewReference(),
            Amount = amount.Amount,
            Currency = amount.Currency,
            TerminalId = environment.Terminal,
        };
        ui.Step($"Purchase of {amount} on terminal {environment.Terminal}");
        var purchase = await StartAsync(request, cm.StartPurchaseAsync, cancellationToken);
        ui.Info($"created: id {purchase.Id}, merchant_order_reference {request.MerchantOrderReference} (keep both to find it again)");
        return purchase;
    }

    /// <summary>
    /// Starts <paramref name="request"/>; when its outcome is unknown (no answer, so CM.com may have created it and the
    /// terminal may be charging the card), reconciles as CM.com's guide says before anything else: read the terminal's
    /// transactions for the merchant_order_reference, again and again for the client's <c>Polling:NotReceivedAfter</c>
    /// (the guide does not say how soon a new transaction shows), and follow the transaction when it is there. It is
    /// never posted again by itself: posting blindly could abort the first payment on the terminal (one payment per
    /// terminal) or charge twice. When CM.com still has nothing, nothing was charged, and the cashier decides.
    /// </summary>
    private async Task<CmComTransactionOperation> StartAsync<TRequest>(TRequest request, Func<TRequest, CancellationToken, Task<CmComTransactionOperation>> start, CancellationToken cancellationToken)
        where TRequest : CmComTransactionRequest
    {
        try
        {
            return await start(request, cancellationToken);
        }
        catch (CmComTransportException ex) when (ex.OutcomeUnknown)
        {
            ui.Warning($"The answer was lost ({ex.Message.Split(". ")[0]}). Reconciling merchant_order_reference {request.MerchantOrderReference}.");
            var window = environment.NotReceivedAfter;
            var (existing, known) = await LostAnswer.FindWithinAsync(token => cm.FindTransactionByReferenceAsync(request.MerchantOrderReference, request.TerminalId, token), window, ui, cancellationToken);
            if (existing is not null)
            {
                ui.Info($"reconciled: CM.com has it (id {existing.Id}, {existing.Status}); following it, not posting it again");
                return cm.GetOperation(existing.Id, existing.TerminalId);
            }

            if (!known)
            {
                throw; // Still unknown: the guard says to look for the merchant_order_reference before anything else.
            }

            ui.Info("reconciled: CM.com never received it; not posting it again");
            throw new PaymentNotReceivedException("CM.com", request.MerchantOrderReference, window);
        }
    }

    private int Outcome(CmComTransaction t, string what)
    {
        if (t.IsApproved)
        {
            ui.Success($"{what} approved.");
            return ExitCodes.Ok;
        }

        ui.Failure(t.Result == CmComTransactionResult.Declined
            ? $"{what} declined (CANCELLED, result DECLINED); the receipt says why."
            : $"{what} ended {t.Status} without payment (cancelled on the terminal or by the merchant).");
        return ExitCodes.Declined;
    }

    /// <summary>Waits with a line for every status seen.</summary>
    private async Task<CmComTransaction> WaitAsync(CmComTransactionOperation operation, string whatHappensNow, CancellationToken cancellationToken)
    {
        ui.Info($"waiting: {whatHappensNow} (Ctrl+C stops waiting; the terminal goes on)");
        return await operation.WaitForCompletionAsync(new StatusLines(ui), cancellationToken);
    }

    private void Print(CmComTransaction t)
    {
        ui.Info($"id                       {t.Id}");
        ui.Info($"merchant_order_reference {t.MerchantOrderReference}");
        ui.Info($"status                   {t.Status}{(t.Result is { } result ? $" ({result})" : string.Empty)}");
        ui.Info($"amount                   {AmountOf(t)}");
        ui.Info($"card brand, STAN         {t.Brand?.ToString() ?? "-"} {t.SystemTraceAuditNumber ?? "-"}");
    }

    /// <summary>A transaction's amount with its currency's decimals (98.75 EUR, 1500 JPY).</summary>
    private static string AmountOf(CmComTransaction t) =>
        t.Amount is { } value && t.Currency is { } currency ? new Money(value, currency).ToString() : "-";

    /// <summary>A merchant order reference chosen before posting: what finds the transaction again (A-Z a-z 0-9 . _ -).</summary>
    private static string NewReference() => $"SAMPLE-{Guid.NewGuid():N}"[..23];

    /// <summary>Prints each new status of a wait, with the seconds since it began.</summary>
    private sealed class StatusLines(ConsoleUi ui) : IProgress<CmComTransaction>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private CmComTransactionStatus? _last;

        public void Report(CmComTransaction value)
        {
            if (value.Status != _last)
            {
                _last = value.Status;
                ui.Info($"[{_clock.Elapsed.TotalSeconds,5:F1} s] status {value.Status}{(value.Result is { } r ? $" ({r})" : string.Empty)}");
            }
        }
    }
}
