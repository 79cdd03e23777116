using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>
/// Status of a transaction. SUNBAY sends single letters (<c>I</c>, <c>P</c>, <c>S</c>, <c>F</c>, <c>C</c>) and, in some
/// places, long names (<c>SUCCESS</c>, ...); both make the same value. Extensible: a value this SDK does not know is kept
/// as it came and never throws, so a new server status cannot break a running integration.
/// </summary>
public readonly record struct TransactionStatus
{
    private readonly string? _value;

    /// <summary>Creates a status from a wire value: a letter or a long name, in any case; unknown values are kept.</summary>
    /// <param name="value">The wire value, e.g. <c>S</c> or <c>SUCCESS</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TransactionStatus(string value) => _value = WireValue.Normalize(value) switch
    {
        "I" or "INITIAL" or "INIT" => "I",
        "P" or "PROCESSING" or "PENDING" => "P",
        "S" or "SUCCESS" or "SUCCEEDED" => "S",
        "F" or "FAIL" or "FAILED" or "FAILURE" => "F",
        "C" or "CLOSED" or "CLOSE" => "C",
        var other => other,
    };

    /// <summary>Created, not yet sent to the card network.</summary>
    public static TransactionStatus Initial { get; } = new("I");

    /// <summary>In progress: waiting for the cardholder or for the card network.</summary>
    public static TransactionStatus Processing { get; } = new("P");

    /// <summary>Final: approved.</summary>
    public static TransactionStatus Success { get; } = new("S");

    /// <summary>Final: declined or failed; see <see cref="Transaction.ResultCode"/> and <see cref="Transaction.ResultMessage"/>.</summary>
    public static TransactionStatus Fail { get; } = new("F");

    /// <summary>Final: closed without payment (expired after <c>timeExpire</c>, or aborted).</summary>
    public static TransactionStatus Closed { get; } = new("C");

    /// <summary>The wire value: <c>I</c>, <c>P</c>, <c>S</c>, <c>F</c>, <c>C</c>, or an unknown value as received; empty when none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the status is final (<see cref="Success"/>, <see cref="Fail"/> or <see cref="Closed"/>): it will not change any more.</summary>
    public bool IsFinal => _value is "S" or "F" or "C";

    /// <summary>Whether this is one of the statuses this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "I" or "P" or "S" or "F" or "C";

    /// <summary>Reads a wire value that may be absent: <see langword="null"/> or blank is the default (no status); never throws.</summary>
    /// <param name="value">The value received from SUNBAY.</param>
    public static TransactionStatus Parse(string? value) => value is null ? default : new(value);

    /// <summary>The status of a wire value; see <see cref="TransactionStatus(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TransactionStatus(string value) => new(value);

    /// <summary>The readable name (<c>Success</c>, <c>Fail</c>, ...) rather than the letter, or the raw value when unknown.</summary>
    public override string ToString() => _value switch
    {
        null => "(none)",
        "I" => nameof(Initial),
        "P" => nameof(Processing),
        "S" => nameof(Success),
        "F" => nameof(Fail),
        "C" => nameof(Closed),
        var other => other,
    };
}
