namespace Sunbay.Client.CmCom;

/// <summary>
/// A refund started on a terminal: referenced to the purchase it pays back (<see cref="PurchaseId"/>; build one with
/// <see cref="For"/>), or unreferenced (no <see cref="PurchaseId"/>). The cardholder presents the card on the terminal.
/// </summary>
public sealed record CmComRefundRequest : CmComTransactionRequest
{
    /// <summary>The id of the purchase this refund pays back; <see langword="null"/> for an unreferenced refund. Blank is an error.</summary>
    public string? PurchaseId { get; init; }

    internal override CmComTransactionType Type => CmComTransactionType.Refund;

    internal override string? ReferencedPurchaseId => PurchaseId;

    /// <summary>A refund of an approved purchase, on its terminal, in its currency.</summary>
    /// <param name="purchase">The purchase, as read from CM.com.</param>
    /// <param name="merchantOrderReference">The refund's own merchant order reference (a new one, e.g. the purchase's with <c>-r</c>).</param>
    /// <param name="amount">The amount to pay back; <see langword="null"/> for the purchase's whole amount.</param>
    /// <exception cref="PaymentsValidationException">
    /// The purchase is not an approved purchase (<see cref="CmComTransaction.IsApproved"/>: a CANCELLED one is not,
    /// whatever its result), or the amount exceeds it.
    /// </exception>
    public static CmComRefundRequest For(CmComTransaction purchase, string merchantOrderReference, decimal? amount = null)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        if (purchase.Type != CmComTransactionType.Purchase || !purchase.IsApproved)
        {
            throw new PaymentsValidationException("reference.id", purchase.Status == CmComTransactionStatus.Cancelled
                ? $"must name an approved purchase (transaction '{purchase.Id}' is CANCELLED with result {purchase.Result}: \"completed unsuccessfully\" in CM.com's guide, so nothing was paid to refund)"
                : $"must name an approved purchase (transaction '{purchase.Id}' is a {purchase.Type}, {purchase.Status}, with result {purchase.Result})");
        }

        if (purchase.Amount is not { } paid || purchase.Currency is not { } currency)
        {
            throw new PaymentsValidationException("amount", $"of purchase '{purchase.Id}' is unknown: read the purchase again, or build the refund with PurchaseId, Amount and Currency");
        }

        if (amount > paid)
        {
            throw new PaymentsValidationException("amount.value", $"must not exceed the purchase's amount {paid} {currency} (was {amount})");
        }

        return new CmComRefundRequest
        {
            PurchaseId = purchase.Id,
            MerchantOrderReference = merchantOrderReference,
            Amount = amount ?? paid,
            Currency = currency,
            TerminalId = purchase.TerminalId,
        };
    }
}
