namespace Sunbay.Client;

/// <summary>Which closed batches to list. Give both times or neither (the last 7 days); the span is at most 30 days.</summary>
public sealed record BatchCloseListRequest : SunbayRequest
{
    /// <summary>The terminal; <see langword="null"/> for <see cref="SunbayClientOptions.TerminalSn"/>. Blank is an error, never the default.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>Only this channel.</summary>
    public string? ChannelCode { get; init; }

    /// <summary>Start of the window.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the window.</summary>
    public DateTimeOffset? To { get; init; }
}
