namespace Sunbay.Client;

/// <summary>A push that applies to an earlier transaction, named by SUNBAY's ID or by its <c>transactionRequestId</c>.</summary>
public abstract record OriginalTransactionRequest : PushRequest
{
    /// <summary>SUNBAY's ID of the original transaction; wins over <see cref="OriginalTransactionRequestId"/> when both are set.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The <c>transactionRequestId</c> of the original transaction.</summary>
    public string? OriginalTransactionRequestId { get; init; }

    /// <summary>
    /// Description shown on the terminal (1 to 128 characters, not blank). When not given the client sends the
    /// operation's name ("Refund", "Void", "Incremental auth" or "Capture"): some SUNBAY sources require the field.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>Whether the transaction is shown on the terminal (SUNBAY's default: true).</summary>
    public bool? PushToTerminal { get; init; }

    /// <summary>Whether an original transaction is named.</summary>
    public bool IsReferenced => !string.IsNullOrEmpty(OriginalTransactionId) || !string.IsNullOrEmpty(OriginalTransactionRequestId);
}
