using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The telemetry of one API call in one place: its activity, its duration and count metrics, and its single log line,
/// written once the call's outcome is known, under the names of the provider's <see cref="CallTelemetry"/>.
/// Provider-neutral: every provider package builds on it.
/// </summary>
internal readonly struct CallScope
{
    private readonly CallTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CallScope(CallTelemetry telemetry, string operation, string? reference, TimeProvider time, ILogger logger)
    {
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
        _activity = telemetry.ActivitySource.StartActivity(telemetry.ActivityPrefix + operation, ActivityKind.Client);
        _activity?.SetTag(telemetry.OperationTag, operation);
        _activity?.SetTag(telemetry.ReferenceTag, reference);
    }

    /// <summary>
    /// Records how the call ended: <paramref name="error"/> null is a success; <paramref name="notFound"/> is a lookup
    /// answered "no such transaction", an answer rather than a failure (outcome <c>not_found</c>, no error status, the
    /// Debug line of a call).
    /// </summary>
    public void Complete(in CallFacts facts, int attempts, Exception? error, bool notFound = false)
    {
        var telemetry = _telemetry;
        var elapsed = _time.GetElapsedTime(_started);
        var code = telemetry.CodeOf(facts);
        var outcome = error is null ? "success" : notFound ? "not_found" : error is PaymentsApiException ? "api_error" : "error";
        if (notFound)
        {
            error = null;
        }

        telemetry.ApiDuration.Record(elapsed.TotalSeconds, new(telemetry.OperationTag, facts.Operation), new(telemetry.OutcomeTag, outcome));
        telemetry.ApiCalls.Add(1, new(telemetry.OperationTag, facts.Operation), new(telemetry.OutcomeTag, outcome), new(telemetry.CodeTag, code));
        if (_activity is { } activity)
        {
            activity.SetTag(telemetry.CodeTag, code);
            activity.SetTag(telemetry.TraceIdTag, telemetry.TraceIdOf(facts));
            activity.SetTag(telemetry.OutcomeTag, outcome);
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
                telemetry.LogCall(_logger, facts, code, telemetry.TraceIdOf(facts), elapsed.TotalMilliseconds, attempts);
                break;
            case PaymentsTransportException { OutcomeUnknown: true } unknown:
                telemetry.OutcomeUnknown.Add(1, new KeyValuePair<string, object?>(telemetry.OperationTag, facts.Operation));
                telemetry.LogOutcomeUnknown(_logger, facts, unknown);
                break;
            case PaymentsException failure when _logger.IsEnabled(LogLevel.Debug):
                telemetry.LogFailed(_logger, facts, code, telemetry.TraceIdOf(facts), elapsed.TotalMilliseconds, attempts, failure.Message);
                break;
        }
    }
}
