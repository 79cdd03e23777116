using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Voids a successful transaction of the same day (after that, refund it).</summary>
public sealed record VoidRequest : OriginalTransactionRequest
{
    /// <summary>A void of <paramref name="original"/> on the terminal that processed it.</summary>
    /// <param name="original">The transaction to void.</param>
    public static VoidRequest For(Transaction original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new VoidRequest
        {
            OriginalTransactionId = original.TransactionId,
            OriginalTransactionRequestId = original.TransactionId is null ? original.TransactionRequestId : null,
            TerminalSn = original.TerminalSn,
        };
    }

    internal override TransactionType Type => TransactionType.Void;

    internal override void CheckRules() => RequestRules.Original(OriginalTransactionId, OriginalTransactionRequestId);

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.Void, new Wire.VoidRequest
    {
        Description = Description ?? DefaultDescription.Void,
    });
}
