namespace Sunbay.Client;

/// <summary>
/// Aborts an unpaid transaction in progress on a terminal (the cardholder has not paid yet). The transaction must be
/// named, by <see cref="OriginalTransactionId"/> or <see cref="OriginalTransactionRequestId"/>: SUNBAY aborts exactly
/// that transaction, never "whatever the terminal shows", and a request naming neither is refused with
/// <see cref="PaymentsValidationException"/> before anything is sent.
/// </summary>
public sealed record AbortRequest : TerminalRequest
{
    /// <summary>SUNBAY's ID of the transaction to abort; wins over <see cref="OriginalTransactionRequestId"/> when both are set.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The <c>transactionRequestId</c> of the transaction to abort.</summary>
    public string? OriginalTransactionRequestId { get; init; }

    /// <summary>Reason (1 to 128 characters, not blank); "Abort" when not given.</summary>
    public string? Description { get; init; }
}
