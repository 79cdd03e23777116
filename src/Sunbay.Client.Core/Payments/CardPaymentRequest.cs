namespace Sunbay.Client.Payments;

/// <summary>A card payment (purchase) to start on a terminal, the same for every provider.</summary>
public sealed record CardPaymentRequest
{
    /// <summary>The amount to charge, with its currency: <c>new Money(98.75m, "EUR")</c>. From 0.001 to 999,999,999 (and at least one minor unit).</summary>
    public required Money Amount { get; init; }

    /// <summary>
    /// The merchant's own order reference (SUNBAY <c>referenceOrderId</c>; CM.com <c>merchant_order_reference</c>):
    /// 6 to 32 of <c>A-Z a-z 0-9 _ -</c>, what both accept. Required: it is how the payment is found again.
    /// </summary>
    public required string MerchantReference { get; init; }

    /// <summary>What is sold, shown on the terminal when the provider shows it (at most 128 characters); <see langword="null"/> for a default.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The terminal, in the provider's form (SUNBAY serial number; CM.com <c>manufacturer-model-serial</c>);
    /// <see langword="null"/> for the provider's configured terminal. Blank is an error.
    /// </summary>
    public string? Terminal { get; init; }

    /// <summary>
    /// The key that makes a repeated start safe: at most 32 of <c>A-Z a-z 0-9 _ -</c> (SUNBAY <c>transactionRequestId</c>).
    /// Store it before starting. When it is set, the provider first looks for the transaction this key already created
    /// and resumes it instead of charging again; that is how an outcome-unknown failure is reconciled (see
    /// <see cref="ICardPayments"/>). <see langword="null"/>: a new key is generated and nothing is looked up first.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// Checks the provider-neutral rules: the intersection of what every provider accepts, so that a request valid on
    /// one provider is valid on the other. Every provider calls it before anything is sent, and checks its own form of
    /// <see cref="Terminal"/>.
    /// </summary>
    /// <exception cref="PaymentsValidationException">A rule is broken; the exception names the property and the rule.</exception>
    public void Validate() => CardRequestRules.Common(Amount, MerchantReference, Description, Terminal, IdempotencyKey);
}
