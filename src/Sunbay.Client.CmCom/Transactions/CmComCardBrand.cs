using Sunbay.Client.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// The card brand of a processed CM.com transaction, e.g. <see cref="VPay"/>. Extensible: CM.com names only
/// <c>V_PAY</c> in its guide, so any other value is kept as it came and never throws.
/// </summary>
public readonly record struct CmComCardBrand
{
    private readonly string? _value;

    /// <summary>Creates a brand from a wire value (any case; unknown values are kept).</summary>
    /// <param name="value">The wire value, e.g. <c>V_PAY</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CmComCardBrand(string value) => _value = WireValue.Normalize(value);

    /// <summary>V PAY (the brand in CM.com's guide).</summary>
    public static CmComCardBrand VPay { get; } = new("V_PAY");

    /// <summary>Visa.</summary>
    public static CmComCardBrand Visa { get; } = new("VISA");

    /// <summary>Mastercard.</summary>
    public static CmComCardBrand Mastercard { get; } = new("MASTERCARD");

    /// <summary>Maestro.</summary>
    public static CmComCardBrand Maestro { get; } = new("MAESTRO");

    /// <summary>American Express.</summary>
    public static CmComCardBrand Amex { get; } = new("AMEX");

    /// <summary>The wire value, or an unknown value as received; empty when none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The brand of a wire value; see <see cref="CmComCardBrand(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CmComCardBrand(string value) => new(value);

    /// <summary>The wire value, or <c>(none)</c>.</summary>
    public override string ToString() => _value ?? "(none)";
}
