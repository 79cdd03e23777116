using System.Globalization;
using Sunbay.Client.Transactions;

namespace Sunbay.Client.CmCom.Transactions;

/// <summary>CM.com's answers read into the public models. Tolerant: a missing or unreadable field is null, never an error.</summary>
internal static class CmComMapper
{
    public static CmComTransaction FromWire(Wire.Transaction wire, string terminalId) => new()
    {
        Id = wire.Id ?? string.Empty,
        TerminalId = terminalId,
        Type = wire.Type is null ? default : new CmComTransactionType(wire.Type),
        MerchantOrderReference = wire.MerchantOrderReference,
        Amount = wire.Amount?.Value,
        Currency = wire.Amount?.Currency,
        Status = CmComTransactionStatus.Parse(wire.Status),
        Result = WireValue.Read(wire.Result, static v => new CmComTransactionResult(v)),
        CreatedAt = DateOf(wire.CreationDatetime),
        ProcessedAt = DateOf(wire.TransactionDatetime),
        SystemTraceAuditNumber = wire.SystemTraceAuditNumber,
        Brand = WireValue.Read(wire.Brand, static v => new CmComCardBrand(v)),
        Receipt = wire.Receipt,
        Store = wire.Store is { } store ? new CmComStore(store.Uuid, store.Name) : null,
        ReferencedTransactionId = wire.Reference?.Id,
    };

    public static CmComStore FromWire(Wire.Store wire) => new(wire.Uuid, wire.Name);

    public static CmComTerminal FromWire(Wire.Terminal wire) => new(
        wire.Id ?? (wire is { Manufacturer: { } m, Model: { } model, Serial: { } serial } ? $"{m}-{model}-{serial}" : string.Empty),
        wire.Manufacturer,
        wire.Model,
        wire.Serial,
        wire.Store is { } store ? new CmComStore(store.Uuid, store.Name) : null);

    public static CmComApiKey FromWire(Wire.ApiKey wire) => new()
    {
        Id = wire.Id ?? 0,
        Label = wire.Label,
        LastUsedAt = DateOf(wire.LastUsage),
        ValidFrom = DateOf(wire.Validity?.From),
        ValidUntil = DateOf(wire.Validity?.Until),
    };

    /// <summary>An ISO 8601 date and time as CM.com writes it; null when absent or unreadable (kept as text on the wire for that reason).</summary>
    public static DateTimeOffset? DateOf(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>A date and time as CM.com's guide writes one: <c>2022-07-01T00:00:00+00:00</c>, to the second.</summary>
    public static string? TextOf(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
