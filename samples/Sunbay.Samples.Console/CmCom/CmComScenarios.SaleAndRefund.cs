using Sunbay.Client.CmCom;

namespace Sunbay.Samples.Console;

internal sealed partial class CmComScenarios
{
    /// <summary>Purchase, wait for the cardholder, then a referenced refund of it in full. A decline is reported and not refunded.</summary>
    public async Task<int> SaleAndRefundAsync(CancellationToken cancellationToken)
    {
        var purchase = await PurchaseAsync(cancellationToken);
        return purchase is null ? ExitCodes.Declined : await RefundAsync(purchase, cancellationToken);
    }

    /// <summary>A referenced refund of <paramref name="purchase"/> in full, under a merchant order reference of its own.</summary>
    private async Task<int> RefundAsync(CmComTransaction purchase, CancellationToken cancellationToken)
    {
        var request = CmComRefundRequest.For(purchase, $"{purchase.MerchantOrderReference}-R");
        ui.Step($"Refunding {AmountOf(purchase)} of purchase {purchase.Id}");
        var refund = await StartAsync(request, cm.StartRefundAsync, cancellationToken);
        ui.Info($"created: id {refund.Id}, merchant_order_reference {request.MerchantOrderReference}");
        var refunded = await WaitAsync(refund, "the terminal picks up the refund; it may ask for the card", cancellationToken);
        Print(refunded);
        return Outcome(refunded, "Refund");
    }
}
