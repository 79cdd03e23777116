using System.Runtime.CompilerServices;

namespace Sunbay.Client;

/// <summary>
/// A transaction as SUNBAY reports it (query result or webhook). A decline is not an exception: it is a transaction
/// with <see cref="Status"/> <see cref="TransactionStatus.Fail"/>, a <see cref="ResultCode"/> and a <see cref="ResultMessage"/>.
/// </summary>
/// <remarks>Card data is only ever the masked PAN SUNBAY sends (first 6 and last 4 digits).</remarks>
public sealed class Transaction
{
    // What only a query or a webhook reports, in an object of its own: a push's answer (ID, status, the request's own
    // fields) builds a transaction without it: some 80 B instead of 300.
    private Reported? _details;

    // Built by the SDK only: an internal constructor and internal setters. The setters are not init-only: the webhook
    // reader fills a transaction field by field as it reads the body, instead of keeping a copy of every field to build
    // one from at the end.
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.Transaction"/>.</summary>
    internal Transaction()
    {
    }

    /// <summary>SUNBAY's transaction ID.</summary>
    public string? TransactionId { get; internal set; }

    /// <summary>The idempotency key the transaction was created with.</summary>
    public string TransactionRequestId { get; internal set; } = string.Empty;

    /// <summary>The merchant's order number.</summary>
    public string? ReferenceOrderId { get; internal set; }

    /// <summary>For a refund, void, capture or incremental authorisation: the transaction it applies to.</summary>
    public string? OriginalTransactionId { get; internal set; }

    /// <summary>The current status.</summary>
    public TransactionStatus Status { get; internal set; }

    /// <summary>The kind of transaction, when SUNBAY reported it.</summary>
    public TransactionType Type { get; internal set; }

    /// <summary>Amounts in minor units.</summary>
    public TransactionAmounts? Amount { get => _details?.Amount; internal set => Filled.Amount = value; }

    /// <summary>When the transaction was created.</summary>
    public DateTimeOffset? CreatedAt { get => _details?.CreatedAt; internal set => Filled.CreatedAt = value; }

    /// <summary>When the transaction reached its final status.</summary>
    public DateTimeOffset? CompletedAt { get => _details?.CompletedAt; internal set => Filled.CompletedAt = value; }

    /// <summary>Masked card number, first 6 and last 4 digits.</summary>
    public string? MaskedPan { get => _details?.MaskedPan; internal set => Filled.MaskedPan = value; }

    /// <summary>Card network type (<c>CREDIT</c>, <c>DEBIT</c>, <c>EBT</c>, ...).</summary>
    public string? CardNetworkType { get => _details?.CardNetworkType; internal set => Filled.CardNetworkType = value; }

    /// <summary>Payment method, e.g. <c>VISA</c>.</summary>
    public string? PaymentMethodId { get => _details?.PaymentMethodId; internal set => Filled.PaymentMethodId = value; }

    /// <summary>Sub payment method (EBT programme).</summary>
    public string? SubPaymentMethodId { get => _details?.SubPaymentMethodId; internal set => Filled.SubPaymentMethodId = value; }

    /// <summary>How the card was read (<see cref="Client.EntryMode.Contactless"/>, <see cref="Client.EntryMode.Contact"/>, ...).</summary>
    public EntryMode? EntryMode { get => _details?.EntryMode; internal set => Filled.EntryMode = value; }

    /// <summary>How the cardholder was verified (<see cref="Client.AuthenticationMethod.Pin"/>, <see cref="Client.AuthenticationMethod.Signature"/>, ...).</summary>
    public AuthenticationMethod? AuthenticationMethod { get => _details?.AuthenticationMethod; internal set => Filled.AuthenticationMethod = value; }

    /// <summary>Authorisation code from the issuer.</summary>
    public string? AuthCode { get => _details?.AuthCode; internal set => Filled.AuthCode = value; }

    /// <summary>Channel (processor) response code; <c>000</c> is approved, e.g. <c>051</c> insufficient funds.</summary>
    public string? ResultCode { get => _details?.ResultCode; internal set => Filled.ResultCode = value; }

    /// <summary>Channel response message, e.g. "Insufficient funds".</summary>
    public string? ResultMessage { get => _details?.ResultMessage; internal set => Filled.ResultMessage = value; }

    /// <summary>Batch number.</summary>
    public string? BatchNo { get => _details?.BatchNo; internal set => Filled.BatchNo = value; }

    /// <summary>Voucher number.</summary>
    public string? VoucherNo { get => _details?.VoucherNo; internal set => Filled.VoucherNo = value; }

    /// <summary>System trace audit number.</summary>
    public string? Stan { get => _details?.Stan; internal set => Filled.Stan = value; }

    /// <summary>Retrieval reference number.</summary>
    public string? Rrn { get => _details?.Rrn; internal set => Filled.Rrn = value; }

    /// <summary>The terminal that processed the transaction.</summary>
    public string? TerminalSn { get; internal set; }

    /// <summary>The description sent with the request.</summary>
    public string? Description { get => _details?.Description; internal set => Filled.Description = value; }

    /// <summary>The <c>attach</c> data sent with the request, echoed back.</summary>
    public string? Attach { get => _details?.Attach; internal set => Filled.Attach = value; }

    /// <summary>What later happened to this transaction (<see cref="Client.RelatedTransactionStatus.Refunded"/>, <see cref="Client.RelatedTransactionStatus.Voided"/>, ...); <see langword="null"/> when nothing.</summary>
    public RelatedTransactionStatus? RelatedTransactionStatus { get => _details?.RelatedTransactionStatus; internal set => Filled.RelatedTransactionStatus = value; }

    /// <summary>Where the transaction stands in settlement (<see cref="Client.BatchStatus.Open"/> until its batch is closed, ...).</summary>
    public BatchStatus? BatchStatus { get => _details?.BatchStatus; internal set => Filled.BatchStatus = value; }

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

    // Inlined into every setter: the webhook reader sets a field at a time, at call sites cold enough that the JIT would
    // otherwise leave this a call per field.
    private Reported Filled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _details ??= new();
    }

    /// <summary>The fields only a query or a webhook fills.</summary>
    private sealed class Reported
    {
        public TransactionAmounts? Amount;
        public DateTimeOffset? CreatedAt;
        public DateTimeOffset? CompletedAt;
        public string? MaskedPan;
        public string? CardNetworkType;
        public string? PaymentMethodId;
        public string? SubPaymentMethodId;
        public EntryMode? EntryMode;
        public AuthenticationMethod? AuthenticationMethod;
        public string? AuthCode;
        public string? ResultCode;
        public string? ResultMessage;
        public string? BatchNo;
        public string? VoucherNo;
        public string? Stan;
        public string? Rrn;
        public string? Description;
        public string? Attach;
        public RelatedTransactionStatus? RelatedTransactionStatus;
        public BatchStatus? BatchStatus;
    }
}
