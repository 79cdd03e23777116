namespace Sunbay.Cli;

/// <summary>Settings of a <see cref="GoLiveCheck"/>.</summary>
internal sealed class GoLiveOptions
{
    /// <summary>The default <see cref="MaxAmount"/>: 100 minor units (1.00).</summary>
    public const long DefaultMaxAmount = 100;

    /// <summary>Amount of each sale, in minor units. Default 100 (1.00).</summary>
    public long Amount { get; init; } = 100;

    /// <summary>The most a go-live sale may be (configuration <c>Sunbay:GoLive:MaxAmount</c>).</summary>
    public long MaxAmount { get; init; } = DefaultMaxAmount;

    public string Currency { get; init; } = "USD";

    /// <summary>The terminal; default the client's configured one.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>The receiver's inbox, or <see langword="null"/> when no notify URL is configured (webhook items not checked).</summary>
    public WebhookInbox? Webhooks { get; init; }

    /// <summary>The notify URL, for messages.</summary>
    public Uri? NotifyUrl { get; init; }

    /// <summary>How long to wait for a webhook after its transaction completed. Default 60 s (SUNBAY retries a failed delivery).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Measures the items. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
