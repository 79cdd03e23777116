using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
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
        var refunded = await WaitAsync(refund, "the terminal confirms the refund (it may ask for the card)", cancellationToken);
        ui.Print(refunded);
        return Outcome(refunded, "Refund");
    }
}
