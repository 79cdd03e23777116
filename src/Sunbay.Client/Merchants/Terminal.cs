namespace Sunbay.Client;

/// <summary>A terminal bound to the merchant.</summary>
public sealed class Terminal
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.Terminal"/>.</summary>
    internal Terminal()
    {
    }

    /// <summary>Serial number: the <c>terminalSn</c> of requests.</summary>
    public string Sn { get; internal init; } = string.Empty;

    /// <summary>Vendor.</summary>
    public string? Vendor { get; internal init; }

    /// <summary>Model.</summary>
    public string? Model { get; internal init; }

    /// <summary>When the terminal was bound.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>The processor terminal IDs by channel.</summary>
    public IReadOnlyList<ChannelId> Tids { get; internal init; } = [];
}
