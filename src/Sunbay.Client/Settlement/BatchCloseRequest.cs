namespace Sunbay.Client;

/// <summary>
/// Closes (settles) a terminal's current batch. Irreversible. Without a <see cref="ChannelCode"/> every open channel of
/// the terminal is closed, one call each, as SUNBAY's own demos do.
/// </summary>
public sealed record BatchCloseRequest : TerminalRequest
{
    /// <summary>The channel to close (from an <see cref="OpenBatch"/>'s <see cref="BatchTotals.ChannelCode"/>); every open channel when <see langword="null"/>.</summary>
    public string? ChannelCode { get; init; }

    /// <summary>Idempotency key (at most 32 of <c>A-Z a-z 0-9 _ -</c>); generated when not given. With several channels each call uses <c>{key}_{n}</c>.</summary>
    public string? TransactionRequestId { get; init; }

    /// <summary>Description (1 to 128 characters, not blank); "Batch close" when not given.</summary>
    public string? Description { get; init; }

    /// <summary>Settlement receipt printing; SUNBAY's platform setting when <see langword="null"/>.</summary>
    public BatchPrintReceipt? PrintReceipt { get; init; }
}
