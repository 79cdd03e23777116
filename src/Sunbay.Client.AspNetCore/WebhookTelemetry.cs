using System.Diagnostics.Metrics;

namespace Sunbay.Client.AspNetCore;

/// <summary>Webhook metrics on the SDK's meter name, <c>Sunbay.Client</c>.</summary>
internal static class WebhookTelemetry
{
    public static Meter Meter { get; } = new("Sunbay.Client");

    /// <summary>Deliveries, tagged <c>sunbay.webhook.outcome</c>: processed, duplicate, rejected (with <c>sunbay.webhook.reason</c>) or failed.</summary>
    public static Counter<long> Deliveries { get; } = Meter.CreateCounter<long>(
        "sunbay.client.webhook.deliveries", unit: "{delivery}", description: "SUNBAY webhook deliveries received, by outcome.");

    /// <summary>Time from the end of verification to the end of the handler.</summary>
    public static Histogram<double> ProcessingDuration { get; } = Meter.CreateHistogram<double>(
        "sunbay.client.webhook.processing.duration", unit: "s", description: "Processing time of SUNBAY webhooks (bus publication plus handler).");
}
