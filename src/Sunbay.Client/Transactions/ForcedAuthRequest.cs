using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>A forced authorisation: the cashier keys in the card number on the terminal when the card cannot be read.</summary>
public sealed record ForcedAuthRequest : PushRequest
{
    /// <summary>Amount to authorise, in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, three upper-case letters.</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's order number: 6 to 32 of <c>A-Z a-z 0-9 _ - | *</c>.</summary>
    public required string ReferenceOrderId { get; init; }

    /// <summary>Shown on the terminal (at most 128 characters).</summary>
    public required string Description { get; init; }

    /// <summary>When an unpaid transaction closes: 3 minutes to 1 day from now. Default now plus <see cref="SunbayClientOptions.DefaultExpiry"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Restricts the accepted payment method; usually left out.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Card network type; only with <see cref="PaymentMethodCategory.Card"/>.</summary>
    public CardNetworkType? CardNetworkType { get; init; }

    internal override TransactionType Type => TransactionType.ForcedAuth;

    internal override DateTimeOffset? RequestedExpiry => ExpiresAt;

    internal override bool TakesExpiry => true;

    internal override void CheckRules() => RequestRules.PaymentMethod(PaymentMethod, CardNetworkType);

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.ForcedAuth, new Wire.ForcedAuthRequest
    {
        ReferenceOrderId = ReferenceOrderId,
        Description = Description,
        Amount = new() { OrderAmount = Amount, PriceCurrency = Currency },
            PaymentMethod = TransactionMapper.ToWire(PaymentMethod),
            CardNetworkType = TransactionMapper.ToWire<CardNetworkType, Wire.CardNetworkType>(CardNetworkType, "cardNetworkType"),
    });
}
