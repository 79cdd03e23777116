using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.Transactions;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Webhooks;

/// <summary>
/// The JSON body of a SUNBAY transaction webhook, read and written with the SDK's wire contract. Reading accepts the
/// transaction itself (the query's <c>data</c> object) or the same wrapped in the API envelope
/// <c>{"code", "msg", "traceId", "data": {...}}</c>; it tolerates unknown fields, amounts given as strings and numbers
/// where strings are expected. Writing produces the bare transaction.
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
    /// <param name="json">The UTF-8 JSON body: a transaction, or an envelope whose <c>data</c> is one.</param>
    /// <exception cref="SunbayWebhookException">
    /// The body is not a transaction in JSON (<see cref="SunbayWebhookFailureReason.MalformedBody"/>); the message names
    /// the field that could not be read (e.g. an amount out of range).
    /// </exception>
    public static Transaction Parse(ReadOnlySpan<byte> json)
    {
        if (!TryParse(json, out var transaction, out var error))
        {
            throw Malformed(error);
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

    /// <summary>The <see cref="SunbayWebhookFailureReason.MalformedBody"/> error for what <see cref="TryParse"/> reported.</summary>
    internal static SunbayWebhookException Malformed(Exception? error) =>
        new(SunbayWebhookFailureReason.MalformedBody, SunbayWireJson.DescribeReadError(error) ?? error?.Message, error);

    /// <summary>
    /// Parses without throwing; a body needs a JSON object with a <c>transactionId</c> or a <c>transactionRequestId</c>,
    /// at the top or in the envelope's <c>data</c>. <paramref name="error"/> says why a body was refused.
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out Transaction? transaction, out Exception? error)
    {
        transaction = null;
        error = null;
        Transaction? read;
        try
        {
            read = SunbayWebhookReader.Read(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            error = ex;
            return false;
        }

        if (read is null || (string.IsNullOrEmpty(read.TransactionId) && string.IsNullOrEmpty(read.TransactionRequestId)))
        {
            error = new FormatException("neither transactionId nor transactionRequestId is present");
            return false;
        }

        transaction = read;
        return true;
    }

    /// <summary>
    /// The transaction's bytes: the <c>data</c> object when the body is an envelope (a top-level <c>data</c> object and no
    /// top-level transaction ID), otherwise the body itself. Only the top level is scanned, without allocating; the
    /// signature was checked over the whole body as received before this runs.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    internal static ReadOnlySpan<byte> Unwrap(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return json; // the reader reports what is wrong
        }

        var dataStart = -1;
        var dataEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("transactionId"u8) || reader.ValueTextEquals("transactionRequestId"u8))
            {
                return json; // a bare transaction (which may well have a field named data of its own)
            }

            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData && dataStart < 0 && reader.TokenType == JsonTokenType.StartObject)
            {
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Skip();
            }
        }

        return dataStart < 0 ? json : json[dataStart..dataEnd];
    }
}
