using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sunbay.Client.Telemetry;

/// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> of the SDK, both named <c>Sunbay.Client</c>.</summary>
internal static class SunbayTelemetry
{
    public const string Name = "Sunbay.Client";

    public static ActivitySource ActivitySource { get; } = new(Name, SunbayVersion);

    public static Meter Meter { get; } = new(Name, SunbayVersion);

    /// <summary>Duration of API calls, tagged by operation and outcome.</summary>
    public static Histogram<double> ApiDuration { get; } = Meter.CreateHistogram<double>(
        "sunbay.client.api.duration", unit: "s", description: "Duration of SUNBAY API calls.");

    /// <summary>Final transaction statuses seen by operations, tagged by type and status.</summary>
    public static Counter<long> TransactionOutcomes { get; } = Meter.CreateCounter<long>(
        "sunbay.client.transaction.outcomes", unit: "{transaction}", description: "Final statuses of transactions awaited by operations.");

    private static string SunbayVersion => Http.SunbayUserAgent.SdkVersion;
}
