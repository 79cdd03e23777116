namespace Sunbay.Client;

/// <summary>A terminal bound to the merchant.</summary>
public sealed class Terminal
{
    /// <summary>Serial number: the <c>terminalSn</c> of requests.</summary>
    public required string Sn { get; init; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Model.</summary>
    public string? Model { get; init; }

    /// <summary>When the terminal was bound.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The processor terminal IDs by channel.</summary>
    public IReadOnlyList<ChannelId> Tids { get; init; } = [];
}
