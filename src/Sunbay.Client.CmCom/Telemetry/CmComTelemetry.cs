using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of the CM.com client, both named <c>Sunbay.Client.CmCom</c>
/// (OpenTelemetry: <c>AddSource("Sunbay.Client.CmCom")</c>, <c>AddMeter("Sunbay.Client.CmCom")</c>, or <c>Sunbay.Client*</c>
/// for both providers). The same instruments as the SUNBAY client, namespaced <c>cmcom.*</c>: calls, duration, retries
/// and unknown outcomes by <see cref="CmComCallTelemetry"/>; transaction outcomes and time to final here.
/// </summary>
internal static class CmComTelemetry
{
    public const string Name = "Sunbay.Client.CmCom";

    public static ActivitySource ActivitySource { get; } = new(Name, ProductUserAgent.SdkVersionOf(typeof(CmComTelemetry).Assembly));

    public static Meter Meter { get; } = new(Name, ProductUserAgent.SdkVersionOf(typeof(CmComTelemetry).Assembly));

    /// <summary>Final statuses seen by operations, tagged <c>cmcom.transaction.type</c>, <c>cmcom.transaction.status</c> and <c>cmcom.transaction.result</c>.</summary>
    public static Counter<long> TransactionOutcomes { get; } = Meter.CreateCounter<long>(
        "cmcom.client.transaction.outcomes", unit: "{transaction}", description: "Final statuses of CM.com transactions awaited by operations.");

    /// <summary>Time from the start of an operation to the final status seen, tagged like <see cref="TransactionOutcomes"/>.</summary>
    public static Histogram<double> TimeToFinal { get; } = Meter.CreateHistogram<double>(
        "cmcom.client.transaction.time_to_final", unit: "s", description: "Time until the operation saw the final status of a CM.com transaction.");
}
