namespace Sunbay.Client;

/// <summary>The answer to a tip adjustment.</summary>
public sealed class TipAdjustResult
{
    /// <summary>SUNBAY's ID of the adjusted transaction.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The <c>transactionRequestId</c> of the adjusted transaction.</summary>
    public string? OriginalTransactionRequestId { get; init; }

    /// <summary>The tip now on the transaction, in minor units.</summary>
    public long? TipAmount { get; init; }
}
