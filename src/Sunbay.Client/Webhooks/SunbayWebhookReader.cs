using System.Text.Json;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Webhooks;

/// <summary>
/// Reads a webhook body into the wire's <see cref="TransactionDetail"/> in one pass of a <see cref="Utf8JsonReader"/>
/// over the bytes as received: the serializer with the wire's options cost twice the HMAC, most of it in its generic
/// machinery and in collecting unknown fields nobody reads. The wire contract's readings are kept, through its own
/// converters: a string field takes a number or a boolean as its text and an object or an array as its JSON text
/// (<see cref="LenientStringConverter"/>), an amount is minor units as a number or a string, or major units with decimals
/// (<see cref="MinorUnitsConverter"/>); names are case-sensitive, unknown fields are skipped, the last of a repeated
/// field wins, and a field that cannot be read is a <see cref="JsonException"/> whose path names it. The webhook's own
/// rule: an identifying field that is an object or an array is refused (a <see cref="FormatException"/> naming it).
/// </summary>
/// <remarks>
/// Every field of <see cref="TransactionDetail"/> and <see cref="TransactionAmount"/> is read here; a test compares this
/// reader with the serializer over a body holding all of them, so a field added to the spec and not here fails it.
/// </remarks>
internal static class SunbayWebhookReader
{
    // The longest field name is 28 bytes; written with \uXXXX escapes throughout it takes six times that.
    private const int MaxEscapedNameBytes = 6 * 28;

    private static readonly LenientStringConverter Strings = new();
    private static readonly MinorUnitsConverter MinorUnits = new();

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

    /// <summary>
    /// The transaction of a webhook body: the body itself, or the <c>data</c> object when the body is the API envelope
    /// (a top-level <c>data</c> object and no top-level <c>transactionId</c> or <c>transactionRequestId</c>);
    /// <see langword="null"/> for a JSON <c>null</c>.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON, not an object, or a field cannot be read (the path names it).</exception>
    /// <exception cref="FormatException">An identifying field is an object or an array.</exception>
    public static TransactionDetail? Read(ReadOnlySpan<byte> json)
    {
        // Most bodies are the bare transaction, read in this one pass; an envelope is recognised on the way.
        var envelope = new Envelope { DataStart = -1 };
        TransactionDetail? detail;
        try
        {
            detail = ReadObject(json, ref envelope);
        }
        catch (Exception ex) when (!envelope.Identified && ex is JsonException or FormatException)
        {
            // Not known to be a bare transaction yet: in an envelope only the data counts, so a problem found outside it
            // is no problem. The top-level scan tells which it is; a real problem is met again and thrown.
            var transaction = SunbayWebhookPayload.Unwrap(json);
            envelope = new Envelope { Identified = true, DataStart = -1 };
            return ReadObject(transaction, ref envelope);
        }

        if (envelope.Identified || envelope.DataStart < 0)
        {
            return detail;
        }

        var data = json[envelope.DataStart..envelope.DataEnd];
        envelope = new Envelope { Identified = true, DataStart = -1 };
        return ReadObject(data, ref envelope);
    }

    /// <summary>Reads one transaction object; while <see cref="Envelope.Identified"/> is false, also notes where a <c>data</c> object lies.</summary>
    private static TransactionDetail? ReadObject(ReadOnlySpan<byte> json, ref Envelope envelope)
    {
        // Scoped, as the name buffer on the stack is: a name read into the buffer never outlives this call.
        scoped var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            End(ref reader);
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The JSON value is not an object: a transaction was expected.", "$", null, null);
        }

        var detail = new TransactionDetail();
        Span<byte> unescaped = stackalloc byte[MaxEscapedNameBytes];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Lookup(Name(ref reader, unescaped));
            reader.Read();
            switch (field)
            {
                case Field.Amount:
                    detail.Amount = ReadAmount(ref reader, unescaped);
                    break;
                case Field.Data:
                    if (!envelope.Identified && envelope.DataStart < 0 && reader.TokenType == JsonTokenType.StartObject)
                    {
                        envelope.DataStart = (int)reader.TokenStartIndex;
                        reader.Skip();
                        envelope.DataEnd = (int)reader.BytesConsumed;
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
                case Field.None:
                    reader.Skip();
                    break;
                default:
                    envelope.Identified |= field is Field.TransactionId or Field.TransactionRequestId;
                    Assign(detail, field, ReadString(ref reader, field));
                    break;
            }
        }

        End(ref reader);
        return detail;
    }

    private static TransactionAmount? ReadAmount(ref Utf8JsonReader reader, Span<byte> unescaped)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The JSON value is not an object: an amount was expected.", "$.amount", null, null);
        }

        var amount = new TransactionAmount();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, unescaped);
            var field = LookupAmount(name);
            reader.Read();
            switch (field)
            {
                case AmountField.PriceCurrency:
                    amount.PriceCurrency = reader.TokenType == JsonTokenType.Null ? null : Strings.Read(ref reader, typeof(string), SunbayWireJson.Options);
                    break;
                case AmountField.TransAmount:
                    amount.TransAmount = ReadMinorUnits(ref reader, "transAmount");
                    break;
                case AmountField.OrderAmount:
                    amount.OrderAmount = ReadMinorUnits(ref reader, "orderAmount");
                    break;
                case AmountField.TaxAmount:
                    amount.TaxAmount = ReadMinorUnits(ref reader, "taxAmount");
                    break;
                case AmountField.SurchargeAmount:
                    amount.SurchargeAmount = ReadMinorUnits(ref reader, "surchargeAmount");
                    break;
                case AmountField.TipAmount:
                    amount.TipAmount = ReadMinorUnits(ref reader, "tipAmount");
                    break;
                case AmountField.CashbackAmount:
                    amount.CashbackAmount = ReadMinorUnits(ref reader, "cashbackAmount");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return amount;
    }

    private static long? ReadMinorUnits(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        try
        {
            return MinorUnits.Read(ref reader, typeof(long), SunbayWireJson.Options);
        }
        catch (JsonException ex) when (ex.Path is null)
        {
            // The converter leaves the path to the serializer; this reader is the serializer here.
            throw new JsonException(ex.InnerException?.Message ?? "not an amount: a number or a string of digits was expected", "$.amount." + field, null, null, ex.InnerException);
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, Field field) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),

        // The lenient reading of a string field would take the object's JSON text as the value: a signed body is still a
        // body SUNBAY never writes, and its transactionId must never name a transaction.
        JsonTokenType.StartObject or JsonTokenType.StartArray when field <= Field.TransactionBatchStatus =>
            throw new FormatException($"'{Names[(int)field]}' is a JSON object or array, not a value"),
        _ => Strings.Read(ref reader, typeof(string), SunbayWireJson.Options),
    };

    /// <summary>The root value must be the whole body: anything after it is malformed JSON (the reader throws).</summary>
    private static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("The body holds more than one JSON value.");
        }
    }

    /// <summary>The property name as UTF-8 without escapes; empty (no field) for an escaped name too long to be one.</summary>
    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader, Span<byte> unescaped) =>
        !reader.ValueIsEscaped ? reader.ValueSpan
        : reader.ValueSpan.Length <= unescaped.Length ? unescaped[..reader.CopyString(unescaped)]
        : default;

    private static void Assign(TransactionDetail detail, Field field, string? value)
    {
        switch (field)
        {
            case Field.TransactionId: detail.TransactionId = value; break;
            case Field.TransactionRequestId: detail.TransactionRequestId = value; break;
            case Field.ReferenceOrderId: detail.ReferenceOrderId = value; break;
            case Field.OriginalTransactionId: detail.OriginalTransactionId = value; break;
            case Field.OriginalTransactionRequestId: detail.OriginalTransactionRequestId = value; break;
            case Field.TransactionStatus: detail.TransactionStatus = value; break;
            case Field.TransactionType: detail.TransactionType = value; break;
            case Field.CreateTime: detail.CreateTime = value; break;
            case Field.CompleteTime: detail.CompleteTime = value; break;
            case Field.MaskedPan: detail.MaskedPan = value; break;
            case Field.CardNetworkType: detail.CardNetworkType = value; break;
            case Field.PaymentMethodId: detail.PaymentMethodId = value; break;
            case Field.SubPaymentMethodId: detail.SubPaymentMethodId = value; break;
            case Field.BatchNo: detail.BatchNo = value; break;
            case Field.VoucherNo: detail.VoucherNo = value; break;
            case Field.Stan: detail.Stan = value; break;
            case Field.Rrn: detail.Rrn = value; break;
            case Field.AuthCode: detail.AuthCode = value; break;
            case Field.EntryMode: detail.EntryMode = value; break;
            case Field.AuthenticationMethod: detail.AuthenticationMethod = value; break;
            case Field.TransactionResultCode: detail.TransactionResultCode = value; break;
            case Field.TerminalSn: detail.TerminalSn = value; break;
            case Field.RelatedTransactionStatus: detail.RelatedTransactionStatus = value; break;
            case Field.TransactionBatchStatus: detail.TransactionBatchStatus = value; break;
            case Field.TransactionResultMsg: detail.TransactionResultMsg = value; break;
            case Field.Description: detail.Description = value; break;
            case Field.Attach: detail.Attach = value; break;
            default: throw new InvalidOperationException($"{field} is not a string field.");
        }
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

    /// <summary>What the top-level pass learnt: whether the body names its transaction at the top, and where a <c>data</c> object lies.</summary>
    private struct Envelope
    {
        public bool Identified;
        public int DataStart;
        public int DataEnd;
    }
}
