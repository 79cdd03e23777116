namespace Sunbay.Client;

/// <summary>Totals of a terminal's current (open) batch for one channel and currency.</summary>
public sealed class OpenBatch
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.OpenBatch"/>.</summary>
    internal OpenBatch()
    {
    }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get; internal init; }

    /// <summary>When the batch opened (SUNBAY's <c>startTime</c>).</summary>
    public DateTimeOffset? OpenedAt { get; internal init; }

    /// <summary>The processing channel; pass it to <see cref="BatchCloseRequest.ChannelCode"/>.</summary>
    public string? ChannelCode { get; internal init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; internal init; }

    /// <summary>Number of transactions (SUNBAY's <c>totalCount</c>).</summary>
    public int? TransactionCount { get; internal init; }

    /// <summary>Net amount in minor units.</summary>
    public long? NetAmount { get; internal init; }

    /// <summary>Tips in minor units.</summary>
    public long? TipAmount { get; internal init; }

    /// <summary>Surcharges in minor units.</summary>
    public long? SurchargeAmount { get; internal init; }

    /// <summary>Taxes in minor units.</summary>
    public long? TaxAmount { get; internal init; }
}
