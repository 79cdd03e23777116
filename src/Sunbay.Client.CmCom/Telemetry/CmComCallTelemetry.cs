using System.Globalization;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client.CmCom.Telemetry;

/// <summary>
/// CM.com's names of a call's telemetry (<c>cmcom.*</c>): its code is the HTTP status (CM.com has no error codes of its
/// own; a problem's title is text), and it has no trace id.
/// </summary>
internal sealed class CmComCallTelemetry : CallTelemetry
{
    private CmComCallTelemetry()
        : base(CmComTelemetry.ActivitySource, CmComTelemetry.Meter, "cmcom", "CM.com", "cmcom.merchant_order_reference")
    {
    }

    public static CmComCallTelemetry Instance { get; } = new();

    public override string? CodeOf(in CallFacts facts) => facts.StatusCode?.ToString(CultureInfo.InvariantCulture);

    public override string? TraceIdOf(in CallFacts facts) => null;

    public override void LogCall(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts) =>
        Log.ApiCall(logger, facts.Operation, facts.StatusCode, elapsedMs, attempts);

    public override void LogFailed(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts, string message) =>
        Log.ApiFailed(logger, facts.Operation, facts.StatusCode, elapsedMs, attempts, message);

    public override void LogOutcomeUnknown(ILogger logger, in CallFacts facts, Exception exception) =>
        Log.OutcomeUnknown(logger, facts.Operation, facts.Subject.TerminalId, facts.Subject.Reference, facts.Subject.TransactionId, exception);

    public override void LogRetrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason) =>
        Log.Retrying(logger, method, path, attempt, delayMs, reason);
}
