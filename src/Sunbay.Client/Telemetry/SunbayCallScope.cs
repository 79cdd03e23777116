using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The telemetry of one API call in one place: its activity, its duration and count metrics, and its single log line,
/// written once the call's outcome is known.
/// </summary>
internal readonly struct SunbayCallScope
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SunbayCallScope(string operation, string? transactionRequestId, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
        _activity = SunbayTelemetry.ActivitySource.StartActivity($"sunbay {operation}", ActivityKind.Client);
        _activity?.SetTag("sunbay.operation", operation);
        _activity?.SetTag("sunbay.transaction_request_id", transactionRequestId);
    }

    /// <summary>Records how the call ended: <paramref name="error"/> null is a success.</summary>
    public void Complete(in CallFacts facts, int attempts, Exception? error)
    {
        var elapsed = _time.GetElapsedTime(_started);
        var envelope = facts.Envelope;

        // Everything SUNBAY wrote is masked before it is recorded; "0" needs no search (the common case stays cheap).
        var code = envelope?.Code is "0" ? "0" : SensitiveData.Mask(envelope?.Code, facts.ApiKey);
        var outcome = error is null ? "success" : error is SunbayApiException ? "api_error" : "error";
        SunbayTelemetry.ApiDuration.Record(elapsed.TotalSeconds, new("sunbay.operation", facts.Operation), new("sunbay.outcome", outcome));
        SunbayTelemetry.ApiCalls.Add(1, new("sunbay.operation", facts.Operation), new("sunbay.outcome", outcome), new("sunbay.code", code));
        if (_activity is { } activity)
        {
            activity.SetTag("sunbay.code", code);
            activity.SetTag("sunbay.trace_id", SensitiveData.Mask(envelope?.TraceId, facts.ApiKey));
            activity.SetTag("sunbay.outcome", outcome);
            if (error is not null)
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        switch (error)
        {
            case null when _logger.IsEnabled(LogLevel.Debug):
                Log.ApiCall(_logger, facts.Operation, facts.StatusCode, code, SensitiveData.Mask(envelope?.TraceId, facts.ApiKey), elapsed.TotalMilliseconds, attempts);
                break;
            case SunbayTransportException { OutcomeUnknown: true } unknown:
                SunbayTelemetry.OutcomeUnknown.Add(1, new KeyValuePair<string, object?>("sunbay.operation", facts.Operation));
                Log.OutcomeUnknown(_logger, facts.Operation, facts.TransactionRequestId, unknown);
                break;
            case SunbayException failure when _logger.IsEnabled(LogLevel.Debug):
                Log.ApiFailed(_logger, facts.Operation, facts.StatusCode, code, SensitiveData.Mask(envelope?.TraceId, facts.ApiKey), elapsed.TotalMilliseconds, attempts, failure.Message);
                break;
        }
    }
}
