using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunbay.Client.Wire;

/// <summary>Source-generated JSON metadata of every wire type: no reflection, one parse per response.</summary>
[JsonSerializable(typeof(SaleRequest))]
[JsonSerializable(typeof(AuthRequest))]
[JsonSerializable(typeof(ForcedAuthRequest))]
[JsonSerializable(typeof(IncrementalAuthRequest))]
[JsonSerializable(typeof(PostAuthRequest))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(VoidRequest))]
[JsonSerializable(typeof(AbortRequest))]
[JsonSerializable(typeof(TipAdjustRequest))]
[JsonSerializable(typeof(BatchCloseRequest))]
[JsonSerializable(typeof(ApiEnvelope))]
[JsonSerializable(typeof(TransactionDispatchResponse))]
[JsonSerializable(typeof(AbortResponse))]
[JsonSerializable(typeof(TipAdjustResponse))]
[JsonSerializable(typeof(QueryTransactionResponse))]
[JsonSerializable(typeof(BatchQueryResponse))]
[JsonSerializable(typeof(BatchCloseResponse))]
[JsonSerializable(typeof(BatchCloseListResponse))]
[JsonSerializable(typeof(MerchantResponse))]
[JsonSerializable(typeof(TerminalPageResponse))]
internal sealed partial class SunbayWireJsonContext : JsonSerializerContext;

/// <summary>The one set of JSON options for the wire: tolerant reading, nulls omitted on writing.</summary>
internal static class SunbayWireJson
{
    /// <summary>Options shared by the wire client and the webhook parser.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions settings)
    {
        settings.TypeInfoResolver = SunbayWireJsonContext.Default;
        // Omitted, not null: SUNBAY validates present fields, and the SDKs never send nulls.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Amounts may arrive as 1000, "1000" or 10.00 (decision f); other numbers as numbers or strings.
        settings.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        settings.Converters.Add(new MinorUnitsConverter());
        // A number (or true/false) where a string is expected is read as its text: "batchNo":123 must not make a query
        // or a webhook unreadable. The source-generated metadata honours converters of the options for string
        // properties; writing is the built-in one, so requests are unchanged.
        settings.Converters.Add(new LenientStringConverter());
        settings.PropertyNameCaseInsensitive = false;
    }

    /// <summary>
    /// What made a body unreadable, naming the field (<c>field 'data.amount.transAmount': not an amount ...</c>), for the
    /// message of a typed SDK error; <see langword="null"/> when <paramref name="error"/> is not a JSON error. Never quotes
    /// a value of the body.
    /// </summary>
    public static string? DescribeReadError(Exception? error)
    {
        if (error is not JsonException json)
        {
            return null;
        }

        var why = json.InnerException?.Message ?? json.Message;
        if (string.IsNullOrEmpty(json.Path) || json.Path == "$")
        {
            return why;
        }

        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        return $"field '{field}': {why}";
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
