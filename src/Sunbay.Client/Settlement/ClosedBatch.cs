namespace Sunbay.Client;

/// <summary>A closed (settled) batch.</summary>
public sealed class ClosedBatch
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.ClosedBatch"/>.</summary>
    internal ClosedBatch()
    {
    }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get; internal init; }

    /// <summary>Batch status (<c>S</c> settled).</summary>
    public string? Status { get; internal init; }

    /// <summary>When the batch was closed.</summary>
    public DateTimeOffset? ClosedAt { get; internal init; }

    /// <summary>The terminal.</summary>
    public string? TerminalSn { get; internal init; }

    /// <summary>The processing channel.</summary>
    public string? ChannelCode { get; internal init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; internal init; }

    /// <summary>Number of transactions.</summary>
    public int? TransactionCount { get; internal init; }

    /// <summary>Net amount in minor units.</summary>
    public long? NetAmount { get; internal init; }

    /// <summary>Tips in minor units (close answers only).</summary>
    public long? TipAmount { get; internal init; }

    /// <summary>Surcharges in minor units (close answers only).</summary>
    public long? SurchargeAmount { get; internal init; }

    /// <summary>Taxes in minor units (close answers only).</summary>
    public long? TaxAmount { get; internal init; }

    /// <summary>The processor's merchant ID (list answers only).</summary>
    public string? Mid { get; internal init; }

    /// <summary>The processor's terminal ID (list answers only).</summary>
    public string? Tid { get; internal init; }
}
