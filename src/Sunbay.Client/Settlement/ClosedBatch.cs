namespace Sunbay.Client;

/// <summary>A closed (settled) batch.</summary>
public sealed class ClosedBatch
{
    /// <summary>Batch number.</summary>
    public string? BatchNo { get; init; }

    /// <summary>Batch status (<c>S</c> settled).</summary>
    public string? Status { get; init; }

    /// <summary>When the batch was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The terminal.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>The processing channel.</summary>
    public string? ChannelCode { get; init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; init; }

    /// <summary>Number of transactions.</summary>
    public int? TransactionCount { get; init; }

    /// <summary>Net amount in minor units.</summary>
    public long? NetAmount { get; init; }

    /// <summary>Tips in minor units (close answers only).</summary>
    public long? TipAmount { get; init; }

    /// <summary>Surcharges in minor units (close answers only).</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Taxes in minor units (close answers only).</summary>
    public long? TaxAmount { get; init; }

    /// <summary>The processor's merchant ID (list answers only).</summary>
    public string? Mid { get; init; }

    /// <summary>The processor's terminal ID (list answers only).</summary>
    public string? Tid { get; init; }
}
