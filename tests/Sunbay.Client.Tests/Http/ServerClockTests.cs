using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Http;

namespace Sunbay.Client.Tests.Http;

/// <summary>
/// The provider's clock as its <c>Date</c> headers show it: parsed once per distinct header (it changes once a second),
/// yet every new value moves the offset, and an unusual one still reads through the framework's lenient parser.
/// </summary>
public sealed class ServerClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_new_date_moves_the_offset_and_a_repeated_one_keeps_it()
    {
        var clock = new ServerClock();
        var time = new FakeTimeProvider(Now);

        clock.Observe(Answer("Sat, 05 Dec 2026 10:00:03 GMT"), time);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.Offset);

        time.Advance(TimeSpan.FromMilliseconds(400));
        clock.Observe(Answer("Sat, 05 Dec 2026 10:00:03 GMT"), time);
        Assert.Equal(TimeSpan.FromSeconds(2.6), clock.Offset);

        clock.Observe(Answer("Sat, 05 Dec 2026 09:59:50 GMT"), time);
        Assert.Equal(TimeSpan.FromSeconds(-10.4), clock.Offset);
    }

    [Fact]
    public void A_date_in_another_layout_is_read_leniently_and_none_changes_nothing()
    {
        var clock = new ServerClock();
        var time = new FakeTimeProvider(Now);

        clock.Observe(new HttpResponseMessage(), time);
        Assert.Null(clock.Offset);

        clock.Observe(Answer("Saturday, 05-Dec-26 10:00:07 GMT"), time); // RFC 850, which HTTP still allows
        Assert.Equal(TimeSpan.FromSeconds(7), clock.Offset);
    }

    private static HttpResponseMessage Answer(string date)
    {
        var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Date", date);
        return response;
    }
}
