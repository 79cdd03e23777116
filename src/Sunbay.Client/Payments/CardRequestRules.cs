namespace Sunbay.Client.Payments;

/// <summary>The provider-neutral rules of <see cref="CardPaymentRequest"/> and <see cref="CardRefundRequest"/>; each provider adds its own.</summary>
internal static class CardRequestRules
{
    public static void Amount(Money amount)
    {
        if (amount.Currency.Length == 0)
        {
            throw new SunbayValidationException(nameof(Amount), "is required: an amount with its currency, e.g. new Money(98.75m, \"EUR\")");
        }

        if (amount.MinorUnits <= 0)
        {
            throw new SunbayValidationException(nameof(Amount), $"must be greater than zero; {amount} is not");
        }
    }

    public static void Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SunbayValidationException(field, "is required and must not be blank");
        }
    }

    /// <summary>An optional text is left out with <see langword="null"/>; a blank one is an error, never a silent default.</summary>
    public static void NullOrText(string? value, string field, string whenNull)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new SunbayValidationException(field, $"must not be blank; leave it null {whenNull}");
        }
    }

    public static void Common(Money amount, string? merchantReference, string? description, string? terminal, string? idempotencyKey)
    {
        Amount(amount);
        Required(merchantReference, "MerchantReference");
        NullOrText(description, "Description", "for the provider's default");
        NullOrText(terminal, "Terminal", "for the configured terminal");
        NullOrText(idempotencyKey, "IdempotencyKey", "to have one generated");
    }
}
