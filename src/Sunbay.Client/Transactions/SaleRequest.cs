namespace Sunbay.Client;

/// <summary>A sale pushed to a terminal: the cardholder taps, inserts or swipes there.</summary>
public sealed class SaleRequest
{
    /// <summary>Order amount in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, three upper-case letters (e.g. <c>USD</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's order number: 6 to 32 of <c>A-Z a-z 0-9 _ - | *</c>.</summary>
    public required string ReferenceOrderId { get; init; }

    /// <summary>What is sold, shown on the terminal (at most 128 characters).</summary>
    public required string Description { get; init; }

    /// <summary>Tip in minor units, included in the total.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Tax in minor units.</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Surcharge in minor units.</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Cash back in minor units.</summary>
    public long? CashbackAmount { get; init; }

    /// <summary>The terminal to push to; default <see cref="SunbayClientOptions.TerminalSn"/>.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>
    /// Idempotency key (at most 32 of <c>A-Z a-z 0-9 _ -</c>). Generated when not given. Store it before calling: it is
    /// how you find the transaction again after a crash or a network failure.
    /// </summary>
    public string? TransactionRequestId { get; init; }

    /// <summary>Free data echoed back in results and webhooks (at most 128 characters; JSON recommended). Never put card data here.</summary>
    public string? Attach { get; init; }

    /// <summary>Webhook URL for the result; default <see cref="SunbayClientOptions.NotifyUrl"/>.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>When an unpaid transaction closes: 3 minutes to 1 day from now (SUNBAY's default is 1 day).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Which receipts the terminal prints.</summary>
    public PrintReceipt? PrintReceipt { get; init; }

    /// <summary>Application ID for this request only (multi-merchant ISVs); default <see cref="SunbayClientOptions.AppId"/>.</summary>
    public string? AppId { get; init; }

    /// <summary>Merchant ID for this request only (multi-merchant ISVs); default <see cref="SunbayClientOptions.MerchantId"/>.</summary>
    public string? MerchantId { get; init; }
}
