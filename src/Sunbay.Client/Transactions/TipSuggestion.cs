namespace Sunbay.Client;

/// <summary>The tip suggestions shown on the terminal: up to 3 values, with optional labels.</summary>
public sealed record TipSuggestion
{
    /// <summary>Labels of the suggestions (at most 3); when given, as many as <see cref="Values"/>.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Whether <see cref="Values"/> are percentages or amounts.</summary>
    public required FeeMode FeeMode { get; init; }

    /// <summary>
    /// The suggested values (1 to 3, each a finite number of at least 0): percentages for <see cref="FeeMode.Rate"/>,
    /// minor units for <see cref="FeeMode.Amount"/>.
    /// </summary>
    public required IReadOnlyList<double> Values { get; init; }
}
