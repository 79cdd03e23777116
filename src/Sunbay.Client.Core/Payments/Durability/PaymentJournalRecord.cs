using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The text form of a <see cref="PaymentJournalEntry"/>: JSON with a format version <c>v</c>, so that an instance of an
/// older version recognises a newer record and keeps it instead of misreading it.
/// </summary>
internal static class PaymentJournalRecord
{
    /// <summary>The format this version writes and the newest it reads.</summary>
    public const int Version = 1;

    public static string Write(PaymentJournalEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("key", entry.Key);
            json.WriteString("provider", entry.Provider);
            json.WriteString("kind", entry.Kind == CardPaymentKind.Refund ? "refund" : "payment");
            json.WriteNumber("amount", entry.Amount.MinorUnits);
            json.WriteString("currency", entry.Amount.Currency);
            json.WriteString("reference", entry.MerchantReference);
            WriteOptional(json, "terminal", entry.Terminal);
            WriteOptional(json, "original", entry.OriginalTransactionId);
            json.WriteString("state", StateName(entry.State));
            WriteOptional(json, "operationId", entry.OperationId);
            json.WriteString("openedAt", entry.OpenedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            if (entry.Closed)
            {
                json.WriteBoolean("closed", true);
            }

            if (entry.Outcome is { } outcome)
            {
                json.WriteStartObject("outcome");
                json.WriteString("provider", outcome.Provider);
                json.WriteString("kind", outcome.Kind == CardPaymentKind.Refund ? "refund" : "payment");
                json.WriteString("status", outcome.Status.ToString());
                json.WriteNumber("amount", outcome.Amount.MinorUnits);
                json.WriteString("currency", outcome.Amount.Currency);
                WriteOptional(json, "transactionId", outcome.ProviderTransactionId);
                WriteOptional(json, "reference", outcome.MerchantReference);
                WriteOptional(json, "terminal", outcome.Terminal);

                // The receipt is the cardholder's: it is printed from the live outcome, never stored.
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a record; <see langword="null"/> with the reason when it is truncated, newer or foreign.</summary>
    public static PaymentJournalEntry? TryRead(string key, string record, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(record);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number)
            {
                problem = "not a Sunbay.Client journal record (no format version)";
                return null;
            }

            if (!v.TryGetInt32(out var version) || version < 1 || version > Version)
            {
                problem = $"format version {v.GetRawText()}, this version reads 1 to {Version}: written by a newer Sunbay.Client";
                return null;
            }

            var recordKey = root.GetProperty("key").GetString();
            if (!string.Equals(recordKey, key, StringComparison.Ordinal))
            {
                problem = "it names another key";
                return null;
            }

            var amount = Money.FromMinorUnits(root.GetProperty("amount").GetInt64(), root.GetProperty("currency").GetString()!);
            var entry = new PaymentJournalEntry
            {
                Key = key,
                Provider = root.GetProperty("provider").GetString()!,
                Kind = KindOf(root.GetProperty("kind").GetString()),
                Amount = amount,
                MerchantReference = root.GetProperty("reference").GetString()!,
                Terminal = Optional(root, "terminal"),
                OriginalTransactionId = Optional(root, "original"),
                State = StateOf(root.GetProperty("state").GetString()),
                OperationId = Optional(root, "operationId"),
                OpenedAt = DateTimeOffset.Parse(root.GetProperty("openedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Closed = root.TryGetProperty("closed", out var closed) && closed.ValueKind == JsonValueKind.True,
                Outcome = root.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object ? OutcomeOf(outcome) : null,
            };
            problem = null;
            return entry;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or PaymentsValidationException or ArgumentException)
        {
            problem = $"unreadable ({ex.GetType().Name}): truncated or not written by Sunbay.Client";
            return null;
        }
    }

    private static CardPaymentOutcome OutcomeOf(JsonElement outcome) => new()
    {
        Provider = outcome.GetProperty("provider").GetString()!,
        Kind = KindOf(outcome.GetProperty("kind").GetString()),
        Status = Enum.TryParse<CardPaymentStatus>(outcome.GetProperty("status").GetString(), ignoreCase: false, out var status) && Enum.IsDefined(status)
            ? status
            : throw new FormatException("unknown outcome status"),
        Amount = Money.FromMinorUnits(outcome.GetProperty("amount").GetInt64(), outcome.GetProperty("currency").GetString()!),
        ProviderTransactionId = Optional(outcome, "transactionId"),
        MerchantReference = Optional(outcome, "reference"),
        Terminal = Optional(outcome, "terminal"),
    };

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static CardPaymentKind KindOf(string? kind) => kind switch
    {
        "payment" => CardPaymentKind.Payment,
        "refund" => CardPaymentKind.Refund,
        _ => throw new FormatException("unknown kind"),
    };

    private static string StateName(PaymentJournalState state) => state switch
    {
        PaymentJournalState.Sending => "sending",
        PaymentJournalState.Started => "started",
        PaymentJournalState.OutcomeUnknown => "outcomeUnknown",
        PaymentJournalState.Resolved => "resolved",
        PaymentJournalState.NotReceived => "notReceived",
        PaymentJournalState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a journal state"),
    };

    private static PaymentJournalState StateOf(string? state) => state switch
    {
        "sending" => PaymentJournalState.Sending,
        "started" => PaymentJournalState.Started,
        "outcomeUnknown" => PaymentJournalState.OutcomeUnknown,
        "resolved" => PaymentJournalState.Resolved,
        "notReceived" => PaymentJournalState.NotReceived,
        "refused" => PaymentJournalState.Refused,
        _ => throw new FormatException("unknown state"),
    };
}
