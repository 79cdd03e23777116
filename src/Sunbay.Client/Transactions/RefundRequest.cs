namespace Sunbay.Client;

/// <summary>
/// A refund. Referenced: it names the original transaction (<see cref="OriginalTransactionRequest.OriginalTransactionId"/>
/// or <see cref="OriginalTransactionRequest.OriginalTransactionRequestId"/>); partial and repeated refunds are allowed up to
/// the original amount. Unreferenced: it names no original and needs <see cref="ReferenceOrderId"/>; the card is
/// presented on the terminal.
/// </summary>
public sealed record RefundRequest : OriginalTransactionRequest
{
    /// <summary>Refund amount in minor units of <see cref="Currency"/>.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, three upper-case letters; the original's currency for a referenced refund.</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's order number; required for an unreferenced refund.</summary>
    public string? ReferenceOrderId { get; init; }

    /// <summary>Tip refunded, in minor units.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Tax refunded, in minor units.</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Surcharge refunded, in minor units (some processors require it in proportion).</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Cash back refunded, in minor units.</summary>
    public long? CashbackAmount { get; init; }

    /// <summary>Unreferenced refunds only: when an unpaid refund closes, 3 minutes to 1 day from now. Default now plus <see cref="SunbayClientOptions.DefaultExpiry"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Unreferenced refunds only: restricts the accepted payment method.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Unreferenced refunds only: card network type, with <see cref="PaymentMethodCategory.Card"/>.</summary>
    public CardNetworkType? CardNetworkType { get; init; }

    /// <summary>Unreferenced refunds only: signature capture settings.</summary>
    public SignatureConfig? SignatureConfig { get; init; }

    /// <summary>
    /// Referenced refunds only: the amount you believe is still refundable on the original. When set, the original is
    /// queried first and the refund is refused with <see cref="SunbayValidationException"/> (nothing sent) when SUNBAY's
    /// state contradicts it (fully refunded, voided, already partly refunded when you expect the whole amount, or not
    /// yet refunded when you expect less), or when <see cref="Amount"/> exceeds it: the guard against refunding twice
    /// after a lost answer.
    /// </summary>
    public long? ExpectedRefundableAmount { get; init; }

    /// <summary>A referenced refund of <paramref name="amount"/> of <paramref name="original"/>, on the same terminal and in the same currency.</summary>
    /// <param name="original">The transaction to refund, as returned by a completed operation or a query.</param>
    /// <param name="amount">The amount to refund in minor units; the whole amount when <see langword="null"/>.</param>
    public static RefundRequest For(Transaction original, long? amount = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        var refund = amount ?? original.Amount?.Total ?? original.Amount?.Order
            ?? throw new ArgumentException("The original transaction carries no amount; pass the amount to refund.", nameof(amount));
        return new RefundRequest
        {
            Amount = refund,
            Currency = original.Amount?.Currency ?? throw new ArgumentException("The original transaction carries no currency.", nameof(original)),
            OriginalTransactionId = original.TransactionId,
            OriginalTransactionRequestId = original.TransactionId is null ? original.TransactionRequestId : null,
            TerminalSn = original.TerminalSn,
        };
    }
}
