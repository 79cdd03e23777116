namespace Sunbay.Client;

/// <summary>A processor-side identifier (MID or TID) of one channel.</summary>
public sealed record ChannelId
{
    /// <summary>Built by the client from SUNBAY's answers; in tests, use <see cref="SunbayModelFactory.ChannelId"/>.</summary>
    /// <param name="channelCode">The channel's code.</param>
    /// <param name="channelName">The channel's name.</param>
    /// <param name="id">The MID or TID.</param>
    internal ChannelId(string? channelCode, string? channelName, string? id)
    {
        ChannelCode = channelCode;
        ChannelName = channelName;
        Id = id;
    }

    /// <summary>The channel's code.</summary>
    public string? ChannelCode { get; }

    /// <summary>The channel's name.</summary>
    public string? ChannelName { get; }

    /// <summary>The MID or TID.</summary>
    public string? Id { get; }
}
