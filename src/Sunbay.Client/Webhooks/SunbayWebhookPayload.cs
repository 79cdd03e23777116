using System.Diagnostics.CodeAnalysis;
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
        return JsonSerializer.SerializeToUtf8Bytes(TransactionMapper.ToWire(transaction), TypeInfo);
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

}
