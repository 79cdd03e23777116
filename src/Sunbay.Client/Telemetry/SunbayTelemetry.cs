using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sunbay.Client.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of the SDK, both named <c>Sunbay.Client</c>. Listen to them
/// with OpenTelemetry (<c>AddSource("Sunbay.Client")</c>, <c>AddMeter("Sunbay.Client")</c>). Tag names follow the
/// OpenTelemetry conventions where one applies (<c>error.type</c>); the rest are namespaced <c>sunbay.*</c>. The call
/// metrics (<c>sunbay.client.api.*</c>) are created on this meter by <see cref="SunbayCallTelemetry"/>.
/// </summary>
internal static class SunbayTelemetry
{
    public const string Name = "Sunbay.Client";

    public static ActivitySource ActivitySource { get; } = new(Name, Http.ProductUserAgent.SdkVersionOf(typeof(SunbayTelemetry).Assembly));

    public static Meter Meter { get; } = new(Name, Http.ProductUserAgent.SdkVersionOf(typeof(SunbayTelemetry).Assembly));

    /// <summary>Final statuses seen by operations, tagged <c>sunbay.transaction.type</c>, <c>sunbay.transaction.status</c> and <c>sunbay.completed_by</c>.</summary>
    public static Counter<long> TransactionOutcomes { get; } = Meter.CreateCounter<long>(
        "sunbay.client.transaction.outcomes", unit: "{transaction}", description: "Final statuses of transactions awaited by operations.");

    /// <summary>Time from dispatch to the final status seen, tagged like <see cref="TransactionOutcomes"/>.</summary>
    public static Histogram<double> TimeToFinal { get; } = Meter.CreateHistogram<double>(
        "sunbay.client.transaction.time_to_final", unit: "s", description: "Time from dispatch until the operation saw the final status.");
}
