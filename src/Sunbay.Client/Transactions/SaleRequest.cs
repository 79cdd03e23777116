using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>A sale pushed to a terminal: the cardholder taps, inserts or swipes there.</summary>
public sealed record SaleRequest : PushRequest
{
    /// <summary>Order amount in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, three upper-case letters (e.g. <c>USD</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's order number: 6 to 32 of <c>A-Z a-z 0-9 _ - | *</c>.</summary>
    public required string ReferenceOrderId { get; init; }

    /// <summary>What is sold, shown on the terminal (at most 128 characters).</summary>
    public required string Description { get; init; }

    /// <summary>Tip in minor units, included in the total.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Tax in minor units.</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Surcharge in minor units.</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Cash back in minor units.</summary>
    public long? CashbackAmount { get; init; }

    /// <summary>When an unpaid transaction closes: 3 minutes to 1 day from now. Default now plus <see cref="SunbayClientOptions.DefaultExpiry"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Restricts the accepted payment method; usually left out.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Card network type; only with <see cref="PaymentMethodCategory.Card"/>.</summary>
    public CardNetworkType? CardNetworkType { get; init; }

    /// <summary>Signature capture settings.</summary>
    public SignatureConfig? SignatureConfig { get; init; }

    /// <summary>Tip entry on the terminal.</summary>
    public TipConfig? TipConfig { get; init; }

    internal override TransactionType Type => TransactionType.Sale;

    internal override DateTimeOffset? RequestedExpiry => ExpiresAt;

    internal override bool TakesExpiry => true;

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
        Amount = new()
        {
            OrderAmount = Amount,
            PriceCurrency = Currency,
            TipAmount = TipAmount,
            TaxAmount = TaxAmount,
            SurchargeAmount = SurchargeAmount,
            CashbackAmount = CashbackAmount,
        },
            PaymentMethod = TransactionMapper.ToWire(PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(CardNetworkType, "cardNetworkType"),
        SignatureConfig = TransactionMapper.ToWire(SignatureConfig),
        TipConfig = TransactionMapper.ToWire(TipConfig),
    });
}
