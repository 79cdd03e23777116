namespace Sunbay.Client.Payments;

/// <summary>
/// The provider-neutral rules of <see cref="CardPaymentRequest"/> and <see cref="CardRefundRequest"/>: the intersection
/// of what every provider accepts (<c>openapi/sunbay-nexus.yaml</c>, <c>openapi/cm-merchantapi.yaml</c>), so that a
/// request valid on one provider is valid on the other. Checked before anything is sent; each provider then checks its
/// own form of the terminal.
/// </summary>
/// <remarks>
/// Merchant reference: SUNBAY <c>referenceOrderId</c> 6–32 of <c>A-Z a-z 0-9 _ - | *</c>; CM.com
/// <c>merchant_order_reference</c> 1–64 of <c>A-Z a-z 0-9 . _ -</c>: 6–32 of <c>A-Z a-z 0-9 _ -</c>. Description:
/// SUNBAY at most 128, not blank (CM.com sends none). Amount: CM.com 0.001 to 999,999,999 (SUNBAY at least one minor
/// unit). Idempotency key: SUNBAY <c>transactionRequestId</c> at most 32 of <c>A-Z a-z 0-9 _ -</c> (CM.com sends none).
/// Original transaction: SUNBAY at most 64 without white space; CM.com at most 128 without white space, <c>/ ? # % \</c>.
/// Every check reads each character: a trailing newline is refused, never matched by a <c>$</c>.
/// </remarks>
internal static class CardRequestRules
{
    public const int MerchantReferenceMinLength = 6;
    public const int MerchantReferenceMaxLength = 32;
    public const int DescriptionMaxLength = 128;
    public const int IdempotencyKeyMaxLength = 32;
    public const int OriginalTransactionIdMaxLength = 64;
    public const decimal MinimumAmount = 0.001m;
    public const decimal MaximumAmount = 999_999_999m;

    private const string Why = "so that every provider accepts it";

    public static void Amount(Money amount)
    {
        if (amount.Currency.Length == 0)
        {
            throw new PaymentsValidationException(nameof(Amount), "is required: an amount with its currency, e.g. new Money(98.75m, \"EUR\")");
        }

        if (amount.MinorUnits <= 0)
        {
            throw new PaymentsValidationException(nameof(Amount), $"must be greater than zero; {amount} is not");
        }

        if (amount.Amount < MinimumAmount || amount.Amount > MaximumAmount)
        {
            throw new PaymentsValidationException(nameof(Amount), $"must be from 0.001 to 999,999,999 {amount.Currency} ({Why}); {amount} is not");
        }
    }

    public static void Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PaymentsValidationException(field, "is required and must not be blank");
        }
    }

    /// <summary>An optional text is left out with <see langword="null"/>; a blank one is an error, never a silent default.</summary>
    public static void NullOrText(string? value, string field, string whenNull)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new PaymentsValidationException(field, $"must not be blank; leave it null {whenNull}");
        }
    }

    public static void MerchantReference(string? value)
    {
        Required(value, nameof(MerchantReference));
        if (value!.Length is < MerchantReferenceMinLength or > MerchantReferenceMaxLength || !IsKey(value))
        {
            throw new PaymentsValidationException(nameof(MerchantReference), $"must be 6 to 32 characters of A-Z a-z 0-9 _ - ({Why}); it has {value.Length} character(s){(IsKey(value) ? string.Empty : ", some of them others")}");
        }
    }

    public static void Description(string? value)
    {
        NullOrText(value, nameof(Description), "for the provider's default");
        if (value is { Length: > DescriptionMaxLength })
        {
            throw new PaymentsValidationException(nameof(Description), $"must be at most 128 characters ({Why}); it has {value.Length}");
        }
    }

    public static void IdempotencyKey(string? value)
    {
        NullOrText(value, nameof(IdempotencyKey), "to have one generated");
        if (value is not null && (value.Length > IdempotencyKeyMaxLength || !IsKey(value)))
        {
            throw new PaymentsValidationException(nameof(IdempotencyKey), $"must be 1 to 32 characters of A-Z a-z 0-9 _ - ({Why}); it has {value.Length} character(s){(IsKey(value) ? string.Empty : ", some of them others")}");
        }
    }

    public static void OriginalTransactionId(string? value)
    {
        NullOrText(value, nameof(OriginalTransactionId), "for an unreferenced refund");
        if (value is not null && (value.Length > OriginalTransactionIdMaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%' or '\\')))
        {
            throw new PaymentsValidationException(nameof(OriginalTransactionId), $"must be 1 to 64 characters without white space, control characters, / ? # % or \\ ({Why}); take it from CardPaymentOutcome.ProviderTransactionId");
        }
    }

    public static void Common(Money amount, string? merchantReference, string? description, string? terminal, string? idempotencyKey)
    {
        Amount(amount);
        MerchantReference(merchantReference);
        Description(description);
        NullOrText(terminal, "Terminal", "for the configured terminal");
        IdempotencyKey(idempotencyKey);
    }

    /// <summary>Letters and digits of ASCII, <c>_</c> and <c>-</c>: what SUNBAY's keys and CM.com's references both accept.</summary>
    private static bool IsKey(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
