namespace Sunbay.Client.Testing;

/// <summary>
/// A transaction as the fake holds it: for assertions on what really happened on the "SUNBAY" side (status, amounts,
/// refunds, batch). The host changes it as the transaction progresses; read it after the step you assert on.
/// </summary>
public sealed class FakeTransaction
{
    internal FakeTransaction(string transactionId, string transactionRequestId, string type, string terminalSn, string currency, DateTimeOffset createdAt)
    {
        TransactionId = transactionId;
        TransactionRequestId = transactionRequestId;
        Type = type;
        TerminalSn = terminalSn;
        Currency = currency;
        CreatedAt = createdAt;
    }

    /// <summary>SUNBAY's transaction ID, a 16-digit numeric string.</summary>
    public string TransactionId { get; }

    /// <summary>The idempotency key it was created with.</summary>
    public string TransactionRequestId { get; }

    /// <summary><c>SALE</c>, <c>AUTH</c>, <c>FORCED_AUTH</c>, <c>INCREMENTAL</c>, <c>POST_AUTH</c>, <c>REFUND</c> or <c>VOID</c>.</summary>
    public string Type { get; }

    /// <summary>Serial number of the terminal.</summary>
    public string TerminalSn { get; }

    /// <summary>ISO 4217 currency.</summary>
    public string Currency { get; }

    /// <summary>When it was created (host clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Status letter: <c>P</c> while on the terminal, then <c>S</c>, <c>F</c> or <c>C</c>.</summary>
    public string Status { get; internal set; } = "P";

    /// <summary>Whether the status is final (S, F or C).</summary>
    public bool IsFinal => Status is "S" or "F" or "C";

    /// <summary>The merchant's order number, if any.</summary>
    public string? ReferenceOrderId { get; internal set; }

    /// <summary>For refund, void, incremental and post-auth: the original transaction's ID.</summary>
    public string? OriginalTransactionId { get; internal set; }

    /// <summary>For refund, void, incremental and post-auth: the original transaction's <c>transactionRequestId</c>.</summary>
    public string? OriginalTransactionRequestId { get; internal set; }

    /// <summary>Order amount in minor units (for an AUTH, raised by successful incremental authorisations).</summary>
    public long OrderAmount { get; internal set; }

    /// <summary>Tip in minor units (changed by tip adjust).</summary>
    public long TipAmount { get; internal set; }

    /// <summary>Tax in minor units (informational: included in <see cref="OrderAmount"/>).</summary>
    public long TaxAmount { get; internal set; }

    /// <summary>Surcharge in minor units.</summary>
    public long SurchargeAmount { get; internal set; }

    /// <summary>Cash back in minor units.</summary>
    public long CashbackAmount { get; internal set; }

    /// <summary>
    /// Total processed (<c>transAmount</c>): <see cref="OrderAmount"/> + <see cref="TipAmount"/> +
    /// <see cref="SurchargeAmount"/> + <see cref="CashbackAmount"/> (tax is part of the order amount).
    /// </summary>
    public long TransAmount => OrderAmount + TipAmount + SurchargeAmount + CashbackAmount;

    /// <summary>
    /// Sum of the order amounts (<c>orderAmount</c>) of the successful refunds of this transaction. The refund limit
    /// compares it, with the refunds in progress, to <see cref="OrderAmount"/>: SUNBAY documents the limit on that field only.
    /// </summary>
    public long RefundedAmount { get; internal set; }

    /// <summary><c>VOIDED</c>, <c>INCREMENTAL</c>, <c>REFUNDED</c>, <c>CAPTURE</c>, <c>PART_REFUNDED</c> or <see langword="null"/>.</summary>
    public string? RelatedTransactionStatus { get; internal set; }

    /// <summary>Batch status: <c>N</c> (not in a batch), <c>U</c> (open batch) or <c>C</c> (batch closed).</summary>
    public string BatchStatus { get; internal set; } = "N";

    /// <summary>Batch number, once the transaction succeeded.</summary>
    public string? BatchNo { get; internal set; }

    /// <summary>Channel response code (<c>000</c> approved).</summary>
    public string? ResultCode { get; internal set; }

    /// <summary>Channel response message.</summary>
    public string? ResultMessage { get; internal set; }

    /// <summary>Authorisation code of an approval.</summary>
    public string? AuthCode { get; internal set; }

    /// <summary>Masked card number (first 6 + <c>****</c> + last 4) once a card was read.</summary>
    public string? MaskedPan { get; internal set; }

    /// <summary>When it reached its final status.</summary>
    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>When an unpaid transaction closes (<c>timeExpire</c>, default one day after creation).</summary>
    public DateTimeOffset ExpiresAt { get; internal set; }

    /// <summary>Whether it was shown on the terminal (false for <c>pushToTerminal=false</c> operations, which complete at once).</summary>
    public bool PushedToTerminal { get; internal set; }

    /// <summary>The webhook URL, if any.</summary>
    public string? NotifyUrl { get; internal set; }

    /// <summary>Free data echoed back.</summary>
    public string? Attach { get; internal set; }

    /// <summary>Description.</summary>
    public string? Description { get; internal set; }

    internal string? Stan { get; set; }

    internal string? Rrn { get; set; }

    internal string? VoucherNo { get; set; }

    internal FakeCardResult? Script { get; set; }

    internal FakeTransaction? Original { get; set; }

    internal long PendingRefunds { get; set; }

    internal bool PendingVoid { get; set; }

    internal bool PendingCapture { get; set; }

    internal bool CardRead { get; set; }

    internal ITimer? CardTimer { get; set; }

    internal ITimer? ExpiryTimer { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {TransactionId} ({TransactionRequestId}) {Status} {TransAmount} {Currency}";
}
