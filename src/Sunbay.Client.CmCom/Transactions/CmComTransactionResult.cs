using Sunbay.Client.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// The result of a processed CM.com transaction: <see cref="Approved"/> or <see cref="Declined"/>. Extensible: an unknown
/// value is kept as it came and never throws.
/// </summary>
public readonly record struct CmComTransactionResult
{
    private readonly string? _value;

    /// <summary>Creates a result from a wire value (any case; unknown values are kept).</summary>
    /// <param name="value">The wire value, e.g. <c>APPROVED</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CmComTransactionResult(string value) => _value = WireValue.Normalize(value);

    /// <summary>The card was charged (a purchase) or credited (a refund).</summary>
    public static CmComTransactionResult Approved { get; } = new("APPROVED");

    /// <summary>The issuer or the acquirer declined it.</summary>
    public static CmComTransactionResult Declined { get; } = new("DECLINED");

    /// <summary>The wire value, or an unknown value as received; empty when none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the results this SDK knows.</summary>
    public bool IsKnown => _value is "APPROVED" or "DECLINED";

    /// <summary>The result of a wire value; see <see cref="CmComTransactionResult(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CmComTransactionResult(string value) => new(value);

    /// <summary>The wire value, or <c>(none)</c>.</summary>
    public override string ToString() => _value ?? "(none)";
}
