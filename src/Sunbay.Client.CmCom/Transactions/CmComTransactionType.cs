using Sunbay.Client.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// The kind of a CM.com transaction: <see cref="Purchase"/> or <see cref="Refund"/> (pre-authorisations exist in CM.com's
/// ecosystem but are not described). Extensible: an unknown value is kept as it came and never throws.
/// </summary>
public readonly record struct CmComTransactionType
{
    private readonly string? _value;

    /// <summary>Creates a type from a wire value (any case; unknown values are kept).</summary>
    /// <param name="value">The wire value, e.g. <c>PURCHASE</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CmComTransactionType(string value) => _value = WireValue.Normalize(value);

    /// <summary>A payment by the cardholder.</summary>
    public static CmComTransactionType Purchase { get; } = new("PURCHASE");

    /// <summary>Money back to the cardholder, referenced to a purchase or not.</summary>
    public static CmComTransactionType Refund { get; } = new("REFUND");

    /// <summary>The wire value, or an unknown value as received; empty when none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The type of a wire value; see <see cref="CmComTransactionType(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CmComTransactionType(string value) => new(value);

    /// <summary>The wire value, or <c>(none)</c>.</summary>
    public override string ToString() => _value ?? "(none)";
}
