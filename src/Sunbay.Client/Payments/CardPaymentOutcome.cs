namespace Sunbay.Client.Payments;

/// <summary>
/// The final state of a card payment or refund, the same for every provider: status, amount with its currency, the
/// provider's transaction ID, the merchant's reference and, when the provider gives one, the receipt text.
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

    /// <summary>Whether the money moved (<see cref="CardPaymentStatus.Approved"/>).</summary>
    public bool IsApproved => Status == CardPaymentStatus.Approved;

    /// <summary>Provider, kind, status, amount and transaction ID; never the receipt.</summary>
    public override string ToString() => $"{Provider} {Kind} {ProviderTransactionId ?? "(no transaction ID)"}: {Status}, {Amount}";
}
