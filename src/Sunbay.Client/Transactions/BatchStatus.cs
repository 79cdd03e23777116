using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// Where a transaction stands in settlement (<see cref="Transaction.BatchStatus"/>). SUNBAY sends single letters:
/// <c>N</c>, <c>U</c>, <c>C</c>. Extensible: a value this SDK does not know is kept as received.
/// </summary>
public readonly record struct BatchStatus
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form (trimmed, upper case), e.g. <c>U</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BatchStatus(string value) => _value = WireValue.Normalize(value);

    /// <summary>Needs no batch close (<c>N</c>).</summary>
    public static BatchStatus NotRequired { get; } = new("N");

    /// <summary>In the terminal's open batch, awaiting batch close (<c>U</c>); see <see cref="OpenBatch"/>.</summary>
    public static BatchStatus Open { get; } = new("U");

    /// <summary>Its batch was closed: settled (<c>C</c>); see <see cref="ClosedBatch"/>.</summary>
    public static BatchStatus Closed { get; } = new("C");

    /// <summary>The wire value: <c>N</c>, <c>U</c>, <c>C</c>, or an unknown value as received.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the values this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "N" or "U" or "C";

    /// <summary>The value of a wire value; see <see cref="BatchStatus(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator BatchStatus(string value) => new(value);

    /// <summary>The readable name (<c>Open</c>, ...) rather than the letter, or the raw value when unknown.</summary>
    public override string ToString() => _value switch
    {
        "N" => nameof(NotRequired),
        "U" => nameof(Open),
        "C" => nameof(Closed),
        var other => other ?? string.Empty,
    };
}
