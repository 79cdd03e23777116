namespace Sunbay.Client;

/// <summary>
/// Kind of a transaction (<c>SALE</c>, <c>REFUND</c>, ...). Open: a type this SDK does not know is kept as received.
/// </summary>
public readonly struct TransactionType : IEquatable<TransactionType>
{
    private readonly string? _value;

    /// <summary>Creates a type from its wire name (upper case).</summary>
    /// <param name="value">The wire name, e.g. <c>SALE</c>.</param>
    public TransactionType(string value) => _value = value?.Trim().ToUpperInvariant();

    /// <summary>A sale.</summary>
    public static TransactionType Sale { get; } = new("SALE");

    /// <summary>A pre-authorisation.</summary>
    public static TransactionType Auth { get; } = new("AUTH");

    /// <summary>A forced authorisation (card number keyed in).</summary>
    public static TransactionType ForcedAuth { get; } = new("FORCED_AUTH");

    /// <summary>An incremental authorisation.</summary>
    public static TransactionType Incremental { get; } = new("INCREMENTAL");

    /// <summary>A capture of a pre-authorisation.</summary>
    public static TransactionType PostAuth { get; } = new("POST_AUTH");

    /// <summary>A refund.</summary>
    public static TransactionType Refund { get; } = new("REFUND");

    /// <summary>A void.</summary>
    public static TransactionType Void { get; } = new("VOID");

    /// <summary>The wire name, e.g. <c>SALE</c>; empty when unknown.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc/>
    public bool Equals(TransactionType other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransactionType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(TransactionType left, TransactionType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TransactionType left, TransactionType right) => !left.Equals(right);
}
