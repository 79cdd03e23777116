namespace Sunbay.Client.Wire;

/// <summary>The payment method choice of the pushes that read a card, filled by one dispatch for all of them.</summary>
internal interface ICardWire
{
    PaymentMethod? PaymentMethod { get; set; }

    string? CardNetworkType { get; set; }
}

/// <summary>An amount object: the order amount and its currency.</summary>
internal interface IAmountWire
{
    long OrderAmount { get; set; }

    string PriceCurrency { get; set; }
}

/// <summary>An amount object with tip, tax and surcharge components.</summary>
internal interface IAmountPartsWire : IAmountWire
{
    long? TipAmount { get; set; }

    long? TaxAmount { get; set; }

    long? SurchargeAmount { get; set; }
}

/// <summary>An amount object that also carries cash back.</summary>
internal interface ICashbackWire : IAmountPartsWire
{
    long? CashbackAmount { get; set; }
}

internal partial class SaleRequest : ICardWire;

internal partial class AuthRequest : ICardWire;

internal partial class ForcedAuthRequest : ICardWire;

internal partial class RefundRequest : ICardWire;

internal partial class AuthAmount : IAmountWire;

internal partial class PostAuthAmount : IAmountPartsWire;

internal partial class SaleAmount : ICashbackWire;

internal partial class RefundAmount : ICashbackWire;
