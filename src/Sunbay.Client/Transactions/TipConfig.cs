namespace Sunbay.Client;

/// <summary>Tip entry settings of a sale or a capture.</summary>
public sealed record TipConfig
{
    /// <summary>
    /// Use the tip configuration set on the SUNBAY platform; when <see langword="true"/> the terminal ignores
    /// <see cref="OnScreenTip"/>, <see cref="TipMode"/>, <see cref="TipWithTax"/> and <see cref="Suggestions"/>
    /// (SUNBAY's default: false).
    /// </summary>
    public bool? UseHostConfig { get; init; }

    /// <summary>Ask for a tip on the terminal's screen.</summary>
    public bool? OnScreenTip { get; init; }

    /// <summary>When the tip is entered.</summary>
    public TipMode? TipMode { get; init; }

    /// <summary>Compute percentage tips on the amount including tax.</summary>
    public bool? TipWithTax { get; init; }

    /// <summary>The suggestions shown on the terminal (one set of up to 3 values).</summary>
    public TipSuggestion? Suggestions { get; init; }
}
