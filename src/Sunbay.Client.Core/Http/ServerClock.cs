namespace Sunbay.Client.Http;

/// <summary>
/// The last offset seen between SUNBAY's clock (the HTTP <c>Date</c> header, one-second resolution) and ours, so that a
/// rejected <c>X-Timestamp</c> can be reported with the measured skew instead of a bare parameter error.
/// </summary>
internal sealed class ServerClock
{
    private long _offsetTicks;
    private int _observed;

    /// <summary>Server time minus local time at the last response with a <c>Date</c> header; <see langword="null"/> before any.</summary>
    public TimeSpan? Offset => Volatile.Read(ref _observed) == 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Observe(DateTimeOffset serverDate, DateTimeOffset localNow)
    {
        Interlocked.Exchange(ref _offsetTicks, (serverDate - localNow).Ticks);
        Volatile.Write(ref _observed, 1);
    }
}
