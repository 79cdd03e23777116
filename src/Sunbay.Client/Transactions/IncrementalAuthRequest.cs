using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Raises a successful pre-authorisation by <see cref="Amount"/>.</summary>
public sealed record IncrementalAuthRequest : OriginalTransactionRequest
{
    /// <summary>The increment, in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code of the pre-authorisation.</summary>
    public required string Currency { get; init; }

    internal override TransactionType Type => TransactionType.Incremental;

    internal override void CheckRules() => RequestRules.Original(OriginalTransactionId, OriginalTransactionRequestId);

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.IncrementalAuth, new Wire.IncrementalAuthRequest
    {
        Description = Description ?? DefaultDescription.IncrementalAuth,
        Amount = new() { OrderAmount = Amount, PriceCurrency = Currency },
    });
}
