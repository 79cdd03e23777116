namespace Sunbay.Client;

/// <summary>Amounts of a transaction, in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
public sealed class TransactionAmounts
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.TransactionAmounts"/>.</summary>
    internal TransactionAmounts()
    {
    }

    /// <summary>ISO 4217 currency code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; internal init; }

    /// <summary>The total processed (<c>transAmount</c>).</summary>
    public long? Total { get; internal init; }

    /// <summary>The order amount.</summary>
    public long? Order { get; internal init; }

    /// <summary>Tax.</summary>
    public long? Tax { get; internal init; }

    /// <summary>Surcharge.</summary>
    public long? Surcharge { get; internal init; }

    /// <summary>Tip.</summary>
    public long? Tip { get; internal init; }

    /// <summary>Cash back.</summary>
    public long? Cashback { get; internal init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Total ?? Order} {Currency}";
}
