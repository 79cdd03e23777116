namespace Sunbay.Client.Webhooks;

/// <summary>What the reader writes while it reads: the transaction's string fields, and the envelope around it.</summary>
internal static partial class SunbayWebhookReader
{
    /// <summary>A field the public type keeps as the wire's string, written straight into the transaction being read.</summary>
    private static void Set(Transaction transaction, Field field, string? value)
    {
        switch (field)
        {
            case Field.TransactionId: transaction.TransactionId = value; break;

            // As FromWire maps it: the public property is never null.
            case Field.TransactionRequestId: transaction.TransactionRequestId = value ?? string.Empty; break;
            case Field.ReferenceOrderId: transaction.ReferenceOrderId = value; break;
            case Field.OriginalTransactionId: transaction.OriginalTransactionId = value; break;
            case Field.MaskedPan: transaction.MaskedPan = value; break;
            case Field.CardNetworkType: transaction.CardNetworkType = value; break;
            case Field.PaymentMethodId: transaction.PaymentMethodId = value; break;
            case Field.SubPaymentMethodId: transaction.SubPaymentMethodId = value; break;
            case Field.BatchNo: transaction.BatchNo = value; break;
            case Field.VoucherNo: transaction.VoucherNo = value; break;
            case Field.Stan: transaction.Stan = value; break;
            case Field.Rrn: transaction.Rrn = value; break;
            case Field.AuthCode: transaction.AuthCode = value; break;
            case Field.TransactionResultCode: transaction.ResultCode = value; break;
            case Field.TerminalSn: transaction.TerminalSn = value; break;
            case Field.TransactionResultMsg: transaction.ResultMessage = value; break;
            case Field.Description: transaction.Description = value; break;
            case Field.Attach: transaction.Attach = value; break;

            default: throw new InvalidOperationException($"{field} is not a string field.");
        }
    }

    /// <summary>What the top-level pass learnt: whether the body names its transaction at the top, and where a <c>data</c> object lies.</summary>
    private struct Envelope
    {
        public bool Identified;
        public int DataStart;
        public int DataEnd;
    }
}
