namespace Sunbay.Client;

/// <summary>
/// Aborts an unpaid transaction in progress on a terminal (the cardholder has not paid yet). Naming no original aborts
/// whatever the terminal is showing.
/// </summary>
public sealed record AbortRequest : TerminalRequest
{
    /// <summary>SUNBAY's ID of the transaction to abort.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The <c>transactionRequestId</c> of the transaction to abort.</summary>
    public string? OriginalTransactionRequestId { get; init; }

    /// <summary>Reason (at most 128 characters).</summary>
    public string? Description { get; init; }
}
