using System.Globalization;
using System.Text.Json;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>How the fake writes what it says: SUNBAY's envelope (success, error, business refusal), its times, and a transaction as the wire shows it.</summary>
internal sealed partial class FakeEngine
{
    /// <summary>SUNBAY's time format: seconds and an offset, no fraction (<c>2026-01-01T00:00:00+00:00</c>).</summary>
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    internal static FakeAnswer Ok<TEnvelope>(TEnvelope envelope)
        where TEnvelope : ApiEnvelope
    {
        envelope.Code = FakeSunbayCodes.Success;
        envelope.Msg = "Success";
        envelope.TraceId = NewTraceId();
        return new FakeAnswer(200, FakeSunbayCodes.Success, JsonSerializer.Serialize(envelope, FakeWireJson.Info<TEnvelope>()));
    }

    internal static FakeAnswer Error(int status, string code, string message) =>
        new(status, code, JsonSerializer.Serialize(new ApiEnvelope { Code = code, Msg = message, TraceId = NewTraceId() }, FakeWireJson.Info<ApiEnvelope>()));

    internal static FakeAnswer BadRequest(string message) => Error(400, FakeSunbayCodes.ParameterError, "Bad Request: " + message);

    internal static FakeAnswer Business(string code, string message) => Error(200, code, message);

    internal static string NewTraceId() => Guid.NewGuid().ToString("N");

    internal static string Iso(DateTimeOffset value) => value.ToString(IsoFormat, CultureInfo.InvariantCulture);

    private static bool TryParseIso(string? value, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParseExact(value, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed);

    internal static TransactionDetail Detail(FakeTransaction t)
    {
        var card = t.MaskedPan is not null;
        return new TransactionDetail
        {
            TransactionId = t.TransactionId,
            TransactionRequestId = t.TransactionRequestId,
            ReferenceOrderId = t.ReferenceOrderId,
            OriginalTransactionId = t.OriginalTransactionId,
            OriginalTransactionRequestId = t.OriginalTransactionRequestId,
            TransactionStatus = t.Status,
            TransactionType = t.Type,
            Amount = new TransactionAmount
            {
                PriceCurrency = t.Currency,
                TransAmount = t.TransAmount,
                OrderAmount = t.OrderAmount,
                TaxAmount = t.TaxAmount,
                SurchargeAmount = t.SurchargeAmount,
                TipAmount = t.TipAmount,
                CashbackAmount = t.CashbackAmount,
            },
            CreateTime = Iso(t.CreatedAt),
            CompleteTime = t.CompletedAt is { } completed ? Iso(completed) : null,
            MaskedPan = t.MaskedPan,
            CardNetworkType = card ? "CREDIT" : null,
            PaymentMethodId = card ? "VISA" : null,
            EntryMode = card ? "CONTACTLESS" : null,
            AuthenticationMethod = card ? "NOT_AUTHENTICATED" : null,
            BatchNo = t.BatchNo,
            VoucherNo = t.VoucherNo,
            Stan = t.Stan,
            Rrn = t.Rrn,
            AuthCode = t.AuthCode,
            TransactionResultCode = t.ResultCode,
            TransactionResultMsg = t.ResultMessage,
            TerminalSn = t.TerminalSn,
            Description = t.Description,
            Attach = t.Attach,
            RelatedTransactionStatus = t.RelatedTransactionStatus,
            TransactionBatchStatus = t.BatchStatus,
        };
    }
}
