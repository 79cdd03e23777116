using System.Globalization;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Transactions;

/// <summary>Maps between the public transaction models and the generated wire types.</summary>
internal static class TransactionMapper
{
    /// <summary>The wire form of a <c>timeExpire</c>: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>.</summary>
    public static string? ToWire(DateTimeOffset? expiresAt) =>
        expiresAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static Wire.PrintReceipt? ToWire(PrintReceipt? value) => value switch
    {
        null => null,
        PrintReceipt.None => Wire.PrintReceipt.None,
        PrintReceipt.Merchant => Wire.PrintReceipt.Merchant,
        PrintReceipt.Customer => Wire.PrintReceipt.Customer,
        PrintReceipt.Both => Wire.PrintReceipt.Both,
        _ => throw new SunbayValidationException("printReceipt", $"must be None, Merchant, Customer or Both (was {value})"),
    };

    /// <summary>The transaction as a dispatch confirmed it: ID and first status, nothing else is known yet.</summary>
    public static Transaction FromDispatch(TransactionDispatchResult? data, string transactionRequestId, string? referenceOrderId, string? terminalSn, TransactionType type) => new()
    {
        TransactionId = data?.TransactionId,
        TransactionRequestId = string.IsNullOrEmpty(data?.TransactionRequestId) ? transactionRequestId : data.TransactionRequestId,
        ReferenceOrderId = data?.ReferenceOrderId ?? referenceOrderId,
        OriginalTransactionId = data?.OriginalTransactionId,
        Status = data?.TransactionStatus is { } status ? TransactionStatus.Parse(status) : TransactionStatus.Processing,
        Type = type,
        TerminalSn = terminalSn,
    };

    public static Transaction FromWire(TransactionDetail data, string? fallbackRequestId = null) => new()
    {
        TransactionId = data.TransactionId,
        TransactionRequestId = data.TransactionRequestId ?? fallbackRequestId ?? string.Empty,
        ReferenceOrderId = data.ReferenceOrderId,
        OriginalTransactionId = data.OriginalTransactionId,
        Status = TransactionStatus.Parse(data.TransactionStatus),
        Type = string.IsNullOrEmpty(data.TransactionType) ? default : new TransactionType(data.TransactionType),
        Amount = data.Amount is { } a ? new TransactionAmounts
        {
            Currency = a.PriceCurrency,
            Total = a.TransAmount,
            Order = a.OrderAmount,
            Tax = a.TaxAmount,
            Surcharge = a.SurchargeAmount,
            Tip = a.TipAmount,
            Cashback = a.CashbackAmount,
        } : null,
        CreatedAt = ParseTime(data.CreateTime),
        CompletedAt = ParseTime(data.CompleteTime),
        MaskedPan = data.MaskedPan,
        CardNetworkType = data.CardNetworkType,
        PaymentMethodId = data.PaymentMethodId,
        SubPaymentMethodId = data.SubPaymentMethodId,
        EntryMode = data.EntryMode,
        AuthenticationMethod = data.AuthenticationMethod,
        AuthCode = data.AuthCode,
        ResultCode = data.TransactionResultCode,
        ResultMessage = data.TransactionResultMsg,
        BatchNo = data.BatchNo,
        VoucherNo = data.VoucherNo,
        Stan = data.Stan,
        Rrn = data.Rrn,
        TerminalSn = data.TerminalSn,
        Description = data.Description,
        Attach = data.Attach,
        RelatedTransactionStatus = data.RelatedTransactionStatus,
        BatchStatus = data.TransactionBatchStatus,
    };

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
