namespace Sunbay.Client;

/// <summary>Sets the tip of a successful transaction. Processed by SUNBAY at once, not on the terminal.</summary>
public sealed record TipAdjustRequest : TerminalRequest
{
    /// <summary>SUNBAY's ID of the transaction.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The <c>transactionRequestId</c> of the transaction.</summary>
    public string? OriginalTransactionRequestId { get; init; }

    /// <summary>The new total tip, in minor units (replaces any earlier tip).</summary>
    public required long TipAmount { get; init; }
}
