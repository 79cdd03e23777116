namespace Sunbay.Client.Payments;

/// <summary>
/// A refund to a card, the same for every provider. Referenced: it names the payment it gives money back for
/// (<see cref="OriginalTransactionId"/>; build it with <see cref="For(CardPaymentOutcome, string, Money?)"/>).
/// Unreferenced: it names none, and the cardholder presents the card on the terminal.
/// </summary>
public sealed record CardRefundRequest
{
    /// <summary>The amount to refund, with its currency; greater than zero. For a referenced refund, in the payment's currency and at most what is left to refund.</summary>
    public required Money Amount { get; init; }

    /// <summary>The merchant's own reference of the refund (SUNBAY <c>referenceOrderId</c>; CM.com <c>merchant_order_reference</c>); the rules of <see cref="CardPaymentRequest.MerchantReference"/>.</summary>
    public required string MerchantReference { get; init; }

    /// <summary>
    /// The provider's transaction ID of the payment refunded (<see cref="CardPaymentOutcome.ProviderTransactionId"/>);
    /// <see langword="null"/> for an unreferenced refund. At most 64 characters, without white space or <c>/ ? # % \</c>.
    /// </summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>Why, shown on the terminal when the provider shows it; at most 128 characters; <see langword="null"/> for a default.</summary>
    public string? Description { get; init; }

    /// <summary>The terminal, in the provider's form; <see langword="null"/> for the provider's configured terminal. Blank is an error.</summary>
    public string? Terminal { get; init; }

    /// <summary>The key that makes a repeated start safe; see <see cref="CardPaymentRequest.IdempotencyKey"/>.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Whether the refund names the payment it refunds.</summary>
    public bool IsReferenced => OriginalTransactionId is not null;

    /// <summary>
    /// A referenced refund of <paramref name="payment"/>: its transaction, its terminal and its currency; the whole
    /// amount when <paramref name="amount"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="payment">An approved payment, as a completed operation returned it.</param>
    /// <param name="merchantReference">The merchant's reference of the refund.</param>
    /// <param name="amount">Part of the payment to refund, in its currency; <see langword="null"/> for all of it.</param>
    /// <exception cref="PaymentsValidationException">
    /// <paramref name="payment"/> is not an approved payment with a transaction ID, or <paramref name="amount"/> is in
    /// another currency or larger than the payment.
    /// </exception>
    public static CardRefundRequest For(CardPaymentOutcome payment, string merchantReference, Money? amount = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Kind != CardPaymentKind.Payment || !payment.IsApproved || string.IsNullOrEmpty(payment.ProviderTransactionId))
        {
            throw new PaymentsValidationException(nameof(payment), $"must be an approved payment with a provider transaction ID to refund; {payment} is not");
        }

        if (amount is { } part && (part.Currency != payment.Amount.Currency || part.MinorUnits > payment.Amount.MinorUnits))
        {
            throw new PaymentsValidationException(nameof(Amount), $"must be in {payment.Amount.Currency} and at most the payment's {payment.Amount}; {part} is not");
        }

        return new CardRefundRequest
        {
            Amount = amount ?? payment.Amount,
            MerchantReference = merchantReference,
            OriginalTransactionId = payment.ProviderTransactionId,
            Terminal = payment.Terminal,
        };
    }

    /// <summary>
    /// Checks the provider-neutral rules, the ones every provider accepts (see <see cref="CardPaymentRequest.Validate"/>);
    /// every provider calls it before anything is sent, and checks its own form of <see cref="Terminal"/>.
    /// </summary>
    /// <exception cref="PaymentsValidationException">A rule is broken; the exception names the property.</exception>
    public void Validate()
    {
        CardRequestRules.Common(Amount, MerchantReference, Description, Terminal, IdempotencyKey);
        CardRequestRules.OriginalTransactionId(OriginalTransactionId);
    }
}
