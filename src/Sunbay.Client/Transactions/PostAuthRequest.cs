using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Completes (captures) a successful pre-authorisation.</summary>
public sealed record PostAuthRequest : OriginalTransactionRequest
{
    /// <summary>Amount to capture, in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code of the pre-authorisation.</summary>
    public required string Currency { get; init; }

    /// <summary>Tip in minor units.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Tax in minor units.</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Surcharge in minor units.</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Tip entry on the terminal.</summary>
    public TipConfig? TipConfig { get; init; }

    internal override TransactionType Type => TransactionType.PostAuth;

    internal override void CheckRules()
    {
        RequestRules.Original(OriginalTransactionId, OriginalTransactionRequestId);
        RequestRules.Tip(TipConfig);
    }

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.PostAuth, new Wire.PostAuthRequest
    {
        Description = Description ?? DefaultDescription.PostAuth,
        Amount = TransactionMapper.ToWireAmount<PostAuthAmount>(Amount, Currency, TipAmount, TaxAmount, SurchargeAmount),
        TipConfig = TransactionMapper.ToWire(TipConfig),
    });
}
