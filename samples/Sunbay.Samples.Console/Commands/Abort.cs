using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
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
}
