namespace Sunbay.Client;

/// <summary>
/// Status of a transaction. SUNBAY sends single letters (<c>I</c>, <c>P</c>, <c>S</c>, <c>F</c>, <c>C</c>) and, in some
/// places, long names (<c>SUCCESS</c>, ...); both parse to the same value. A value this SDK does not know is kept as it
/// came and never throws, so a new server status cannot break a running integration.
/// </summary>
public readonly struct TransactionStatus : IEquatable<TransactionStatus>
{
    private readonly string? _code;

    private TransactionStatus(string code) => _code = code;

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

    /// <summary>The wire code: <c>I</c>, <c>P</c>, <c>S</c>, <c>F</c>, <c>C</c>, or an unknown value as received.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Whether the status is final (<see cref="Success"/>, <see cref="Fail"/> or <see cref="Closed"/>): it will not change any more.</summary>
    public bool IsFinal => _code is "S" or "F" or "C";

    /// <summary>Whether this is a status this SDK knows.</summary>
    public bool IsKnown => _code is "I" or "P" or "S" or "F" or "C";

    /// <summary>Parses a wire value: a letter or a long name, in any case. Unknown values are kept; never throws.</summary>
    /// <param name="value">The value received from SUNBAY.</param>
    public static TransactionStatus Parse(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return default;
        }

        return trimmed.ToUpperInvariant() switch
        {
            "I" or "INITIAL" or "INIT" => Initial,
            "P" or "PROCESSING" or "PENDING" => Processing,
            "S" or "SUCCESS" or "SUCCEEDED" => Success,
            "F" or "FAIL" or "FAILED" or "FAILURE" => Fail,
            "C" or "CLOSED" or "CLOSE" => Closed,
            var other => new TransactionStatus(other),
        };
    }

    /// <inheritdoc/>
    public bool Equals(TransactionStatus other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransactionStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>The readable name (<c>Success</c>, <c>Fail</c>, ...), or the raw value when unknown.</summary>
    public override string ToString() => _code switch
    {
        null => "(none)",
        "I" => nameof(Initial),
        "P" => nameof(Processing),
        "S" => nameof(Success),
        "F" => nameof(Fail),
        "C" => nameof(Closed),
        var other => other,
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(TransactionStatus left, TransactionStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TransactionStatus left, TransactionStatus right) => !left.Equals(right);
}
