using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>
/// A refund. Referenced: it names the original transaction (<see cref="OriginalTransactionRequest.OriginalTransactionId"/>
/// or <see cref="OriginalTransactionRequest.OriginalTransactionRequestId"/>); partial and repeated refunds are allowed up to
/// the original's order amount (the refunds' <c>orderAmount</c> values add up against it). Unreferenced: it names no original and needs <see cref="ReferenceOrderId"/>; the card is
/// presented on the terminal.
/// </summary>
public sealed record RefundRequest : OriginalTransactionRequest, ICardChoice
{
    /// <summary>The order amount refunded (<c>orderAmount</c>, at least 1), in minor units of <see cref="Currency"/>.</summary>
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
    /// Referenced refunds only: the amount you believe is still refundable on the original, in <c>orderAmount</c> terms
    /// (the original's order amount less the order amounts already refunded: SUNBAY's documented limit). When set, the
    /// original is queried first and the refund is refused with <see cref="PaymentsValidationException"/> (nothing sent)
    /// when SUNBAY's state contradicts it (fully refunded, voided, already partly refunded when you expect its whole
    /// order amount, or not yet refunded when you expect less), or when <see cref="Amount"/> exceeds it: the guard
    /// against refunding twice after a lost answer.
    /// </summary>
    public long? ExpectedRefundableAmount { get; init; }

    /// <summary>
    /// A referenced refund of <paramref name="original"/>, on the same terminal and in the same currency, with the amount
    /// components as SUNBAY names them. Full refund (<paramref name="amount"/> <see langword="null"/>): the original's
    /// order amount as <see cref="Amount"/> and its non-zero tip, tax, surcharge and cash back as the matching
    /// components. Partial refund: <paramref name="amount"/> as the order amount and no components.
    /// </summary>
    /// <param name="original">The transaction to refund, as returned by a completed operation or a query.</param>
    /// <param name="amount">The order amount to refund in minor units; the whole refund when <see langword="null"/>.</param>
    public static RefundRequest For(Transaction original, long? amount = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        var amounts = original.Amount;
        var currency = amounts?.Currency ?? throw new ArgumentException("The original transaction carries no currency.", nameof(original));
        var full = amount is null;
        return new RefundRequest
        {
            Amount = amount ?? amounts.Order
                ?? throw new ArgumentException("The original transaction carries no order amount; pass the amount to refund.", nameof(amount)),
            Currency = currency,
            TipAmount = full ? NonZero(amounts.Tip) : null,
            TaxAmount = full ? NonZero(amounts.Tax) : null,
            SurchargeAmount = full ? NonZero(amounts.Surcharge) : null,
            CashbackAmount = full ? NonZero(amounts.Cashback) : null,
            OriginalTransactionId = original.TransactionId,
            OriginalTransactionRequestId = original.TransactionId is null ? original.TransactionRequestId : null,
            TerminalSn = original.TerminalSn,
        };
    }

    private static long? NonZero(long? value) => value is 0 ? null : value;

    internal override TransactionType Type => TransactionType.Refund;

    internal override DateTimeOffset? RequestedExpiry => ExpiresAt;

    /// <summary>Only an unreferenced refund is presented to a card, within an expiry (D-REF).</summary>
    internal override bool TakesExpiry => !IsReferenced;

    internal override void CheckRules()
    {
        RequestRules.Refund(this);
        RequestRules.PaymentMethod(PaymentMethod, CardNetworkType);
        RequestRules.Signature(SignatureConfig);
    }

    internal override (IWireEndpoint<TransactionDispatchResponse>, IPushWire) ToWire() => (SunbayWireApi.Refund, new Wire.RefundRequest
    {
        ReferenceOrderId = string.IsNullOrEmpty(ReferenceOrderId) ? null : ReferenceOrderId,
        Description = Description ?? DefaultDescription.Refund,
        Amount = TransactionMapper.ToWireAmount<RefundAmount>(Amount, Currency, TipAmount, TaxAmount, SurchargeAmount, CashbackAmount),
        SignatureConfig = TransactionMapper.ToWire(SignatureConfig),
    });
}
