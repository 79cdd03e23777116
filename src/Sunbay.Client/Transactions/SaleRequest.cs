using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>A sale pushed to a terminal: the cardholder taps, inserts or swipes there.</summary>
public sealed record SaleRequest : CardPresentRequest
{
    /// <summary>Tip in minor units, included in the total.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Tax in minor units.</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Surcharge in minor units.</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Cash back in minor units.</summary>
    public long? CashbackAmount { get; init; }

    /// <summary>Signature capture settings.</summary>
    public SignatureConfig? SignatureConfig { get; init; }

    /// <summary>Tip entry on the terminal.</summary>
    public TipConfig? TipConfig { get; init; }

    internal override TransactionType Type => TransactionType.Sale;

    internal override void CheckRules()
    {
        RequestRules.PaymentMethod(PaymentMethod, CardNetworkType);
        RequestRules.Signature(SignatureConfig);
        RequestRules.Tip(TipConfig);
    }

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.Sale, new Wire.SaleRequest
    {
        ReferenceOrderId = ReferenceOrderId,
        Description = Description,
        Amount = TransactionMapper.ToWireAmount<SaleAmount>(Amount, Currency, TipAmount, TaxAmount, SurchargeAmount, CashbackAmount),
        SignatureConfig = TransactionMapper.ToWire(SignatureConfig),
        TipConfig = TransactionMapper.ToWire(TipConfig),
    });
}
