using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// What later happened to a transaction (<see cref="Transaction.RelatedTransactionStatus"/>): refunded in part or in full,
/// voided, captured, incremented. Extensible: a value this SDK does not know is kept as received.
/// </summary>
public readonly record struct RelatedTransactionStatus
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form (trimmed, upper case), e.g. <c>REFUNDED</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RelatedTransactionStatus(string value) => _value = WireValue.Normalize(value);

    /// <summary>Refunded in part (<c>PART_REFUNDED</c>): less than its order amount is refundable.</summary>
    public static RelatedTransactionStatus PartiallyRefunded { get; } = new("PART_REFUNDED");

    /// <summary>Refunded in full (<c>REFUNDED</c>): nothing is refundable.</summary>
    public static RelatedTransactionStatus Refunded { get; } = new("REFUNDED");

    /// <summary>Voided (<c>VOIDED</c>).</summary>
    public static RelatedTransactionStatus Voided { get; } = new("VOIDED");

    /// <summary>A pre-authorisation that was captured (<c>CAPTURE</c>).</summary>
    public static RelatedTransactionStatus Captured { get; } = new("CAPTURE");

    /// <summary>A pre-authorisation that was raised by an incremental authorisation (<c>INCREMENTAL</c>).</summary>
    public static RelatedTransactionStatus Incremented { get; } = new("INCREMENTAL");

    /// <summary>The wire value, e.g. <c>REFUNDED</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the values this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "PART_REFUNDED" or "REFUNDED" or "VOIDED" or "CAPTURE" or "INCREMENTAL";

    /// <summary>The value of a wire value; see <see cref="RelatedTransactionStatus(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator RelatedTransactionStatus(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
