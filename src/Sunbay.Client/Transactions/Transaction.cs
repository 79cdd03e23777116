namespace Sunbay.Client;

/// <summary>
/// A transaction as SUNBAY reports it (query result or webhook). A decline is not an exception: it is a transaction
/// with <see cref="Status"/> <see cref="TransactionStatus.Fail"/>, a <see cref="ResultCode"/> and a <see cref="ResultMessage"/>.
/// </summary>
/// <remarks>Card data is only ever the masked PAN SUNBAY sends (first 6 and last 4 digits).</remarks>
public sealed class Transaction
{
    /// <summary>SUNBAY's transaction ID.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The idempotency key the transaction was created with.</summary>
    public required string TransactionRequestId { get; init; }

    /// <summary>The merchant's order number.</summary>
    public string? ReferenceOrderId { get; init; }

    /// <summary>For a refund, void, capture or incremental authorisation: the transaction it applies to.</summary>
    public string? OriginalTransactionId { get; init; }

    /// <summary>The current status.</summary>
    public TransactionStatus Status { get; init; }

    /// <summary>The kind of transaction, when SUNBAY reported it.</summary>
    public TransactionType Type { get; init; }

    /// <summary>Amounts in minor units.</summary>
    public TransactionAmounts? Amount { get; init; }

    /// <summary>When the transaction was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the transaction reached its final status.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Masked card number, first 6 and last 4 digits.</summary>
    public string? MaskedPan { get; init; }

    /// <summary>Card network type (<c>CREDIT</c>, <c>DEBIT</c>, <c>EBT</c>, ...).</summary>
    public string? CardNetworkType { get; init; }

    /// <summary>Payment method, e.g. <c>VISA</c>.</summary>
    public string? PaymentMethodId { get; init; }

    /// <summary>Sub payment method (EBT programme).</summary>
    public string? SubPaymentMethodId { get; init; }

    /// <summary>How the card was read (<c>CONTACTLESS</c>, <c>CONTACT</c>, ...).</summary>
    public string? EntryMode { get; init; }

    /// <summary>How the cardholder was verified (<c>PIN</c>, <c>SIGNATURE</c>, ...).</summary>
    public string? AuthenticationMethod { get; init; }

    /// <summary>Authorisation code from the issuer.</summary>
    public string? AuthCode { get; init; }

    /// <summary>Channel (processor) response code; <c>000</c> is approved, e.g. <c>051</c> insufficient funds.</summary>
    public string? ResultCode { get; init; }

    /// <summary>Channel response message, e.g. "Insufficient funds".</summary>
    public string? ResultMessage { get; init; }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get; init; }

    /// <summary>Voucher number.</summary>
    public string? VoucherNo { get; init; }

    /// <summary>System trace audit number.</summary>
    public string? Stan { get; init; }

    /// <summary>Retrieval reference number.</summary>
    public string? Rrn { get; init; }

    /// <summary>The terminal that processed the transaction.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>The description sent with the request.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>attach</c> data sent with the request, echoed back.</summary>
    public string? Attach { get; init; }

    /// <summary>What later happened to this transaction (<c>REFUNDED</c>, <c>PART_REFUNDED</c>, <c>VOIDED</c>, ...).</summary>
    public string? RelatedTransactionStatus { get; init; }

    /// <summary>Settlement state: <c>N</c> no batch needed, <c>U</c> awaiting batch close, <c>C</c> batch closed.</summary>
    public string? BatchStatus { get; init; }

    /// <summary>Whether the transaction was approved (<see cref="TransactionStatus.Success"/>).</summary>
    public bool IsApproved => Status == TransactionStatus.Success;

    /// <summary>
    /// Type, ID, status, result and amount. SUNBAY's text in it (e.g. a result message) is masked: a card number keeps its
    /// first 6 and last 4 digits, and a <c>Bearer</c> credential or secret key is hidden. The ID is shown as it is, and the
    /// properties keep the text as received.
    /// </summary>
    public override string ToString() =>
        $"{Telemetry.SensitiveData.Mask(Type.ToString())} {TransactionId ?? TransactionRequestId}: "
        + Telemetry.SensitiveData.Mask($"{Status}{(ResultCode is null ? string.Empty : $" ({ResultCode} {ResultMessage})")}, {Amount}");
}
