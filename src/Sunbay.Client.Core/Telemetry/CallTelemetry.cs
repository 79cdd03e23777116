using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// One provider's telemetry of an API call: its activity source and tag names, its call metrics, and its log lines.
/// <see cref="CallScope"/> and the retry strategy record through it, so the pipeline stays provider-neutral. One
/// immutable instance per provider (SUNBAY: <c>SunbayCallTelemetry</c>); the names are built once, never per call.
/// This file is provider-neutral: every provider package builds on it.
/// </summary>
internal abstract class CallTelemetry
{
    /// <param name="activitySource">Where the call's activity starts.</param>
    /// <param name="meter">Where the call metrics are created.</param>
    /// <param name="prefix">The namespace of names and tags, e.g. <c>sunbay</c>: activity <c>sunbay sale</c>, metric <c>sunbay.client.api.calls</c>, tag <c>sunbay.operation</c>.</param>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c>, for the metrics' descriptions.</param>
    /// <param name="referenceTag">The activity tag of <see cref="CallSubject.Reference"/>, e.g. <c>sunbay.transaction_request_id</c>.</param>
    protected CallTelemetry(ActivitySource activitySource, Meter meter, string prefix, string provider, string referenceTag)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ActivitySource = activitySource;
        ActivityPrefix = prefix + " ";
        OperationTag = prefix + ".operation";
        OutcomeTag = prefix + ".outcome";
        CodeTag = prefix + ".code";
        TraceIdTag = prefix + ".trace_id";
        ReferenceTag = referenceTag;
        ApiCalls = meter.CreateCounter<long>(
            prefix + ".client.api.calls", unit: "{call}", description: $"{provider} API calls by operation, outcome and {provider} code.");
        ApiDuration = meter.CreateHistogram<double>(
            prefix + ".client.api.duration", unit: "s", description: $"Duration of {provider} API calls, retries included.");
        Retries = meter.CreateCounter<long>(
            prefix + ".client.api.retries", unit: "{retry}", description: $"Retries of safe (GET) {provider} requests.");
        OutcomeUnknown = meter.CreateCounter<long>(
            prefix + ".client.api.outcome_unknown", unit: "{call}", description: $"Requests that change something (POST, DELETE) that failed after they may have reached {provider}; reconcile them.");
    }

    public ActivitySource ActivitySource { get; }

    /// <summary>The start of an activity's name, with its space: <c>"sunbay "</c>.</summary>
    public string ActivityPrefix { get; }

    public string OperationTag { get; }

    public string OutcomeTag { get; }

    public string CodeTag { get; }

    public string TraceIdTag { get; }

    public string ReferenceTag { get; }

    /// <summary>API calls, tagged operation, outcome and code.</summary>
    public Counter<long> ApiCalls { get; }

    /// <summary>Duration of API calls including retries, tagged operation and outcome.</summary>
    public Histogram<double> ApiDuration { get; }

    /// <summary>Retries of safe requests, tagged <c>url.path</c>.</summary>
    public Counter<long> Retries { get; }

    /// <summary>Requests whose outcome is unknown (may have taken effect), tagged operation.</summary>
    public Counter<long> OutcomeUnknown { get; }

    /// <summary>The provider's code of the call's answer (masked), for a tag and the log line; computed on every call, so keep it cheap.</summary>
    public abstract string? CodeOf(in CallFacts facts);

    /// <summary>The provider's trace of the call (masked), for a tag and the log line; only asked when recorded.</summary>
    public abstract string? TraceIdOf(in CallFacts facts);

    /// <summary>The Debug line of a call that succeeded.</summary>
    public abstract void LogCall(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts);

    /// <summary>The Debug line of a call that failed with a known outcome.</summary>
    public abstract void LogFailed(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts, string message);

    /// <summary>The Warning line of a call whose outcome is unknown.</summary>
    public abstract void LogOutcomeUnknown(ILogger logger, in CallFacts facts, Exception exception);

    /// <summary>The Debug line of a retry.</summary>
    public abstract void LogRetrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason);
}
