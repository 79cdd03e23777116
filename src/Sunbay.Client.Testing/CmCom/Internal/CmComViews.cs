using System.Globalization;
using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>The wire view of the fake's state, in the generated CM.com types.</summary>
internal static class CmComViews
{
    /// <summary>
    /// A transaction as the POST and a GET answer it: type, id, merchant_order_reference, creation_datetime, amount and
    /// status; once processed also transaction_datetime, system_trace_audit_number, brand, receipt, result and store.
    /// </summary>
    public static CmWire.Transaction Transaction(FakeCmComTransaction t) => new()
    {
        Type = t.Type,
        Id = t.Id,
        MerchantOrderReference = t.MerchantOrderReference,
        CreationDatetime = Time(t.CreatedAt),
        Amount = new CmWire.AmountValue { Value = t.Amount, Currency = t.Currency },
        Status = t.Status,
        Reference = t.ReferenceId is { } id ? new CmWire.TransactionReferenceValue { Id = id } : null,
        TransactionDatetime = t.ProcessedAt is { } at ? Time(at) : null,
        SystemTraceAuditNumber = t.SystemTraceAuditNumber,
        Brand = t.Brand,
        Receipt = t.Receipt,
        Result = t.Result,
        Store = t.ProcessedAt is null ? null : StoreRef(t.Terminal.Store),
    };

    public static CmWire.Store Store(FakeCmComStore store) => new() { Uuid = store.Uuid, Name = store.Name };

    public static CmWire.Terminal Terminal(FakeCmComTerminal terminal) => new()
    {
        Id = terminal.Id,
        Manufacturer = terminal.Manufacturer,
        Model = terminal.Model,
        Serial = terminal.Serial,
        Store = StoreRef(terminal.Store),
    };

    public static CmWire.ApiKey ApiKey(FakeCmComApiKey key) => new()
    {
        Id = key.Id,
        Label = key.Label,
        LastUsage = key.LastUsage is { } used ? Offset(used) : null,
        Validity = key.ValidFrom is null && key.ValidUntil is null ? null : new CmWire.ApiKeyValidityValue
        {
            From = key.ValidFrom is { } from ? Offset(from) : null,
            Until = key.ValidUntil is { } until ? Offset(until) : null,
        },
    };

    /// <summary>A transaction time as in the guide's example, <c>2022-01-18T14:30:05.619Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A key time as in the guide's example, <c>2022-07-01T00:00:00+00:00</c>.</summary>
    public static string Offset(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static CmWire.StoreRef StoreRef(FakeCmComStore store) => new() { Uuid = store.Uuid, Name = store.Name };
}
