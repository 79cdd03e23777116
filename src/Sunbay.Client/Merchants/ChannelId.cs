namespace Sunbay.Client;

/// <summary>A processor-side identifier (MID or TID) of one channel.</summary>
/// <param name="ChannelCode">The channel's code.</param>
/// <param name="ChannelName">The channel's name.</param>
/// <param name="Id">The MID or TID.</param>
public sealed record ChannelId(string? ChannelCode, string? ChannelName, string? Id);
