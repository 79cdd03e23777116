namespace Sunbay.Client.Webhooks;

/// <summary>The reader's field names: what each is called on the wire, and how a name read from the bytes finds its field.</summary>
internal static partial class SunbayWebhookReader
{
    /// <summary>The wire names of <see cref="Field"/>, for messages.</summary>
    private static readonly string[] Names =
    [
        "transactionId", "transactionRequestId", "referenceOrderId", "originalTransactionId", "originalTransactionRequestId",
        "transactionStatus", "transactionType", "createTime", "completeTime", "maskedPan", "cardNetworkType", "paymentMethodId",
        "subPaymentMethodId", "batchNo", "voucherNo", "stan", "rrn", "authCode", "entryMode", "authenticationMethod",
        "transactionResultCode", "terminalSn", "relatedTransactionStatus", "transactionBatchStatus",
        "transactionResultMsg", "description", "attach",
    ];

    /// <summary>
    /// The fields of a transaction, those that identify it or say its state first (up to <see cref="Field.TransactionBatchStatus"/>):
    /// each is a string (or, leniently, a number or a boolean) when SUNBAY writes it, never an object or an array. Free
    /// text (<c>transactionResultMsg</c>, <c>description</c>, <c>attach</c>, which may echo JSON) follows.
    /// </summary>
    private enum Field
    {
        TransactionId,
        TransactionRequestId,
        ReferenceOrderId,
        OriginalTransactionId,
        OriginalTransactionRequestId,
        TransactionStatus,
        TransactionType,
        CreateTime,
        CompleteTime,
        MaskedPan,
        CardNetworkType,
        PaymentMethodId,
        SubPaymentMethodId,
        BatchNo,
        VoucherNo,
        Stan,
        Rrn,
        AuthCode,
        EntryMode,
        AuthenticationMethod,
        TransactionResultCode,
        TerminalSn,
        RelatedTransactionStatus,
        TransactionBatchStatus,
        TransactionResultMsg,
        Description,
        Attach,
        Amount,
        Data,
        None,
    }

    private enum AmountField
    {
        PriceCurrency,
        TransAmount,
        OrderAmount,
        TaxAmount,
        SurchargeAmount,
        TipAmount,
        CashbackAmount,
        None,
    }

    private static Field Lookup(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 => name.SequenceEqual("rrn"u8) ? Field.Rrn : Field.None,
        4 => name.SequenceEqual("stan"u8) ? Field.Stan : name.SequenceEqual("data"u8) ? Field.Data : Field.None,
        6 => name.SequenceEqual("attach"u8) ? Field.Attach : name.SequenceEqual("amount"u8) ? Field.Amount : Field.None,
        7 => name.SequenceEqual("batchNo"u8) ? Field.BatchNo : Field.None,
        8 => name.SequenceEqual("authCode"u8) ? Field.AuthCode : Field.None,
        9 => name.SequenceEqual("maskedPan"u8) ? Field.MaskedPan : name.SequenceEqual("voucherNo"u8) ? Field.VoucherNo : name.SequenceEqual("entryMode"u8) ? Field.EntryMode : Field.None,
        10 => name.SequenceEqual("createTime"u8) ? Field.CreateTime : name.SequenceEqual("terminalSn"u8) ? Field.TerminalSn : Field.None,
        11 => name.SequenceEqual("description"u8) ? Field.Description : Field.None,
        12 => name.SequenceEqual("completeTime"u8) ? Field.CompleteTime : Field.None,
        13 => name.SequenceEqual("transactionId"u8) ? Field.TransactionId : Field.None,
        15 => name.SequenceEqual("transactionType"u8) ? Field.TransactionType : name.SequenceEqual("cardNetworkType"u8) ? Field.CardNetworkType : name.SequenceEqual("paymentMethodId"u8) ? Field.PaymentMethodId : Field.None,
        16 => name.SequenceEqual("referenceOrderId"u8) ? Field.ReferenceOrderId : Field.None,
        17 => name.SequenceEqual("transactionStatus"u8) ? Field.TransactionStatus : Field.None,
        18 => name.SequenceEqual("subPaymentMethodId"u8) ? Field.SubPaymentMethodId : Field.None,
        20 => name.SequenceEqual("transactionRequestId"u8) ? Field.TransactionRequestId : name.SequenceEqual("authenticationMethod"u8) ? Field.AuthenticationMethod : name.SequenceEqual("transactionResultMsg"u8) ? Field.TransactionResultMsg : Field.None,
        21 => name.SequenceEqual("originalTransactionId"u8) ? Field.OriginalTransactionId : name.SequenceEqual("transactionResultCode"u8) ? Field.TransactionResultCode : Field.None,
        22 => name.SequenceEqual("transactionBatchStatus"u8) ? Field.TransactionBatchStatus : Field.None,
        24 => name.SequenceEqual("relatedTransactionStatus"u8) ? Field.RelatedTransactionStatus : Field.None,
        28 => name.SequenceEqual("originalTransactionRequestId"u8) ? Field.OriginalTransactionRequestId : Field.None,
        _ => Field.None,
    };

    private static AmountField LookupAmount(ReadOnlySpan<byte> name) => name.Length switch
    {
        9 => name.SequenceEqual("taxAmount"u8) ? AmountField.TaxAmount : name.SequenceEqual("tipAmount"u8) ? AmountField.TipAmount : AmountField.None,
        11 => name.SequenceEqual("transAmount"u8) ? AmountField.TransAmount : name.SequenceEqual("orderAmount"u8) ? AmountField.OrderAmount : AmountField.None,
        13 => name.SequenceEqual("priceCurrency"u8) ? AmountField.PriceCurrency : AmountField.None,
        14 => name.SequenceEqual("cashbackAmount"u8) ? AmountField.CashbackAmount : AmountField.None,
        15 => name.SequenceEqual("surchargeAmount"u8) ? AmountField.SurchargeAmount : AmountField.None,
        _ => AmountField.None,
    };
}
