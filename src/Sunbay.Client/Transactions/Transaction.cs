namespace Sunbay.Client;

/// <summary>
/// A transaction as SUNBAY reports it (query result or webhook). A decline is not an exception: it is a transaction
/// with <see cref="Status"/> <see cref="TransactionStatus.Fail"/>, a <see cref="ResultCode"/> and a <see cref="ResultMessage"/>.
/// </summary>
/// <remarks>Card data is only ever the masked PAN SUNBAY sends (first 6 and last 4 digits).</remarks>
public sealed class Transaction
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.Transaction"/>.</summary>
    internal Transaction()
    {
    }

    /// <summary>SUNBAY's transaction ID.</summary>
    public string? TransactionId { get; internal init; }

    /// <summary>The idempotency key the transaction was created with.</summary>
    public string TransactionRequestId { get; internal init; } = string.Empty;

    /// <summary>The merchant's order number.</summary>
    public string? ReferenceOrderId { get; internal init; }

    /// <summary>For a refund, void, capture or incremental authorisation: the transaction it applies to.</summary>
    public string? OriginalTransactionId { get; internal init; }

    /// <summary>The current status.</summary>
    public TransactionStatus Status { get; internal init; }

    /// <summary>The kind of transaction, when SUNBAY reported it.</summary>
    public TransactionType Type { get; internal init; }

    /// <summary>Amounts in minor units.</summary>
    public TransactionAmounts? Amount { get; internal init; }

    /// <summary>When the transaction was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>When the transaction reached its final status.</summary>
    public DateTimeOffset? CompletedAt { get; internal init; }

    /// <summary>Masked card number, first 6 and last 4 digits.</summary>
    public string? MaskedPan { get; internal init; }

    /// <summary>Card network type (<c>CREDIT</c>, <c>DEBIT</c>, <c>EBT</c>, ...).</summary>
    public string? CardNetworkType { get; internal init; }

    /// <summary>Payment method, e.g. <c>VISA</c>.</summary>
    public string? PaymentMethodId { get; internal init; }

    /// <summary>Sub payment method (EBT programme).</summary>
    public string? SubPaymentMethodId { get; internal init; }

    /// <summary>How the card was read (<see cref="Client.EntryMode.Contactless"/>, <see cref="Client.EntryMode.Contact"/>, ...).</summary>
    public EntryMode? EntryMode { get; internal init; }

    /// <summary>How the cardholder was verified (<see cref="Client.AuthenticationMethod.Pin"/>, <see cref="Client.AuthenticationMethod.Signature"/>, ...).</summary>
    public AuthenticationMethod? AuthenticationMethod { get; internal init; }

    /// <summary>Authorisation code from the issuer.</summary>
    public string? AuthCode { get; internal init; }

    /// <summary>Channel (processor) response code; <c>000</c> is approved, e.g. <c>051</c> insufficient funds.</summary>
    public string? ResultCode { get; internal init; }

    /// <summary>Channel response message, e.g. "Insufficient funds".</summary>
    public string? ResultMessage { get; internal init; }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get; internal init; }

    /// <summary>Voucher number.</summary>
    public string? VoucherNo { get; internal init; }

    /// <summary>System trace audit number.</summary>
    public string? Stan { get; internal init; }

    /// <summary>Retrieval reference number.</summary>
    public string? Rrn { get; internal init; }

    /// <summary>The terminal that processed the transaction.</summary>
    public string? TerminalSn { get; internal init; }

    /// <summary>The description sent with the request.</summary>
    public string? Description { get; internal init; }

    /// <summary>The <c>attach</c> data sent with the request, echoed back.</summary>
    public string? Attach { get; internal init; }

    /// <summary>What later happened to this transaction (<see cref="Client.RelatedTransactionStatus.Refunded"/>, <see cref="Client.RelatedTransactionStatus.Voided"/>, ...); <see langword="null"/> when nothing.</summary>
    public RelatedTransactionStatus? RelatedTransactionStatus { get; internal init; }

    /// <summary>Where the transaction stands in settlement (<see cref="Client.BatchStatus.Open"/> until its batch is closed, ...).</summary>
    public BatchStatus? BatchStatus { get; internal init; }

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
