namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// One card payment or refund in the journal: what was asked (kind, amount, merchant reference, terminal), where it
/// stands, and how it ended. No card data and no secrets: amounts, references and the provider's IDs only.
/// </summary>
public sealed record PaymentJournalEntry
{
    /// <summary>The start's idempotency key (the caller's, or the one generated for it); the journal's key.</summary>
    public required string Key { get; init; }

    /// <summary>The provider that serves it, as <see cref="ICardPayments.Provider"/> says: <c>sunbay</c>, <c>cm</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Payment or refund.</summary>
    public required CardPaymentKind Kind { get; init; }

    /// <summary>The amount asked for, with its currency.</summary>
    public required Money Amount { get; init; }

    /// <summary>The merchant's reference of the order or refund.</summary>
    public required string MerchantReference { get; init; }

    /// <summary>The terminal asked for; <see langword="null"/> for the provider's configured one.</summary>
    public string? Terminal { get; init; }

    /// <summary>The refunded payment's provider transaction ID, for a referenced refund.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>Where it stands.</summary>
    public required PaymentJournalState State { get; init; }

    /// <summary>The operation's <see cref="CardPaymentOperation.Id"/> once the provider has it; resumes it after a restart.</summary>
    public string? OperationId { get; init; }

    /// <summary>When it was opened, before the request left.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The final outcome, once known (<see cref="PaymentJournalState.Resolved"/>).</summary>
    public CardPaymentOutcome? Outcome { get; init; }

    /// <summary>Whether the outcome was delivered and the entry closed.</summary>
    public bool Closed { get; init; }

    /// <summary>Key, provider, kind, amount and state.</summary>
    public override string ToString() => $"{Provider} {Kind} {Key}: {Amount}, {State}{(Closed ? " (closed)" : string.Empty)}";
}
