using Sunbay.Client.Transactions;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Webhooks;

/// <summary>What the reader keeps while it reads: the transaction's fields, its amounts and the envelope around it.</summary>
internal static partial class SunbayWebhookReader
{
    /// <summary>A transaction as read so far: the public type's properties (its setters are init-only, so it is built at the end).</summary>
    private struct Fields
    {
        public string? TransactionId;
        public string? TransactionRequestId;
        public string? ReferenceOrderId;
        public string? OriginalTransactionId;
        public TransactionStatus Status;
        public TransactionType Type;
        public Amounts Amount;
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
        public string? TerminalSn;
        public string? Description;
        public string? Attach;
        public RelatedTransactionStatus? RelatedTransactionStatus;
        public BatchStatus? BatchStatus;

        /// <summary>A field the public type keeps as the wire's string.</summary>
        public void Set(Field field, string? value)
        {
            switch (field)
            {
                case Field.TransactionId: TransactionId = value; break;
                case Field.TransactionRequestId: TransactionRequestId = value; break;
                case Field.ReferenceOrderId: ReferenceOrderId = value; break;
                case Field.OriginalTransactionId: OriginalTransactionId = value; break;
                case Field.MaskedPan: MaskedPan = value; break;
                case Field.CardNetworkType: CardNetworkType = value; break;
                case Field.PaymentMethodId: PaymentMethodId = value; break;
                case Field.SubPaymentMethodId: SubPaymentMethodId = value; break;
                case Field.BatchNo: BatchNo = value; break;
                case Field.VoucherNo: VoucherNo = value; break;
                case Field.Stan: Stan = value; break;
                case Field.Rrn: Rrn = value; break;
                case Field.AuthCode: AuthCode = value; break;
                case Field.TransactionResultCode: ResultCode = value; break;
                case Field.TerminalSn: TerminalSn = value; break;
                case Field.TransactionResultMsg: ResultMessage = value; break;
                case Field.Description: Description = value; break;
                case Field.Attach: Attach = value; break;

                default: throw new InvalidOperationException($"{field} is not a string field.");
            }
        }

        /// <summary>The public transaction, as <see cref="TransactionMapper.FromWire(TransactionDetail, string?)"/> builds it.</summary>
        public readonly Transaction ToTransaction() => new()
        {
            TransactionId = TransactionId,
            TransactionRequestId = TransactionRequestId ?? string.Empty,
            ReferenceOrderId = ReferenceOrderId,
            OriginalTransactionId = OriginalTransactionId,
            Status = Status,
            Type = Type,
            Amount = Amount.Present ? new TransactionAmounts
            {
                Currency = Amount.Currency,
                Total = Amount.Total,
                Order = Amount.Order,
                Tax = Amount.Tax,
                Surcharge = Amount.Surcharge,
                Tip = Amount.Tip,
                Cashback = Amount.Cashback,
            } : null,
            CreatedAt = CreatedAt,
            CompletedAt = CompletedAt,
            MaskedPan = MaskedPan,
            CardNetworkType = CardNetworkType,
            PaymentMethodId = PaymentMethodId,
            SubPaymentMethodId = SubPaymentMethodId,
            EntryMode = EntryMode,
            AuthenticationMethod = AuthenticationMethod,
            AuthCode = AuthCode,
            ResultCode = ResultCode,
            ResultMessage = ResultMessage,
            BatchNo = BatchNo,
            VoucherNo = VoucherNo,
            Stan = Stan,
            Rrn = Rrn,
            TerminalSn = TerminalSn,
            Description = Description,
            Attach = Attach,
            RelatedTransactionStatus = RelatedTransactionStatus,
            BatchStatus = BatchStatus,
        };
    }

    /// <summary>The amount object as read so far; <see cref="Present"/> once one was (an empty object is an amount, null is none).</summary>
    private struct Amounts
    {
        public bool Present;
        public string? Currency;
        public long? Total;
        public long? Order;
        public long? Tax;
        public long? Surcharge;
        public long? Tip;
        public long? Cashback;
    }

    /// <summary>What the top-level pass learnt: whether the body names its transaction at the top, and where a <c>data</c> object lies.</summary>
    private struct Envelope
    {
        public bool Identified;
        public int DataStart;
        public int DataEnd;
    }
}
