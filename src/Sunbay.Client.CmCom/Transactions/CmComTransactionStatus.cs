using Sunbay.Client.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>
/// Status of a CM.com transaction: <see cref="Created"/> → <see cref="Authorized"/> → <see cref="Cleared"/>, or
/// <see cref="Cancelled"/> when declined or cancelled. Extensible: a value this SDK does not know is kept as it came and
/// never throws, so a new server status cannot break a running integration.
/// </summary>
public readonly record struct CmComTransactionStatus
{
    private readonly string? _value;

    /// <summary>Creates a status from a wire value (any case; unknown values are kept).</summary>
    /// <param name="value">The wire value, e.g. <c>CLEARED</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CmComTransactionStatus(string value) => _value = WireValue.Normalize(value);

    /// <summary>Waiting for the terminal to pick it up, or for authorisation.</summary>
    public static CmComTransactionStatus Created { get; } = new("CREATED");

    /// <summary>
    /// "Authorized by the Acquirer and awaiting clearance": with result <c>APPROVED</c> the payment is approved (its
    /// outcome is known), but the status is not final; clearing may take hours.
    /// </summary>
    public static CmComTransactionStatus Authorized { get; } = new("AUTHORIZED");

    /// <summary>Final: done, will be settled.</summary>
    public static CmComTransactionStatus Cleared { get; } = new("CLEARED");

    /// <summary>
    /// Final: "cancelled and is completed unsuccessfully": no payment, whatever the result (declined, cancelled by the
    /// cardholder or the merchant, replaced by a newer transaction on the terminal, or cancelled after authorisation).
    /// </summary>
    public static CmComTransactionStatus Cancelled { get; } = new("CANCELLED");

    /// <summary>The wire value, e.g. <c>CLEARED</c>, or an unknown value as received; empty when none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the status is final (<see cref="Cleared"/> or <see cref="Cancelled"/>): it will not change any more.</summary>
    public bool IsFinal => _value is "CLEARED" or "CANCELLED";

    /// <summary>Whether this is one of the statuses this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "CREATED" or "AUTHORIZED" or "CLEARED" or "CANCELLED";

    /// <summary>Reads a wire value that may be absent: <see langword="null"/> or blank is the default (no status); never throws.</summary>
    /// <param name="value">The value received from CM.com.</param>
    public static CmComTransactionStatus Parse(string? value) => value is null ? default : new(value);

    /// <summary>The status of a wire value; see <see cref="CmComTransactionStatus(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CmComTransactionStatus(string value) => new(value);

    /// <summary>The wire value, or <c>(none)</c>.</summary>
    public override string ToString() => _value ?? "(none)";
}
