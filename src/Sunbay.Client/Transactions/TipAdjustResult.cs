namespace Sunbay.Client;

/// <summary>The answer to a tip adjustment.</summary>
public sealed class TipAdjustResult
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.TipAdjustResult"/>.</summary>
    internal TipAdjustResult()
    {
    }

    /// <summary>SUNBAY's ID of the adjusted transaction.</summary>
    public string? OriginalTransactionId { get; internal init; }

    /// <summary>The <c>transactionRequestId</c> of the adjusted transaction.</summary>
    public string? OriginalTransactionRequestId { get; internal init; }

    /// <summary>The tip now on the transaction, in minor units.</summary>
    public long? TipAmount { get; internal init; }
}
