namespace Sunbay.Client;

/// <summary>A transaction pushed to a terminal; its result comes later, by webhook or query.</summary>
public abstract record PushRequest : TerminalRequest
{
    /// <summary>
    /// Idempotency key (at most 32 of <c>A-Z a-z 0-9 _ -</c>). Generated when not given. Store it before calling: it is
    /// how you find the transaction again after a crash or a network failure, and re-sending with the same key can never
    /// create a second transaction.
    /// </summary>
    public string? TransactionRequestId { get; init; }

    /// <summary>
    /// Webhook URL for the result; <see langword="null"/> for <see cref="SunbayClientOptions.NotifyUrl"/>. An absolute
    /// https URL of at most 200 characters (plain http only to a loopback address); blank is an error.
    /// </summary>
    public string? NotifyUrl { get; init; }

    /// <summary>
    /// URL for real-time terminal events (card read, PIN entry, printing...); only when the transaction is pushed to the
    /// terminal. The same rules as <see cref="NotifyUrl"/>.
    /// </summary>
    public string? TerminalEventNotifyUrl { get; init; }

    /// <summary>Which receipts the terminal prints.</summary>
    public PrintReceipt? PrintReceipt { get; init; }
}
