using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.Transactions;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Webhooks;

/// <summary>
/// The JSON body of a SUNBAY transaction webhook (the query's <c>data</c> object, without the envelope), read and written
/// with the SDK's wire contract. Reading tolerates unknown fields and amounts given as strings.
/// </summary>
public static class SunbayWebhookPayload
{
    // The wire options, but writing "+08:00" rather than "\u002B08:00", as SUNBAY's own body would read. Safe here: a
    // webhook body is never embedded in HTML.
    private static readonly JsonTypeInfo<TransactionDetail> TypeInfo = (JsonTypeInfo<TransactionDetail>)new JsonSerializerOptions(SunbayWireJson.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(TransactionDetail));

    /// <summary>Parses a webhook body. It does not check any signature: use <see cref="SunbayWebhookVerifier"/> for received webhooks.</summary>
    /// <param name="json">The UTF-8 JSON body.</param>
    /// <exception cref="SunbayWebhookException">The body is not a transaction in JSON (<see cref="SunbayWebhookFailureReason.MalformedBody"/>).</exception>
    public static Transaction Parse(ReadOnlySpan<byte> json)
    {
        if (!TryParse(json, out var transaction, out var error))
        {
            throw new SunbayWebhookException(SunbayWebhookFailureReason.MalformedBody, error);
        }

        return transaction;
    }

    /// <summary>Writes <paramref name="transaction"/> as SUNBAY writes a webhook body: camelCase wire names, status as a letter, nulls omitted.</summary>
    /// <param name="transaction">The transaction to write.</param>
    public static byte[] Serialize(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var amount = transaction.Amount;
        var wire = new TransactionDetail
        {
            TransactionId = transaction.TransactionId,
            TransactionRequestId = transaction.TransactionRequestId,
            ReferenceOrderId = transaction.ReferenceOrderId,
            OriginalTransactionId = transaction.OriginalTransactionId,
            TransactionStatus = NullIfEmpty(transaction.Status.Code),
            TransactionType = NullIfEmpty(transaction.Type.Value),
            Amount = amount is null ? null : new TransactionAmount
            {
                PriceCurrency = amount.Currency,
                TransAmount = amount.Total,
                OrderAmount = amount.Order,
                TaxAmount = amount.Tax,
                SurchargeAmount = amount.Surcharge,
                TipAmount = amount.Tip,
                CashbackAmount = amount.Cashback,
            },
            CreateTime = FormatTime(transaction.CreatedAt),
            CompleteTime = FormatTime(transaction.CompletedAt),
            MaskedPan = transaction.MaskedPan,
            CardNetworkType = transaction.CardNetworkType,
            PaymentMethodId = transaction.PaymentMethodId,
            SubPaymentMethodId = transaction.SubPaymentMethodId,
            EntryMode = transaction.EntryMode,
            AuthenticationMethod = transaction.AuthenticationMethod,
            AuthCode = transaction.AuthCode,
            TransactionResultCode = transaction.ResultCode,
            TransactionResultMsg = transaction.ResultMessage,
            BatchNo = transaction.BatchNo,
            VoucherNo = transaction.VoucherNo,
            Stan = transaction.Stan,
            Rrn = transaction.Rrn,
            TerminalSn = transaction.TerminalSn,
            Description = transaction.Description,
            Attach = transaction.Attach,
            RelatedTransactionStatus = transaction.RelatedTransactionStatus,
            TransactionBatchStatus = transaction.BatchStatus,
        };
        return JsonSerializer.SerializeToUtf8Bytes(wire, TypeInfo);
    }

    /// <summary>Parses without throwing; a body needs a JSON object with a <c>transactionId</c> or a <c>transactionRequestId</c>.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out Transaction? transaction, out Exception? error)
    {
        transaction = null;
        error = null;
        TransactionDetail? detail;
        try
        {
            detail = JsonSerializer.Deserialize(json, TypeInfo);
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }

        if (detail is null || (string.IsNullOrEmpty(detail.TransactionId) && string.IsNullOrEmpty(detail.TransactionRequestId)))
        {
            return false;
        }

        transaction = TransactionMapper.FromWire(detail);
        return true;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // SUNBAY's form (2026-01-02T03:04:05+08:00); a fraction of a second is kept only when there is one.
    private static string? FormatTime(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
