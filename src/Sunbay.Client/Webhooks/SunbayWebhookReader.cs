using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sunbay.Client.Transactions;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Webhooks;

/// <summary>
/// Reads a webhook body into the public <see cref="Transaction"/> in one pass of a <see cref="Utf8JsonReader"/> over the
/// bytes as received, with <see cref="TransactionMapper.FromWire(TransactionDetail, string?)"/>'s readings: the serializer
/// with the wire's options cost twice the HMAC (generic machinery, unknown fields collected), and a wire object in
/// between cost a string per field and a second pass to normalise them. A status, a type, an entry mode, ... that is one
/// of the SDK's known values as SUNBAY writes it (<c>"S"</c>, <c>"SALE"</c>), and a time in SUNBAY's form, are read from
/// their bytes without a string; any other value goes through the string and the public type's own reading. The wire
/// contract's readings are kept, through its own converters: a string field takes a number or a boolean as its text and
/// an object or an array as its JSON text (<see cref="LenientStringConverter"/>), an amount is minor units as a number or
/// a string, or major units with decimals (<see cref="MinorUnitsConverter"/>); names are case-sensitive, unknown fields
/// are skipped, the last of a repeated field wins, and a field that cannot be read is a <see cref="JsonException"/> whose
/// path names it. The webhook's own rule: an identifying field that is an object or an array is refused (a
/// <see cref="FormatException"/> naming it).
/// </summary>
/// <remarks>
/// Every field of <see cref="TransactionDetail"/> and <see cref="TransactionAmount"/> is read here; a test compares this
/// reader with the serializer and <see cref="TransactionMapper.FromWire(TransactionDetail, string?)"/> over a body
/// holding all of them, so a field added to the spec and the mapping and not here fails it.
/// </remarks>
internal static partial class SunbayWebhookReader
{
    // The longest field name is 28 bytes; written with \uXXXX escapes throughout it takes six times that.
    private const int MaxEscapedNameBytes = 6 * 28;

    private static readonly LenientStringConverter Strings = new();
    private static readonly MinorUnitsConverter MinorUnits = new();

    /// <summary>
    /// The transaction of a webhook body: the body itself, or the <c>data</c> object when the body is the API envelope
    /// (a top-level <c>data</c> object and no top-level <c>transactionId</c> or <c>transactionRequestId</c>);
    /// <see langword="null"/> for a JSON <c>null</c>.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON, not an object, or a field cannot be read (the path names it).</exception>
    /// <exception cref="FormatException">An identifying field is an object or an array.</exception>
    public static Transaction? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadBody(json);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString's answer to a string that is not valid UTF-8: a malformed body like any other, not
            // an exception of another kind out of the verifier (its message quotes no byte of the body).
            throw new JsonException("A string of the body is not valid UTF-8.", ex);
        }
    }

    private static Transaction? ReadBody(ReadOnlySpan<byte> json)
    {
        // Most bodies are the bare transaction, read in this one pass; an envelope is recognised on the way.
        var ascii = Ascii.IsValid(json);
        var envelope = new Envelope { DataStart = -1 };
        Transaction? transaction = null;
        bool found;
        try
        {
            found = ReadObject(json, ascii, ref envelope, ref transaction);
        }
        catch (Exception ex) when (!envelope.Identified && ex is JsonException or FormatException)
        {
            // Not known to be a bare transaction yet: in an envelope only the data counts, so a problem found outside it
            // is no problem. The top-level scan tells which it is; a real problem is met again and thrown.
            return ReadIdentified(SunbayWebhookPayload.Unwrap(json), ascii);
        }

        if (envelope.Identified || envelope.DataStart < 0)
        {
            return found ? transaction ?? new() : null;
        }

        return ReadIdentified(json[envelope.DataStart..envelope.DataEnd], ascii);
    }

    /// <summary>
    /// An object known to be the transaction (an envelope's <c>data</c>, or what the top-level scan found), read into a
    /// transaction of its own: nothing a pass over an envelope's top level filled is the transaction's.
    /// </summary>
    private static Transaction? ReadIdentified(ReadOnlySpan<byte> json, bool ascii)
    {
        var envelope = new Envelope { Identified = true, DataStart = -1 };
        Transaction? transaction = null;
        return ReadObject(json, ascii, ref envelope, ref transaction) ? transaction ?? new() : null;
    }

    /// <summary>
    /// Reads one transaction object into <paramref name="transaction"/>, created at the first field it fills (an
    /// envelope's top level fills none, and costs no transaction); <see langword="false"/> for a JSON <c>null</c>. While
    /// <see cref="Envelope.Identified"/> is false, also notes where a <c>data</c> object lies. <paramref name="ascii"/>:
    /// the whole body is ASCII (see <see cref="ReadString"/>).
    /// </summary>
    private static bool ReadObject(ReadOnlySpan<byte> json, bool ascii, ref Envelope envelope, ref Transaction? transaction)
    {
        // Scoped, as the name buffer on the stack is: a name read into the buffer never outlives this call.
        scoped var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            End(ref reader);
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The JSON value is not an object: a transaction was expected.", "$", null, null);
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedNameBytes];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Lookup(Name(ref reader, unescaped));
            reader.Read();
            switch (field)
            {
                case Field.Amount:
                    ReadAmount(ref reader, unescaped, ascii, transaction ??= new());
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
                case Field.TransactionStatus or Field.TransactionType or Field.CreateTime or Field.CompleteTime or Field.EntryMode
                    or Field.AuthenticationMethod or Field.RelatedTransactionStatus or Field.TransactionBatchStatus:
                    ReadValue(ref reader, field, ascii, transaction ??= new());
                    break;
                case Field.OriginalTransactionRequestId:
                    // No public property keeps it (FromWire drops it): its value is not needed, only the refusal of an object.
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        throw NotAValue(field);
                    }

                    reader.Skip();
                    break;
                default:
                    // A field the public type keeps as the wire's string: straight in, without ReadValue's larger frame
                    // (zeroing it on every field took a twentieth of the parse).
                    envelope.Identified |= field is Field.TransactionId or Field.TransactionRequestId;
                    Set(transaction ??= new(), field, ReadString(ref reader, field, ascii));
                    break;
            }
        }

        End(ref reader);
        return true;
    }

    /// <summary>
    /// A field the public type reads from the wire's string (a status, a type, a time, ...), read as
    /// <see cref="TransactionMapper.FromWire(TransactionDetail, string?)"/> reads it: a known value or SUNBAY's time form
    /// straight from the bytes, anything else through the string (<see cref="ReadSpelled"/>). Each occurrence replaces
    /// the last, as a repeated field does in the serializer.
    /// </summary>
    private static void ReadValue(ref Utf8JsonReader reader, Field field, bool ascii, Transaction transaction)
    {
        if (IsPlain(ref reader))
        {
            var value = reader.ValueSpan;
            switch (field)
            {
                case Field.TransactionStatus when KnownStatus(value, out var status): transaction.Status = status; return;
                case Field.TransactionType when KnownType(value, out var type): transaction.Type = type; return;
                case Field.CreateTime when TransactionMapper.TryParseSunbayTime(value, out var created): transaction.CreatedAt = created; return;
                case Field.CompleteTime when TransactionMapper.TryParseSunbayTime(value, out var completed): transaction.CompletedAt = completed; return;
                case Field.EntryMode when KnownEntryMode(value, out var mode): transaction.EntryMode = mode; return;
                case Field.AuthenticationMethod when KnownAuthenticationMethod(value, out var method): transaction.AuthenticationMethod = method; return;
                case Field.RelatedTransactionStatus when KnownRelatedStatus(value, out var related): transaction.RelatedTransactionStatus = related; return;
                case Field.TransactionBatchStatus when KnownBatchStatus(value, out var batch): transaction.BatchStatus = batch; return;
            }
        }

        ReadSpelled(ref reader, field, ascii, transaction);
    }

    /// <summary>Any other spelling, or another JSON kind: the string, read by the public type as FromWire reads it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadSpelled(ref Utf8JsonReader reader, Field field, bool ascii, Transaction transaction)
    {
        var text = ReadString(ref reader, field, ascii);
        switch (field)
        {
            case Field.TransactionStatus: transaction.Status = TransactionStatus.Parse(text); break;
            case Field.TransactionType: transaction.Type = WireValue.Read(text, static v => new TransactionType(v)) ?? default; break;
            case Field.CreateTime: transaction.CreatedAt = TransactionMapper.ParseTime(text); break;
            case Field.CompleteTime: transaction.CompletedAt = TransactionMapper.ParseTime(text); break;
            case Field.EntryMode: transaction.EntryMode = WireValue.Read(text, static v => new EntryMode(v)); break;
            case Field.AuthenticationMethod: transaction.AuthenticationMethod = WireValue.Read(text, static v => new AuthenticationMethod(v)); break;
            case Field.RelatedTransactionStatus: transaction.RelatedTransactionStatus = WireValue.Read(text, static v => new RelatedTransactionStatus(v)); break;
            case Field.TransactionBatchStatus: transaction.BatchStatus = WireValue.Read(text, static v => new BatchStatus(v)); break;
            default: throw new InvalidOperationException($"{field} is not read from a spelling.");
        }
    }

    private static void ReadAmount(ref Utf8JsonReader reader, Span<byte> unescaped, bool ascii, Transaction transaction)
    {
        // A repeated amount replaces the whole object, as in the serializer; JSON null is no amount.
        if (reader.TokenType == JsonTokenType.Null)
        {
            transaction.Amount = null;
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The JSON value is not an object: an amount was expected.", "$.amount", null, null);
        }

        // An empty object is an amount, with nothing in it.
        var amount = new TransactionAmounts();
        transaction.Amount = amount;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, unescaped);
            var field = LookupAmount(name);
            reader.Read();
            switch (field)
            {
                case AmountField.PriceCurrency:
                    amount.Currency = reader.TokenType == JsonTokenType.Null ? null
                        : IsPlain(ref reader) && ascii ? Widen(reader.ValueSpan)
                        : Strings.Read(ref reader, typeof(string), SunbayWireJson.Options);
                    break;
                case AmountField.TransAmount:
                    amount.Total = ReadMinorUnits(ref reader, "transAmount");
                    break;
                case AmountField.OrderAmount:
                    amount.Order = ReadMinorUnits(ref reader, "orderAmount");
                    break;
                case AmountField.TaxAmount:
                    amount.Tax = ReadMinorUnits(ref reader, "taxAmount");
                    break;
                case AmountField.SurchargeAmount:
                    amount.Surcharge = ReadMinorUnits(ref reader, "surchargeAmount");
                    break;
                case AmountField.TipAmount:
                    amount.Tip = ReadMinorUnits(ref reader, "tipAmount");
                    break;
                case AmountField.CashbackAmount:
                    amount.Cashback = ReadMinorUnits(ref reader, "cashbackAmount");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static long? ReadMinorUnits(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        // The converter's first reading, without its virtual call: an integer of minor units.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole))
        {
            return whole;
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

    /// <summary>
    /// A string field as the wire's lenient reading takes it. In an ASCII body an unescaped string's bytes are its
    /// characters: they are widened, without <see cref="Utf8JsonReader.GetString"/>'s UTF-8 validation and transcoding
    /// (a third of the cost of a short string); any other body is read by the reader, which refuses invalid UTF-8.
    /// </summary>
    private static string? ReadString(ref Utf8JsonReader reader, Field field, bool ascii) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => ascii && !reader.ValueIsEscaped ? Widen(reader.ValueSpan) : reader.GetString(),

        // The lenient reading of a string field would take the object's JSON text as the value: a signed body is still a
        // body SUNBAY never writes, and its transactionId must never name a transaction.
        JsonTokenType.StartObject or JsonTokenType.StartArray when field <= Field.TransactionBatchStatus => throw NotAValue(field),
        _ => Strings.Read(ref reader, typeof(string), SunbayWireJson.Options),
    };

    /// <summary>ASCII bytes as the string they spell (Latin-1 maps each byte to the character of the same code).</summary>
    private static string Widen(ReadOnlySpan<byte> ascii) => Encoding.Latin1.GetString(ascii);

    private static FormatException NotAValue(Field field) => new($"'{Names[(int)field]}' is a JSON object or array, not a value");

    /// <summary>A string token whose bytes are its text (no escape), so that they can be compared with a known value's.</summary>
    private static bool IsPlain(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;

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
}
