using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Telemetry;

/// <summary>SUNBAY's names of a call's telemetry (<c>sunbay.*</c>, see <see cref="SunbayTelemetry"/>): its code and trace are the envelope's.</summary>
internal sealed class SunbayCallTelemetry : CallTelemetry
{
    private SunbayCallTelemetry()
        : base(SunbayTelemetry.ActivitySource, SunbayTelemetry.Meter, "sunbay", "SUNBAY", "sunbay.transaction_request_id")
    {
    }

    public static SunbayCallTelemetry Instance { get; } = new();

    /// <summary>Everything SUNBAY wrote is masked before it is recorded; "0" needs no search (the common case stays cheap).</summary>
    public override string? CodeOf(in CallFacts facts) =>
        facts.Answer is ApiEnvelope { Code: var code } ? code is "0" ? "0" : SensitiveData.Mask(code, facts.ApiKey) : null;

    public override string? TraceIdOf(in CallFacts facts) => SensitiveData.Mask((facts.Answer as ApiEnvelope)?.TraceId, facts.ApiKey);

    public override void LogCall(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts) =>
        Log.ApiCall(logger, facts.Operation, facts.StatusCode, code, traceId, elapsedMs, attempts);

    public override void LogFailed(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts, string message) =>
        Log.ApiFailed(logger, facts.Operation, facts.StatusCode, code, traceId, elapsedMs, attempts, message);

    public override void LogOutcomeUnknown(ILogger logger, in CallFacts facts, Exception exception) =>
        Log.OutcomeUnknown(logger, facts.Operation, facts.Subject.Reference, exception);

    public override void LogRetrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason) =>
        Log.Retrying(logger, method, path, attempt, delayMs, reason);
}
