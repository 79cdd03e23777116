namespace Sunbay.Client;

/// <summary>The default <c>timeExpire</c> of pushes that accept one (<see cref="SunbayClientOptions.DefaultExpiry"/>).</summary>
public sealed partial class SunbayClient
{
    /// <summary>Now plus <see cref="SunbayClientOptions.DefaultExpiry"/>, rounded up to the second (the wire drops fractions, which must not take it under SUNBAY's minimum).</summary>
    private DateTimeOffset DefaultExpiresAt(SunbayClientOptions options)
    {
        var at = TimeProvider.GetUtcNow() + options.DefaultExpiry;
        var fraction = at.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - fraction);
    }
}
