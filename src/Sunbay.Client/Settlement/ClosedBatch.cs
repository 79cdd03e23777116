namespace Sunbay.Client;

/// <summary>A closed (settled) batch.</summary>
public sealed class ClosedBatch : BatchTotals
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.ClosedBatch"/>.</summary>
    internal ClosedBatch()
    {
    }

    /// <summary>Batch status (<c>S</c> settled).</summary>
    public string? Status { get; internal init; }

    /// <summary>When the batch was closed.</summary>
    public DateTimeOffset? ClosedAt { get; internal init; }

    /// <summary>The terminal.</summary>
    public string? TerminalSn { get; internal init; }

    /// <summary>The processor's merchant ID (list answers only).</summary>
    public string? Mid { get; internal init; }

    /// <summary>The processor's terminal ID (list answers only).</summary>
    public string? Tid { get; internal init; }
}
