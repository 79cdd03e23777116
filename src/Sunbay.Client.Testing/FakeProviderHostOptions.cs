namespace Sunbay.Client.Testing;

/// <summary>The settings every fake host has: its clock, its port, its first API key and its card delay (<see cref="FakeSunbayHostOptions"/>, <see cref="FakeCmComHostOptions"/>).</summary>
public abstract class FakeProviderHostOptions
{
    private protected FakeProviderHostOptions(string apiKey) => ApiKey = apiKey;

    /// <summary>
    /// The host's clock: timestamps, terminal delays, expiries and injected latency all run on it. Pass a
    /// <see cref="FakeClock"/> so tests never sleep and <see cref="FakeProviderHost.RunUntilAsync{T}"/> can move it (any
    /// other <see cref="TimeProvider"/>, e.g. <c>FakeTimeProvider</c>, works with manual advances). Default
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The loopback port a started host listens on (<c>127.0.0.1</c>); 0, the default, picks a free one (read it from
    /// <see cref="FakeProviderHost.BaseAddress"/>). An in-memory host ignores it.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// The API key the host accepts at first (SUNBAY: <c>Authorization: Bearer</c>; CM.com: header <c>API-Key</c>).
    /// Defaults: <c>sk_test_fake_4f1c9e2b7a6d3058</c> (SUNBAY), <c>cm_test_fake_7d41c9a05e2b8f36</c> (CM.com).
    /// </summary>
    public string ApiKey { get; set; }

    /// <summary>
    /// Time until the cardholder presents the card (or cancels): on SUNBAY from dispatch until the result is final, on
    /// CM.com from the terminal's pick-up. Default 2 seconds; <see cref="FakeProviderTerminal.CardPresentDelay"/>
    /// overrides it for one terminal.
    /// </summary>
    public TimeSpan CardPresentDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the settings every host needs.</summary>
    internal virtual void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
    }
}
