using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// How the cardholder was verified (<see cref="Transaction.AuthenticationMethod"/>). Extensible: a value this SDK does
/// not know is kept as received.
/// </summary>
public readonly record struct AuthenticationMethod
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form (trimmed, upper case), e.g. <c>PIN</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AuthenticationMethod(string value) => _value = WireValue.Normalize(value);

    /// <summary>Online PIN (<c>PIN</c>).</summary>
    public static AuthenticationMethod Pin { get; } = new("PIN");

    /// <summary>PIN checked by the chip (<c>OFFLINE_PIN</c>).</summary>
    public static AuthenticationMethod OfflinePin { get; } = new("OFFLINE_PIN");

    /// <summary>Signature (<c>SIGNATURE</c>).</summary>
    public static AuthenticationMethod Signature { get; } = new("SIGNATURE");

    /// <summary>PIN entry bypassed (<c>BY_PASS</c>).</summary>
    public static AuthenticationMethod PinBypass { get; } = new("BY_PASS");

    /// <summary>No cardholder verification, e.g. a small contactless payment (<c>NOT_AUTHENTICATED</c>).</summary>
    public static AuthenticationMethod None { get; } = new("NOT_AUTHENTICATED");

    /// <summary>The wire value, e.g. <c>PIN</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the values this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "PIN" or "OFFLINE_PIN" or "SIGNATURE" or "BY_PASS" or "NOT_AUTHENTICATED";

    /// <summary>The value of a wire value; see <see cref="AuthenticationMethod(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator AuthenticationMethod(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
