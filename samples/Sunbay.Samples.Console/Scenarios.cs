using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>The sample's commands, each a short, realistic use of <see cref="ISunbayClient"/>.</summary>
internal sealed class Scenarios(ISunbayClient sunbay, SampleArguments args, ConsoleUi ui, WebhookInbox? webhooks = null)
{
    private const string Tap = "cardholder taps, inserts or swipes on the terminal";

    /// <summary>Sale, wait for the cardholder, then refund it in full. A decline is reported and not refunded.</summary>
    public async Task<int> SaleAndRefundAsync(CancellationToken cancellationToken)
    {
        var sale = await ChargeAsync(cancellationToken);
        if (sale is null)
        {
            return ExitCodes.Declined;
        }

        ui.Step($"Refunding {ConsoleUi.Money(args.Amount, args.Currency)}");
        var refund = await sunbay.StartRefundAsync(RefundOf(sale), cancellationToken);
        var refunded = await WaitAsync(refund, "terminal confirms the refund", cancellationToken);
        ui.Print(refunded);
        return Outcome(refunded, "Refund");
    }

    /// <summary>Pre-authorisation, then its capture.</summary>
    public async Task<int> AuthAndCaptureAsync(CancellationToken cancellationToken)
    {
        ui.Step($"Pre-authorising {ConsoleUi.Money(args.Amount, args.Currency)} on terminal {args.Terminal ?? "(configured)"}");
        var auth = await sunbay.StartAuthAsync(
            new AuthRequest { Amount = args.Amount, Currency = args.Currency, ReferenceOrderId = NewOrderId(), Description = "Sample pre-authorisation", TerminalSn = args.Terminal },
            cancellationToken);
        var authorised = await WaitAsync(auth, Tap, cancellationToken);
        ui.Print(authorised);
        if (!authorised.IsApproved)
        {
            return Outcome(authorised, "Pre-authorisation");
        }

        ui.Step("Capturing the pre-authorisation (post-auth)");
        var capture = await sunbay.StartPostAuthAsync(
            new PostAuthRequest { OriginalTransactionId = authorised.TransactionId, OriginalTransactionRequestId = authorised.TransactionId is null ? authorised.TransactionRequestId : null, Amount = args.Amount, Currency = args.Currency, TerminalSn = args.Terminal },
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
        var voided = await WaitAsync(await sunbay.StartVoidAsync(VoidRequest.For(sale) with { TerminalSn = args.Terminal ?? sale.TerminalSn }, cancellationToken), "terminal confirms the void", cancellationToken);
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
        var operation = await sunbay.StartSaleAsync(request, cancellationToken);
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
    };

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
}
