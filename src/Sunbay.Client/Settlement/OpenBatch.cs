namespace Sunbay.Client;

/// <summary>Totals of a terminal's current (open) batch for one channel and currency.</summary>
public sealed class OpenBatch : BatchTotals
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.OpenBatch"/>.</summary>
    internal OpenBatch()
    {
    }

    /// <summary>When the batch opened (SUNBAY's <c>startTime</c>).</summary>
    public DateTimeOffset? OpenedAt { get; internal init; }
}
