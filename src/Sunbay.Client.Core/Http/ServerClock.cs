using System.Globalization;

namespace Sunbay.Client.Http;

/// <summary>
/// The last offset seen between the provider's clock (the HTTP <c>Date</c> header, one-second resolution) and ours, so
/// that a rejected timestamp can be reported with the measured skew instead of a bare parameter error.
/// </summary>
internal sealed class ServerClock
{
    private long _offsetTicks;
    private int _observed;
    private LastDate? _last;

    /// <summary>Server time minus local time at the last response with a <c>Date</c> header; <see langword="null"/> before any.</summary>
    public TimeSpan? Offset => Volatile.Read(ref _observed) == 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Reads the answer's <c>Date</c> header, if any, against <paramref name="time"/>'s now.</summary>
    public void Observe(HttpResponseMessage response, TimeProvider time)
    {
        if (ReadDate(response) is { } serverDate)
        {
            Observe(serverDate, time.GetUtcNow());
        }
    }

    private void Observe(DateTimeOffset serverDate, DateTimeOffset localNow)
    {
        Interlocked.Exchange(ref _offsetTicks, (serverDate - localNow).Ticks);
        Volatile.Write(ref _observed, 1);
    }

    /// <summary>
    /// The <c>Date</c> header (RFC 1123), read without the typed header store (which boxes a parsed value per response),
    /// and parsed only when it differs from the last one: it changes once a second, and answers come more often.
    /// </summary>
    private DateTimeOffset? ReadDate(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Date", out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            return response.Headers.Date; // several: the framework's lenient parser
        }

        var text = values.ToString();
        if (Volatile.Read(ref _last) is { } last && string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            return last.Date;
        }

        if (!DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return response.Headers.Date; // anything unusual: the framework's lenient parser
        }

        Volatile.Write(ref _last, new LastDate(text, date));
        return date;
    }

    private sealed record LastDate(string Text, DateTimeOffset Date);
}
