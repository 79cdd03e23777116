namespace Sunbay.Client;

/// <summary>Amounts of a transaction, in minor units of <see cref="Currency"/> (1050 = 10.50 USD).</summary>
public sealed class TransactionAmounts
{
    /// <summary>ISO 4217 currency code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>The total processed (<c>transAmount</c>).</summary>
    public long? Total { get; init; }

    /// <summary>The order amount.</summary>
    public long? Order { get; init; }

    /// <summary>Tax.</summary>
    public long? Tax { get; init; }

    /// <summary>Surcharge.</summary>
    public long? Surcharge { get; init; }

    /// <summary>Tip.</summary>
    public long? Tip { get; init; }

    /// <summary>Cash back.</summary>
    public long? Cashback { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Total ?? Order} {Currency}";
}
