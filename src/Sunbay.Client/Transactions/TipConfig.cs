namespace Sunbay.Client;

/// <summary>Tip entry settings of a sale or a capture.</summary>
public sealed record TipConfig
{
    /// <summary>Ask for a tip on the terminal's screen.</summary>
    public bool? OnScreenTip { get; init; }

    /// <summary>When the tip is entered.</summary>
    public TipMode? TipMode { get; init; }

    /// <summary>Compute percentage tips on the amount including tax.</summary>
    public bool? TipWithTax { get; init; }

    /// <summary>Suggestion rows (at most 3).</summary>
    public IReadOnlyList<TipSuggestion>? Suggestions { get; init; }
}
