using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>The sample's commands, each a short, realistic use of <see cref="ISunbayClient"/>.</summary>
internal sealed class Scenarios(ISunbayClient sunbay, SampleArguments args, ConsoleUi ui, WebhookInbox? webhooks = null)
{
    private const string Tap = "cardholder taps, inserts or swipes on the terminal";
    private const int ReconcileAttempts = 3;

    /// <summary>Sale, wait for the cardholder, then refund it in full. A decline is reported and not refunded.</summary>
    public async Task<int> SaleAndRefundAsync(CancellationToken cancellationToken)
    {
        var sale = await ChargeAsync(cancellationToken);
        if (sale is null)
        {
            return ExitCodes.Declined;
        }

        ui.Step($"Refunding {ConsoleUi.Money(args.Amount, args.Currency)}");
        var refund = await PushAsync(RefundOf(sale), sunbay.StartRefundAsync, cancellationToken);
        var refunded = await WaitAsync(refund, "card read; waiting for the issuer", cancellationToken);
        ui.Print(refunded);
        return Outcome(refunded, "Refund");
    }

    /// <summary>Pre-authorisation, then its capture.</summary>
    public async Task<int> AuthAndCaptureAsync(CancellationToken cancellationToken)
    {
        ui.Step($"Pre-authorising {ConsoleUi.Money(args.Amount, args.Currency)} on terminal {args.Terminal ?? "(configured)"}");
        var auth = await PushAsync(
            new AuthRequest { Amount = args.Amount, Currency = args.Currency, ReferenceOrderId = NewOrderId(), Description = "Sample pre-authorisation", TerminalSn = args.Terminal, TransactionRequestId = NewRequestId() },
            sunbay.StartAuthAsync,
            cancellationToken);
        var authorised = await WaitAsync(auth, Tap, cancellationToken);
        ui.Print(authorised);
        if (!authorised.IsApproved)
        {
            return Outcome(authorised, "Pre-authorisation");
        }

        ui.Step("Capturing the pre-authorisation (post-auth)");
        var capture = await PushAsync(
            new PostAuthRequest { OriginalTransactionId = authorised.TransactionId, OriginalTransactionRequestId = authorised.TransactionId is null ? authorised.TransactionRequestId : null, Amount = args.Amount, Currency = args.Currency, TerminalSn = args.Terminal, TransactionRequestId = NewRequestId() },
            sunbay.StartPostAuthAsync,
            cancellationToken);
        var captured = await WaitAsync(capture, "SUNBAY captures the funds", cancellationToken);
        ui.Print(captured);
        return Outcome(captured, "Capture");
    }

    /// <summary>Sale, then its void.</summary>
    public async Task<int> SaleAndVoidAsync(CancellationToken cancellationToken)
    {
        var sale = await ChargeAsync(cancellationToken);
        if (sale is null)
        {
            return ExitCodes.Declined;
        }

        ui.Step("Voiding the sale");
        var @void = await PushAsync(VoidRequest.For(sale) with { TerminalSn = args.Terminal ?? sale.TerminalSn, TransactionRequestId = NewRequestId() }, sunbay.StartVoidAsync, cancellationToken);
        var voided = await WaitAsync(@void, "card read; waiting for the issuer", cancellationToken);
        ui.Print(voided);
        return Outcome(voided, "Void");
    }

    /// <summary>A sale that is aborted on the terminal before the card is presented.</summary>
    public async Task<int> AbortAsync(CancellationToken cancellationToken)
    {
        ui.Step($"Pushing a sale of {ConsoleUi.Money(args.Amount, args.Currency)}, then aborting it before the card is presented");
        var sale = await sunbay.StartSaleAsync(SaleRequest(), cancellationToken);
        ui.Info($"dispatched: transactionRequestId {sale.TransactionRequestId}");
        var aborted = await sunbay.StartAbortAsync(new AbortRequest { OriginalTransactionRequestId = sale.TransactionRequestId, TerminalSn = args.Terminal, Description = "Customer changed their mind" }, cancellationToken);
        var final = await WaitAsync(aborted, "terminal abandons the payment", cancellationToken);
        ui.Print(final);
        if (final.Status == TransactionStatus.Closed)
        {
            ui.Success("Aborted: the transaction is closed and nothing was charged.");
            return ExitCodes.Ok;
        }

        ui.Failure($"The abort did not take: the transaction ended {final.Status} (the card was presented first).");
        return ExitCodes.Failed;
    }

    /// <summary>Sale, then a new tip on it.</summary>
    public async Task<int> TipAdjustAsync(CancellationToken cancellationToken)
    {
        var sale = await ChargeAsync(cancellationToken);
        if (sale is null)
        {
            return ExitCodes.Declined;
        }

        ui.Step($"Setting the tip to {ConsoleUi.Money(args.Tip, args.Currency)}");
        var result = await sunbay.TipAdjustAsync(new TipAdjustRequest { OriginalTransactionId = sale.TransactionId, OriginalTransactionRequestId = sale.TransactionId is null ? sale.TransactionRequestId : null, TipAmount = args.Tip, TerminalSn = args.Terminal }, cancellationToken);
        ui.Success($"Tip is now {ConsoleUi.Money(result.TipAmount, args.Currency)} on {result.OriginalTransactionId ?? sale.TransactionId}.");
        return ExitCodes.Ok;
    }

    /// <summary>Open batch totals, then the close.</summary>
    public async Task<int> BatchCloseAsync(CancellationToken cancellationToken)
    {
        ui.Step("Open batch");
        var open = await sunbay.BatchQueryAsync(args.Terminal, cancellationToken);
        foreach (var batch in open)
        {
            ui.Info($"{batch.ChannelCode}: {batch.TotalCount} transaction(s), net {ConsoleUi.Money(batch.NetAmount, batch.Currency)}");
        }

        if (open.Count == 0)
        {
            ui.Success("Nothing to close: the terminal has no open batch.");
            return ExitCodes.Ok;
        }

        ui.Step("Closing every open channel (irreversible)");
        foreach (var closed in await sunbay.BatchCloseAsync(new BatchCloseRequest { TerminalSn = args.Terminal, PrintReceipt = BatchPrintReceipt.None }, cancellationToken))
        {
            ui.Success($"Closed batch {closed.BatchNo} on {closed.ChannelCode}: {closed.TransactionCount} transaction(s), net {ConsoleUi.Money(closed.NetAmount, closed.Currency)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The merchant's terminals, every page.</summary>
    public async Task<int> ListTerminalsAsync(CancellationToken cancellationToken)
    {
        ui.Step("Terminals of the merchant");
        var count = 0;
        await foreach (var terminal in sunbay.GetTerminalsAsync(cancellationToken: cancellationToken))
        {
            count++;
            ui.Info($"{terminal.Sn}  {terminal.Vendor} {terminal.Model}  {string.Join(", ", terminal.Tids.Select(t => $"{t.ChannelCode}:{t.Id}"))}");
        }

        ui.Success($"{count} terminal(s).");
        return ExitCodes.Ok;
    }

    /// <summary>Pushes a sale and waits; returns it when approved, null (after saying why) otherwise.</summary>
    private async Task<Transaction?> ChargeAsync(CancellationToken cancellationToken)
    {
        var request = SaleRequest();
        ui.Step($"Sale of {ConsoleUi.Money(request.Amount, request.Currency)} on terminal {request.TerminalSn ?? "(configured)"}");
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
    /// charging the card), reconciles the documented way before anything else: query the transactionRequestId, follow
    /// the transaction when SUNBAY has it, and send it again with the same transactionRequestId only when SUNBAY does
    /// not. The request carries its transactionRequestId from the start: it is what finds the transaction again.
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
        }

        // The query is retried by the client itself; a re-send whose answer is lost again goes round once more.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await sunbay.FindTransactionAsync(request.TransactionRequestId!, cancellationToken) is { } existing)
                {
                    ui.Info($"reconciled: SUNBAY has it ({ConsoleUi.Explain(existing.Status)}); following it, not sending it again");
                    return sunbay.GetOperation(existing.TransactionRequestId);
                }

                ui.Info("reconciled: SUNBAY never received it; sending it again with the same transactionRequestId");
                return await start(request, cancellationToken);
            }
            catch (SunbayTransportException ex) when (attempt < ReconcileAttempts)
            {
                ui.Warning($"Reconciling failed ({ex.Message.Split(". ")[0]}); trying again.");
            }
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
    private async Task<Transaction> WaitAsync(TransactionOperation operation, string whatTheCardholderDoes, CancellationToken cancellationToken)
    {
        Transaction result;
        TimeSpan elapsed;
        using (var progress = ui.Wait(whatTheCardholderDoes))
        {
            result = await operation.WaitForCompletionAsync(progress, cancellationToken);
            elapsed = progress.Elapsed;
        }

        if (webhooks is not null)
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
