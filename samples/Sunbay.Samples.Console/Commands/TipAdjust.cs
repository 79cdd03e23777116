using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
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
}
