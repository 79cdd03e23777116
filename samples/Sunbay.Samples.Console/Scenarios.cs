using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>The sample's commands, each a short, realistic use of <see cref="ISunbayClient"/>.</summary>
internal sealed class Scenarios(ISunbayClient sunbay, SampleArguments args)
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

        ConsoleUi.Step($"Refunding {ConsoleUi.Money(args.Amount, args.Currency)}");
        var refund = await sunbay.StartRefundAsync(RefundOf(sale), cancellationToken);
        var refunded = await refund.WaitForCompletionAsync(ConsoleUi.Progress("terminal confirms the refund"), cancellationToken);
        ConsoleUi.Print(refunded);
        return Outcome(refunded, "Refund");
    }

    /// <summary>Pre-authorisation, then its capture.</summary>
    public async Task<int> AuthAndCaptureAsync(CancellationToken cancellationToken)
    {
        ConsoleUi.Step($"Pre-authorising {ConsoleUi.Money(args.Amount, args.Currency)} on terminal {args.Terminal ?? "(configured)"}");
        var auth = await sunbay.StartAuthAsync(
            new AuthRequest { Amount = args.Amount, Currency = args.Currency, ReferenceOrderId = NewOrderId(), Description = "Sample pre-authorisation", TerminalSn = args.Terminal },
            cancellationToken);
        var authorised = await auth.WaitForCompletionAsync(ConsoleUi.Progress(Tap), cancellationToken);
        ConsoleUi.Print(authorised);
        if (!authorised.IsApproved)
        {
            return Outcome(authorised, "Pre-authorisation");
        }

        ConsoleUi.Step("Capturing the pre-authorisation (post-auth)");
        var capture = await sunbay.StartPostAuthAsync(
            new PostAuthRequest { OriginalTransactionId = authorised.TransactionId, OriginalTransactionRequestId = authorised.TransactionId is null ? authorised.TransactionRequestId : null, Amount = args.Amount, Currency = args.Currency, TerminalSn = args.Terminal },
            cancellationToken);
        var captured = await capture.WaitForCompletionAsync(ConsoleUi.Progress("SUNBAY captures the funds"), cancellationToken);
        ConsoleUi.Print(captured);
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

        ConsoleUi.Step("Voiding the sale");
        var voided = await (await sunbay.StartVoidAsync(VoidRequest.For(sale) with { TerminalSn = args.Terminal ?? sale.TerminalSn }, cancellationToken))
            .WaitForCompletionAsync(ConsoleUi.Progress("terminal confirms the void"), cancellationToken);
        ConsoleUi.Print(voided);
        return Outcome(voided, "Void");
    }

    /// <summary>A sale that is aborted on the terminal before the card is presented.</summary>
    public async Task<int> AbortAsync(CancellationToken cancellationToken)
    {
        ConsoleUi.Step($"Pushing a sale of {ConsoleUi.Money(args.Amount, args.Currency)}, then aborting it before the card is presented");
        var sale = await sunbay.StartSaleAsync(SaleRequest(), cancellationToken);
        ConsoleUi.Info($"dispatched: transactionRequestId {sale.TransactionRequestId}");
        var aborted = await sunbay.StartAbortAsync(new AbortRequest { OriginalTransactionRequestId = sale.TransactionRequestId, TerminalSn = args.Terminal, Description = "Customer changed their mind" }, cancellationToken);
        var final = await aborted.WaitForCompletionAsync(ConsoleUi.Progress("terminal abandons the payment"), cancellationToken);
        ConsoleUi.Print(final);
        if (final.Status == TransactionStatus.Closed)
        {
            ConsoleUi.Success("Aborted: the transaction is closed and nothing was charged.");
            return ExitCodes.Ok;
        }

        ConsoleUi.Failure($"The abort did not take: the transaction ended {final.Status} (the card was presented first).");
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

        ConsoleUi.Step($"Setting the tip to {ConsoleUi.Money(args.Tip, args.Currency)}");
        var result = await sunbay.TipAdjustAsync(new TipAdjustRequest { OriginalTransactionId = sale.TransactionId, OriginalTransactionRequestId = sale.TransactionId is null ? sale.TransactionRequestId : null, TipAmount = args.Tip, TerminalSn = args.Terminal }, cancellationToken);
        ConsoleUi.Success($"Tip is now {ConsoleUi.Money(result.TipAmount, args.Currency)} on {result.OriginalTransactionId ?? sale.TransactionId}.");
        return ExitCodes.Ok;
    }

    /// <summary>Open batch totals, then the close.</summary>
    public async Task<int> BatchCloseAsync(CancellationToken cancellationToken)
    {
        ConsoleUi.Step("Open batch");
        var open = await sunbay.BatchQueryAsync(args.Terminal, cancellationToken);
        foreach (var batch in open)
        {
            ConsoleUi.Info($"{batch.ChannelCode}: {batch.TotalCount} transaction(s), net {ConsoleUi.Money(batch.NetAmount, batch.Currency)}");
        }

        if (open.Count == 0)
        {
            ConsoleUi.Success("Nothing to close: the terminal has no open batch.");
            return ExitCodes.Ok;
        }

        ConsoleUi.Step("Closing every open channel (irreversible)");
        foreach (var closed in await sunbay.BatchCloseAsync(new BatchCloseRequest { TerminalSn = args.Terminal, PrintReceipt = BatchPrintReceipt.None }, cancellationToken))
        {
            ConsoleUi.Success($"Closed batch {closed.BatchNo} on {closed.ChannelCode}: {closed.TransactionCount} transaction(s), net {ConsoleUi.Money(closed.NetAmount, closed.Currency)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The merchant's terminals, every page.</summary>
    public async Task<int> ListTerminalsAsync(CancellationToken cancellationToken)
    {
        ConsoleUi.Step("Terminals of the merchant");
        var count = 0;
        await foreach (var terminal in sunbay.GetTerminalsAsync(cancellationToken: cancellationToken))
        {
            count++;
            ConsoleUi.Info($"{terminal.Sn}  {terminal.Vendor} {terminal.Model}  {string.Join(", ", terminal.Tids.Select(t => $"{t.ChannelCode}:{t.Id}"))}");
        }

        ConsoleUi.Success($"{count} terminal(s).");
        return ExitCodes.Ok;
    }

    /// <summary>Pushes a sale and waits; returns it when approved, null (after saying why) otherwise.</summary>
    private async Task<Transaction?> ChargeAsync(CancellationToken cancellationToken)
    {
        var request = SaleRequest();
        ConsoleUi.Step($"Sale of {ConsoleUi.Money(request.Amount, request.Currency)} on terminal {request.TerminalSn ?? "(configured)"}");
        var operation = await sunbay.StartSaleAsync(request, cancellationToken);
        ConsoleUi.Info($"dispatched: transactionRequestId {operation.TransactionRequestId} (keep it to find the sale again)");
        var sale = await operation.WaitForCompletionAsync(ConsoleUi.Progress(Tap), cancellationToken);
        ConsoleUi.Print(sale);
        if (sale.IsApproved)
        {
            ConsoleUi.Success("Sale approved.");
            return sale;
        }

        Outcome(sale, "Sale");
        ConsoleUi.Info("No refund attempted: nothing was charged.");
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
        Amount = sale.Amount?.Total ?? sale.Amount?.Order ?? args.Amount,
        Currency = sale.Amount?.Currency ?? args.Currency,
        OriginalTransactionId = sale.TransactionId,
        OriginalTransactionRequestId = sale.TransactionId is null ? sale.TransactionRequestId : null,
        TerminalSn = args.Terminal ?? sale.TerminalSn,
        Description = "Sample refund",
    };

    private static int Outcome(Transaction t, string what)
    {
        if (t.IsApproved)
        {
            ConsoleUi.Success($"{what} approved.");
            return ExitCodes.Ok;
        }

        ConsoleUi.Failure(t.Status == TransactionStatus.Fail
            ? $"{what} declined: {t.ResultCode} {t.ResultMessage}."
            : $"{what} ended {t.Status} without payment.");
        return ExitCodes.Declined;
    }

    private static string NewOrderId() => $"SAMPLE-{Guid.NewGuid():N}"[..24];
}
