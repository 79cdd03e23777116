namespace Sunbay.Client.Testing;

/// <summary>
/// A transaction as a <see cref="FakeCmComHost"/> holds it: for assertions on what really happened on the "CM.com"
/// side. The host changes it as the terminal progresses; read it after the step you assert on.
/// </summary>
public sealed class FakeCmComTransaction
{
    internal FakeCmComTransaction(string id, FakeCmComTerminal terminal, string type, string merchantOrderReference, decimal amount, string currency, DateTimeOffset createdAt)
    {
        Id = id;
        Terminal = terminal;
        Type = type;
        MerchantOrderReference = merchantOrderReference;
        Amount = amount;
        Currency = currency;
        CreatedAt = createdAt;
    }

    /// <summary>The transaction's <c>id</c> (a UUID).</summary>
    public string Id { get; }

    /// <summary>The terminal it was posted to.</summary>
    public FakeCmComTerminal Terminal { get; }

    /// <summary><c>PURCHASE</c> or <c>REFUND</c>.</summary>
    public string Type { get; }

    /// <summary>The merchant's <c>merchant_order_reference</c>.</summary>
    public string MerchantOrderReference { get; }

    /// <summary>The amount in major units, exactly as posted.</summary>
    public decimal Amount { get; }

    /// <summary>ISO 4217 currency.</summary>
    public string Currency { get; }

    /// <summary>For a referenced refund: the purchase's <c>id</c>.</summary>
    public string? ReferenceId { get; internal init; }

    /// <summary>When it was posted (<c>creation_datetime</c>, host clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>CREATED</c>, then <c>AUTHORIZED</c> and <c>CLEARED</c>, or <c>CANCELLED</c>.</summary>
    public string Status { get; internal set; } = "CREATED";

    /// <summary>Whether the status is final: <c>CLEARED</c> or <c>CANCELLED</c>.</summary>
    public bool IsFinal => Status is "CLEARED" or "CANCELLED";

    /// <summary><c>APPROVED</c> or <c>DECLINED</c> once the acquirer answered; null before, and for a transaction cancelled before any card.</summary>
    public string? Result { get; internal set; }

    /// <summary>Why it was cancelled (aborted by a newer transaction, cancelled by the merchant or the cardholder, declined); null otherwise.</summary>
    public string? CancelReason { get; internal set; }

    /// <summary>When the terminal picked it up (host clock); null while it waits.</summary>
    public DateTimeOffset? PickedUpAt { get; internal set; }

    /// <summary>When the card was presented (host clock): from then on a cancel is refused with 409.</summary>
    public DateTimeOffset? CardPresentedAt { get; internal set; }

    /// <summary>When the acquirer answered (<c>transaction_datetime</c>, host clock); null before.</summary>
    public DateTimeOffset? ProcessedAt { get; internal set; }

    /// <summary>The <c>system_trace_audit_number</c> once processed.</summary>
    public string? SystemTraceAuditNumber { get; internal set; }

    /// <summary>The card <c>brand</c> once processed.</summary>
    public string? Brand { get; internal set; }

    /// <summary>The plain-text EFT <c>receipt</c> once processed.</summary>
    public string? Receipt { get; internal set; }

    /// <summary>The scripted outcome taken at pick-up, if any.</summary>
    internal FakeCardResult? Script { get; set; }

    /// <summary>The one pending step (pick-up is the terminal's): card, authorisation or clearing.</summary>
    internal ITimer? Step { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Id} {Amount} {Currency} {Status}{(Result is null ? string.Empty : " " + Result)}";
}
