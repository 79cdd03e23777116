using Sunbay.Client.Transactions;
using Sunbay.Client.Wire;

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

    /// <summary>What kind of transaction this push starts.</summary>
    internal abstract TransactionType Type { get; }

    /// <summary>The <c>timeExpire</c> the caller asked for, if this push takes one.</summary>
    internal virtual DateTimeOffset? RequestedExpiry => null;

    /// <summary>Whether SUNBAY takes a <c>timeExpire</c> for this push (the configured default applies when none is asked).</summary>
    internal virtual bool TakesExpiry => false;

    /// <summary>The documented rules the spec cannot express (they relate fields to each other); the spec's own run on the wire body.</summary>
    internal abstract void CheckRules();

    /// <summary>The operation, and its wire body with the fields only this kind of push has; the dispatch fills in the shared ones.</summary>
    internal abstract (IWireEndpoint<TransactionDispatchResponse> Endpoint, IPushWire Body) ToWire();
}
