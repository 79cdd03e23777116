using Sunbay.Client.Transactions;

namespace Sunbay.Client;

/// <summary>How the card was read (<see cref="Transaction.EntryMode"/>). Extensible: a value this SDK does not know is kept as received.</summary>
public readonly record struct EntryMode
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form (trimmed, upper case), e.g. <c>CONTACTLESS</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public EntryMode(string value) => _value = WireValue.Normalize(value);

    /// <summary>Tapped (<c>CONTACTLESS</c>).</summary>
    public static EntryMode Contactless { get; } = new("CONTACTLESS");

    /// <summary>Chip inserted (<c>CONTACT</c>).</summary>
    public static EntryMode Contact { get; } = new("CONTACT");

    /// <summary>Magnetic stripe swiped (<c>SWIPE</c>).</summary>
    public static EntryMode Swipe { get; } = new("SWIPE");

    /// <summary>Swiped after the chip could not be read (<c>FALLBACK_SWIPE</c>).</summary>
    public static EntryMode FallbackSwipe { get; } = new("FALLBACK_SWIPE");

    /// <summary>Card number keyed in (<c>MANUAL</c>).</summary>
    public static EntryMode Manual { get; } = new("MANUAL");

    /// <summary>The wire value, e.g. <c>CONTACTLESS</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the values this SDK knows (the static properties).</summary>
    public bool IsKnown => _value is "CONTACTLESS" or "CONTACT" or "SWIPE" or "FALLBACK_SWIPE" or "MANUAL";

    /// <summary>The value of a wire value; see <see cref="EntryMode(string)"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator EntryMode(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
