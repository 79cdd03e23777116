namespace Sunbay.Client;

/// <summary>One row of tip suggestions shown on the terminal.</summary>
public sealed record TipSuggestion
{
    /// <summary>Labels of the suggestions (at most 3, as many as <see cref="Values"/>).</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Whether <see cref="Values"/> are percentages or amounts.</summary>
    public required FeeMode FeeMode { get; init; }

    /// <summary>The suggested values (1 to 3): percentages for <see cref="FeeMode.Rate"/>, minor units for <see cref="FeeMode.Amount"/>.</summary>
    public required IReadOnlyList<double> Values { get; init; }
}
