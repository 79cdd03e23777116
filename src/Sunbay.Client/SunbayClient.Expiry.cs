using System.Globalization;
using Sunbay.Client.Wire;

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

    /// <summary>The <c>timeExpire</c> a push carries, when it carries one: the deadline of its operation.</summary>
    private static DateTimeOffset? ExpiryOf(object wire) =>
        wire is IExpiringRequest { TimeExpire: { Length: > 0 } text }
        && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;
}
