namespace Sunbay.Client;

/// <summary>The totals of a batch for one channel and currency, open (<see cref="OpenBatch"/>) or closed (<see cref="ClosedBatch"/>).</summary>
public abstract class BatchTotals
{
    /// <summary>Only the SDK's own batches derive from it.</summary>
    private protected BatchTotals()
    {
    }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get; internal init; }

    /// <summary>The processing channel; an open batch's is what <see cref="BatchCloseRequest.ChannelCode"/> takes.</summary>
    public string? ChannelCode { get; internal init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; internal init; }

    /// <summary>Number of transactions.</summary>
    public int? TransactionCount { get; internal init; }

    /// <summary>Net amount in minor units.</summary>
    public long? NetAmount { get; internal init; }

    /// <summary>Tips in minor units (of a closed batch, in close answers only).</summary>
    public long? TipAmount { get; internal init; }

    /// <summary>Surcharges in minor units (of a closed batch, in close answers only).</summary>
    public long? SurchargeAmount { get; internal init; }

    /// <summary>Taxes in minor units (of a closed batch, in close answers only).</summary>
    public long? TaxAmount { get; internal init; }
}
