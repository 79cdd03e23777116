using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
    /// <summary>Open batch totals, then the close.</summary>
    public async Task<int> BatchCloseAsync(CancellationToken cancellationToken)
    {
        ui.Step("Open batch");
        var open = await sunbay.BatchQueryAsync(args.Terminal, cancellationToken);
        foreach (var batch in open)
        {
            ui.Info($"{batch.ChannelCode}: {batch.TransactionCount} transaction(s), net {ConsoleUi.Money(batch.NetAmount, batch.Currency)}");
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
}
