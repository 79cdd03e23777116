namespace Sunbay.Client.Payments;

/// <summary>
/// The final state of a card payment or refund, the same for every provider: status, amount with its currency, the
/// provider's IDs, the merchant's reference, why a card was declined (result code and message), and what a receipt and
/// a support call need (authorisation code, card brand, masked card, system trace audit number, receipt text), each
/// when the provider reports it.
/// </summary>
/// <remarks>
/// Built by a provider's <see cref="ICardPayments"/> implementation (its properties are public to initialise, so that
/// an implementation outside this package, or a test, can build one). A decline is an outcome, not an exception.
/// </remarks>
public sealed class CardPaymentOutcome
{
    /// <summary>The provider that processed it, as configured: <c>sunbay</c>, <c>cm</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Payment or refund.</summary>
    public required CardPaymentKind Kind { get; init; }

    /// <summary>How it ended.</summary>
    public required CardPaymentStatus Status { get; init; }

    /// <summary>The amount as the provider reports it, with its currency (what was charged or refunded when approved).</summary>
    public required Money Amount { get; init; }

    /// <summary>
    /// The provider's ID of the transaction (SUNBAY <c>transactionId</c>; CM.com <c>id</c>): what a referenced refund
    /// names (<see cref="CardRefundRequest.For(CardPaymentOutcome, string, Money?)"/>). <see langword="null"/> only when
    /// the provider never reported one.
    /// </summary>
    public string? ProviderTransactionId { get; init; }

    /// <summary>The merchant's own reference of the order (SUNBAY <c>referenceOrderId</c>; CM.com <c>merchant_order_reference</c>).</summary>
    public string? MerchantReference { get; init; }

    /// <summary>The terminal that processed it, in the provider's form (SUNBAY serial number; CM.com <c>manufacturer-model-serial</c>).</summary>
    public string? Terminal { get; init; }

    /// <summary>
    /// The receipt text for the cardholder, when the provider gives one (CM.com: the EFT receipt with the scheme-mandated
    /// content); <see langword="null"/> otherwise (SUNBAY prints receipts on the terminal and sends no text). It holds no
    /// full card number, but it is the cardholder's: print it, do not log it.
    /// </summary>
    public string? Receipt { get; init; }

    /// <summary>
    /// The provider's key of the request that created the transaction (SUNBAY <c>transactionRequestId</c>, the idempotency
    /// key sent); <see langword="null"/> when the provider has none (CM.com).
    /// </summary>
    public string? ProviderRequestId { get; init; }

    /// <summary>
    /// The result code, which tells why a card was declined: SUNBAY's channel response code (<c>000</c> approved, e.g.
    /// <c>051</c> insufficient funds); CM.com's result (<c>APPROVED</c>, <c>DECLINED</c>), the only one it reports.
    /// <see langword="null"/> when the provider reported none (e.g. cancelled before a card was presented).
    /// </summary>
    public string? ResultCode { get; init; }

    /// <summary>The result in words, for the cashier (SUNBAY's channel message, e.g. "Insufficient funds"); <see langword="null"/> when the provider sends none (CM.com).</summary>
    public string? ResultMessage { get; init; }

    /// <summary>The issuer's authorisation code, for the receipt (SUNBAY <c>authCode</c>); <see langword="null"/> when the provider sends none (CM.com).</summary>
    public string? AuthorizationCode { get; init; }

    /// <summary>The card brand as the provider names it (SUNBAY payment method, e.g. <c>VISA</c>; CM.com <c>brand</c>, e.g. <c>V_PAY</c>).</summary>
    public string? CardBrand { get; init; }

    /// <summary>
    /// The card number as the provider masks it (SUNBAY <c>maskedPan</c>), masked again on the way in so that at most
    /// its first 6 and last 4 digits are kept whatever the provider sent; <see langword="null"/> when the provider sends
    /// none (CM.com). Print it on a receipt; never in logs.
    /// </summary>
    public string? MaskedCard
    {
        get => _maskedCard;
        init => _maskedCard = CardMask.Mask(value);
    }

    /// <summary>The system trace audit number (STAN), which the acquirer's support asks for (SUNBAY <c>stan</c>; CM.com <c>system_trace_audit_number</c>).</summary>
    public string? SystemTraceAuditNumber { get; init; }

    /// <summary>Whether the money moved (<see cref="CardPaymentStatus.Approved"/>).</summary>
    public bool IsApproved => Status == CardPaymentStatus.Approved;

    /// <summary>Provider, kind, status, amount and transaction ID; never the receipt or any card data.</summary>
    public override string ToString() => $"{Provider} {Kind} {ProviderTransactionId ?? "(no transaction ID)"}: {Status}, {Amount}";

    private readonly string? _maskedCard;
}
