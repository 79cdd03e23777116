namespace Sunbay.Client.Payments;

/// <summary>A card payment (purchase) to start on a terminal, the same for every provider.</summary>
public sealed record CardPaymentRequest
{
    /// <summary>The amount to charge, with its currency: <c>new Money(98.75m, "EUR")</c>. Must be greater than zero.</summary>
    public required Money Amount { get; init; }

    /// <summary>
    /// The merchant's own order reference (SUNBAY <c>referenceOrderId</c>: 6 to 32 of <c>A-Z a-z 0-9 _ - | *</c>;
    /// CM.com <c>merchant_order_reference</c>). Required: it is how the payment is found again.
    /// </summary>
    public required string MerchantReference { get; init; }

    /// <summary>What is sold, shown on the terminal when the provider shows it (SUNBAY: at most 128 characters); <see langword="null"/> for a default.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The terminal, in the provider's form (SUNBAY serial number; CM.com <c>manufacturer-model-serial</c>);
    /// <see langword="null"/> for the provider's configured terminal. Blank is an error.
    /// </summary>
    public string? Terminal { get; init; }

    /// <summary>
    /// The key that makes a repeated start safe (SUNBAY <c>transactionRequestId</c>: at most 32 of <c>A-Z a-z 0-9 _ -</c>).
    /// Store it before starting. When it is set, the provider first looks for the transaction this key already created
    /// and resumes it instead of charging again; that is how an outcome-unknown failure is reconciled (see
    /// <see cref="ICardPayments"/>). <see langword="null"/>: a new key is generated and nothing is looked up first.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Checks the provider-neutral rules; every provider calls it before anything is sent, and adds its own rules.</summary>
    /// <exception cref="SunbayValidationException">A rule is broken; the exception names the property.</exception>
    public void Validate() => CardRequestRules.Common(Amount, MerchantReference, Description, Terminal, IdempotencyKey);
}
