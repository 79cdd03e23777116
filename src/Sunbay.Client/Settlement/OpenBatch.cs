namespace Sunbay.Client;

/// <summary>Totals of a terminal's current (open) batch for one channel and currency.</summary>
public sealed class OpenBatch
{
    /// <summary>Batch number.</summary>
    public string? BatchNo { get; init; }

    /// <summary>When the batch opened.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The processing channel; pass it to <see cref="BatchCloseRequest.ChannelCode"/>.</summary>
    public string? ChannelCode { get; init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; init; }

    /// <summary>Number of transactions.</summary>
    public int? TotalCount { get; init; }

    /// <summary>Net amount in minor units.</summary>
    public long? NetAmount { get; init; }

    /// <summary>Tips in minor units.</summary>
    public long? TipAmount { get; init; }

    /// <summary>Surcharges in minor units.</summary>
    public long? SurchargeAmount { get; init; }

    /// <summary>Taxes in minor units.</summary>
    public long? TaxAmount { get; init; }
}
