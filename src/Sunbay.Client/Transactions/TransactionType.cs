using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// Kind of a transaction (<c>SALE</c>, <c>REFUND</c>, ...). Extensible: a type this SDK does not know is kept as received
/// and compares by its wire value, so a new kind from SUNBAY never breaks a running integration.
/// </summary>
public readonly record struct TransactionType
{
    private readonly string? _value;

    /// <summary>Creates a type from its wire value (trimmed, upper case), e.g. <c>SALE</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TransactionType(string value) => _value = WireValue.Normalize(value);

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

    /// <summary>The wire value, e.g. <c>SALE</c>; empty when none was reported.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the types this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "SALE" or "AUTH" or "FORCED_AUTH" or "INCREMENTAL" or "POST_AUTH" or "REFUND" or "VOID";

    /// <summary>The type of a wire value; see <see cref="TransactionType(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TransactionType(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
