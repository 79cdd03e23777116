using System.Globalization;
using System.Numerics;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Transactions;

/// <summary>Maps between the public transaction models and the generated wire types.</summary>
internal static class TransactionMapper
{
    /// <summary>The wire form of a <c>timeExpire</c>: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>.</summary>
    public static string? ToWire(DateTimeOffset? expiresAt) =>
        expiresAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A public enum value as the wire value of the same member name (the spec's <c>x-enumNames</c> keep the names
    /// equal; a test checks every member), through the generated <c>FromName</c> of the spec's enum. An undefined value
    /// is a validation error naming the field.
    /// </summary>
    public static string? ToWire<TPublic>(TPublic? value, Func<string, string?> fromName, string field)
        where TPublic : struct, Enum =>
        value is not { } v ? null
        : fromName(v.ToString()) ?? throw new PaymentsValidationException(field, $"must be one of {string.Join(", ", Enum.GetNames<TPublic>())} (was {v})");

    /// <summary>An amount object of any push, with the components its wire type has room for.</summary>
    public static T ToWireAmount<T>(long order, string currency, long? tip = null, long? tax = null, long? surcharge = null, long? cashback = null)
        where T : IAmountWire, new()
    {
        var amount = new T { OrderAmount = order, PriceCurrency = currency };
        if (amount is IAmountPartsWire parts)
        {
            (parts.TipAmount, parts.TaxAmount, parts.SurchargeAmount) = (tip, tax, surcharge);
        }

        if (amount is ICashbackWire withCashback)
        {
            withCashback.CashbackAmount = cashback;
        }

        return amount;
    }

    public static Wire.PaymentMethod? ToWire(PaymentMethod? method) => method is null ? null : new()
    {
        Category = ToWire(method.Category, Wire.PaymentMethodCategory.FromName, "paymentMethod.category"),
        Id = method.Id,
        SubId = ToWire(method.SubId, Wire.PaymentMethodSubId.FromName, "paymentMethod.subId"),
    };

    public static Wire.SignatureConfig? ToWire(SignatureConfig? config) => config is null ? null : new()
    {
        UseHostConfig = config.UseHostConfig,
        EntryLocation = ToWire(config.EntryLocation, Wire.SignatureEntryLocation.FromName, "signatureConfig.entryLocation"),
        Threshold = config.Threshold,
    };

    public static Wire.TipConfig? ToWire(TipConfig? config) => config is null ? null : new()
    {
        UseHostConfig = config.UseHostConfig,
        OnScreenTip = config.OnScreenTip,
        TipMode = ToWire(config.TipMode, Wire.TipMode.FromName, "tipConfig.tipMode"),
        TipWithTax = config.TipWithTax,
        Suggestions = config.Suggestions is not { } s ? null : new Wire.TipSuggestion
        {
            // An empty list of names is no names (SUNBAY's .NET SDK accepts it too); it is not sent.
            Names = s.Names is { Count: > 0 } names ? [.. names] : null,
            FeeMode = ToWire<FeeMode>(s.FeeMode, Wire.FeeMode.FromName, "tipConfig.suggestions.feeMode")!,
            Values = [.. s.Values],
        },
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

    /// <summary>The wire form of a transaction, the inverse of <see cref="FromWire(TransactionDetail, string?)"/> (webhook bodies).</summary>
    public static TransactionDetail ToWire(Transaction transaction)
    {
        var amount = transaction.Amount;
        return new TransactionDetail
        {
            TransactionId = transaction.TransactionId,
            TransactionRequestId = transaction.TransactionRequestId,
            ReferenceOrderId = transaction.ReferenceOrderId,
            OriginalTransactionId = transaction.OriginalTransactionId,
            TransactionStatus = NullIfEmpty(transaction.Status.Value),
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
            EntryMode = transaction.EntryMode?.Value,
            AuthenticationMethod = transaction.AuthenticationMethod?.Value,
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
            RelatedTransactionStatus = transaction.RelatedTransactionStatus?.Value,
            TransactionBatchStatus = transaction.BatchStatus?.Value,
        };
    }

    public static Transaction FromWire(TransactionDetail data, string? fallbackRequestId = null) => new()
    {
        TransactionId = data.TransactionId,
        TransactionRequestId = data.TransactionRequestId ?? fallbackRequestId ?? string.Empty,
        ReferenceOrderId = data.ReferenceOrderId,
        OriginalTransactionId = data.OriginalTransactionId,
        Status = TransactionStatus.Parse(data.TransactionStatus),
        Type = WireValue.Read(data.TransactionType, static v => new TransactionType(v)) ?? default,
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
        EntryMode = WireValue.Read(data.EntryMode, static v => new EntryMode(v)),
        AuthenticationMethod = WireValue.Read(data.AuthenticationMethod, static v => new AuthenticationMethod(v)),
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
        RelatedTransactionStatus = WireValue.Read(data.RelatedTransactionStatus, static v => new RelatedTransactionStatus(v)),
        BatchStatus = WireValue.Read(data.TransactionBatchStatus, static v => new BatchStatus(v)),
    };

    public static TipAdjustResult FromWire(Wire.TipAdjustResult? data) => new()
    {
        OriginalTransactionId = data?.OriginalTransactionId,
        OriginalTransactionRequestId = data?.OriginalTransactionRequestId,
        TipAmount = data?.TipAmount,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // SUNBAY's form (2026-01-02T03:04:05+08:00); a fraction of a second is kept only when there is one.
    private static string? FormatTime(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? value) =>
        TryParseSunbayTime(value.AsSpan(), out var parsed) || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed) ? parsed : null;

    /// <summary>
    /// <see cref="ParseTime"/>'s fast path over UTF-8 (a webhook's <c>createTime</c> as received, without a string): true
    /// only for SUNBAY's own form, which <see cref="ParseTime"/> reads the same; anything else is left to it.
    /// </summary>
    public static bool TryParseSunbayTime(ReadOnlySpan<byte> utf8, out DateTimeOffset parsed) => TryParseSunbayTime<byte>(utf8, out parsed);

    /// <summary>
    /// SUNBAY's own form, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, read without the general parser (which took about a tenth of a
    /// webhook's verify and parse); any other text, or a value out of range, is left to the general parser. One reading
    /// for UTF-16 and UTF-8: the form is ASCII, so a code unit is a character either way.
    /// </summary>
    private static bool TryParseSunbayTime<TChar>(ReadOnlySpan<TChar> value, out DateTimeOffset parsed)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        parsed = default;
        if (value.Length != 25 || At(value, 4) != '-' || At(value, 7) != '-' || At(value, 10) != 'T' || At(value, 13) != ':' || At(value, 16) != ':'
            || At(value, 19) is not ('+' or '-') || At(value, 22) != ':')
        {
            return false;
        }

        var year = Digits(value, 0, 4);
        var month = Digits(value, 5, 2);
        var day = Digits(value, 8, 2);
        var hour = Digits(value, 11, 2);
        var minute = Digits(value, 14, 2);
        var second = Digits(value, 17, 2);
        var offsetHours = Digits(value, 20, 2);
        var offsetMinutes = Digits(value, 23, 2);

        // Years 1 and 9999 are left to the general parser: an offset may take their UTC time out of range.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23
            || minute is < 0 or > 59 || second is < 0 or > 59 || offsetHours is < 0 or > 13 || offsetMinutes is < 0 or > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        parsed = new DateTimeOffset(year, month, day, hour, minute, second, At(value, 19) == '-' ? -offset : offset);
        return true;
    }

    private static int At<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar> => int.CreateTruncating(text[index]);

    /// <summary>The number written by <paramref name="count"/> ASCII digits at <paramref name="start"/>; negative when one is not a digit.</summary>
    private static int Digits<TChar>(ReadOnlySpan<TChar> text, int start, int count)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = At(text, i) - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
