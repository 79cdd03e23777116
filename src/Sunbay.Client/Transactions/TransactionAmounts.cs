namespace Sunbay.Client;

/// <summary>Amounts of a transaction, in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
public sealed class TransactionAmounts
{
    // Internal setters, not init-only: the webhook reader fills the amounts as it reads them.
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.TransactionAmounts"/>.</summary>
    internal TransactionAmounts()
    {
    }

    /// <summary>ISO 4217 currency code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; internal set; }

    /// <summary>The total processed (<c>transAmount</c>).</summary>
    public long? Total { get; internal set; }

    /// <summary>The order amount.</summary>
    public long? Order { get; internal set; }

    /// <summary>Tax.</summary>
    public long? Tax { get; internal set; }

    /// <summary>Surcharge.</summary>
    public long? Surcharge { get; internal set; }

    /// <summary>Tip.</summary>
    public long? Tip { get; internal set; }

    /// <summary>Cash back.</summary>
    public long? Cashback { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Total ?? Order} {Currency}";
}
