using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
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
        var voided = await WaitAsync(@void, "the terminal confirms the void", cancellationToken);
        ui.Print(voided);
        return Outcome(voided, "Void");
    }
}
