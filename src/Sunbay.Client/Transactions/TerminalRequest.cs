namespace Sunbay.Client;

/// <summary>A request addressed to one terminal.</summary>
public abstract record TerminalRequest : SunbayRequest
{
    /// <summary>The terminal's serial number; <see langword="null"/> for <see cref="SunbayClientOptions.TerminalSn"/>. Blank is an error, never the default.</summary>
    public string? TerminalSn { get; init; }

    /// <summary>Free data echoed back in results and webhooks (at most 128 characters; JSON recommended). Never put card data here.</summary>
    public string? Attach { get; init; }
}
