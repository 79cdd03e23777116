using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of the SDK, both named <c>Sunbay.Client</c>. Listen to them
/// with OpenTelemetry (<c>AddSource("Sunbay.Client")</c>, <c>AddMeter("Sunbay.Client")</c>). Tag names follow the
/// OpenTelemetry conventions where one applies (<c>error.type</c>); the rest are namespaced <c>sunbay.*</c>.
/// </summary>
internal static class SunbayTelemetry
{
    public const string Name = "Sunbay.Client";

    public static ActivitySource ActivitySource { get; } = new(Name, Http.SunbayUserAgent.SdkVersion);

    public static Meter Meter { get; } = new(Name, Http.SunbayUserAgent.SdkVersion);

    /// <summary>API calls, tagged <c>sunbay.operation</c>, <c>sunbay.outcome</c> and <c>sunbay.code</c>.</summary>
    public static Counter<long> ApiCalls { get; } = Meter.CreateCounter<long>(
        "sunbay.client.api.calls", unit: "{call}", description: "SUNBAY API calls by operation, outcome and SUNBAY code.");

    /// <summary>Duration of API calls including retries, tagged <c>sunbay.operation</c> and <c>sunbay.outcome</c>.</summary>
    public static Histogram<double> ApiDuration { get; } = Meter.CreateHistogram<double>(
        "sunbay.client.api.duration", unit: "s", description: "Duration of SUNBAY API calls, retries included.");

    /// <summary>Retries of safe requests, tagged <c>sunbay.operation</c>.</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        "sunbay.client.api.retries", unit: "{retry}", description: "Retries of safe (GET) SUNBAY requests.");

    /// <summary>POSTs whose outcome is unknown (may have taken effect), tagged <c>sunbay.operation</c>.</summary>
    public static Counter<long> OutcomeUnknown { get; } = Meter.CreateCounter<long>(
        "sunbay.client.api.outcome_unknown", unit: "{call}", description: "POSTs that failed after they may have reached SUNBAY; reconcile them.");

    /// <summary>Final statuses seen by operations, tagged <c>sunbay.transaction.type</c>, <c>sunbay.transaction.status</c> and <c>sunbay.completed_by</c>.</summary>
    public static Counter<long> TransactionOutcomes { get; } = Meter.CreateCounter<long>(
        "sunbay.client.transaction.outcomes", unit: "{transaction}", description: "Final statuses of transactions awaited by operations.");

    /// <summary>Time from dispatch to the final status seen, tagged like <see cref="TransactionOutcomes"/>.</summary>
    public static Histogram<double> TimeToFinal { get; } = Meter.CreateHistogram<double>(
        "sunbay.client.transaction.time_to_final", unit: "s", description: "Time from dispatch until the operation saw the final status.");
}
