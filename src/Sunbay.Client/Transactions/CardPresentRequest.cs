using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// A push that starts a new transaction at the terminal for an amount, paid with a card presented there: a sale, a
/// pre-authorisation or a forced authorisation.
/// </summary>
public abstract record CardPresentRequest : PushRequest, ICardChoice
{
    /// <summary>Order amount in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, three upper-case letters (e.g. <c>USD</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's order number: 6 to 32 of <c>A-Z a-z 0-9 _ - | *</c>.</summary>
    public required string ReferenceOrderId { get; init; }

    /// <summary>What is paid for, shown on the terminal (at most 128 characters).</summary>
    public required string Description { get; init; }

    /// <summary>When an unpaid transaction closes: 3 minutes to 1 day from now. Default now plus <see cref="SunbayClientOptions.DefaultExpiry"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Restricts the accepted payment method; usually left out.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Card network type; only with <see cref="PaymentMethodCategory.Card"/>.</summary>
    public CardNetworkType? CardNetworkType { get; init; }

    internal sealed override DateTimeOffset? RequestedExpiry => ExpiresAt;

    internal sealed override bool TakesExpiry => true;
}
