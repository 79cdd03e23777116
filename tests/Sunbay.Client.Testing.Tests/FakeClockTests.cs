using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests;

/// <summary>The virtual clock: timers fire in order at their own due time, and RunUntilAsync jumps from one to the next.</summary>
public sealed class FakeClockTests
{
    [Fact]
    public void Timers_fire_in_due_order_each_at_its_own_time()
    {
        var clock = new FakeClock();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => fired.Add(("tick", clock.GetUtcNow())), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        Assert.Equal(FakeClock.DefaultStart + TimeSpan.FromSeconds(1), clock.NextTimerDue);
        clock.Advance(TimeSpan.FromSeconds(6));

        var start = FakeClock.DefaultStart;
        Assert.Equal(
            [("early", start.AddSeconds(1)), ("tick", start.AddSeconds(2)), ("tick", start.AddSeconds(4)), ("late", start.AddSeconds(5)), ("tick", start.AddSeconds(6))],
            fired);
        Assert.Equal(start.AddSeconds(6), clock.GetUtcNow());
        Assert.Equal(start.AddSeconds(8), clock.NextTimerDue);
        Assert.Equal(TimeSpan.FromSeconds(6), clock.GetElapsedTime(0));
    }

    [Fact]
    public void A_changed_or_disposed_timer_does_not_fire_at_its_old_time()
    {
        var clock = new FakeClock();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, count);
        Assert.Equal(0, clock.ActiveTimers);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(FakeClock.DefaultStart));
    }

    [Fact]
    public async Task RunUntilAsync_jumps_to_each_due_timer_so_a_long_chain_of_delays_ends_fast()
    {
        var clock = new FakeClock();
        async Task<int> PollAsync()
        {
            var polls = 0;
            while (clock.GetUtcNow() < FakeClock.DefaultStart.AddMinutes(10))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), clock);
                polls++;
            }

            return polls;
        }

        var polls = await clock.RunUntilAsync(PollAsync(), TimeSpan.FromHours(1));

        Assert.Equal(20, polls);
        Assert.Equal(FakeClock.DefaultStart.AddMinutes(10), clock.GetUtcNow());
    }

    [Fact]
    public async Task RunUntilAsync_gives_up_after_the_virtual_time_limit_or_when_no_timer_can_help()
    {
        var clock = new FakeClock();
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var nothing = await Assert.ThrowsAsync<TimeoutException>(() => clock.RunUntilAsync(never.Task, TimeSpan.FromMinutes(1)));
        Assert.Contains("no timer", nothing.Message, StringComparison.Ordinal);

        var tooLong = await Assert.ThrowsAsync<TimeoutException>(() => clock.RunUntilAsync(Task.Delay(TimeSpan.FromHours(2), clock), TimeSpan.FromMinutes(5)));
        Assert.Contains("00:05:00", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(FakeClock.DefaultStart.AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task Cancellation_tokens_with_a_timeout_follow_the_clock()
    {
        var clock = new FakeClock();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clock.RunUntilAsync(Task.Delay(Timeout.InfiniteTimeSpan, timeout.Token), TimeSpan.FromMinutes(1)));

        Assert.Equal(FakeClock.DefaultStart.AddSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public async Task RunUntilAsync_does_not_pass_a_callers_deadline_while_the_fake_is_still_serving_its_request()
    {
        // A loaded machine, played in slow motion: the in-memory request takes real time to reach the fake (its body
        // is slow to produce) while the caller's 1 s limit is set on the clock. Nothing reads the clock meanwhile, so
        // without the request counting as in flight the driver would see quiet and jump to the caller's deadline.
        var clock = new FakeClock();
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = clock });
        using var http = new HttpClient(host.CreateHandler()) { BaseAddress = host.BaseAddress };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1), clock);

        using var response = await clock.RunUntilAsync(
            http.PostAsync("/v1/ping", new SlowContent(TimeSpan.FromMilliseconds(300)), deadline.Token), TimeSpan.FromMinutes(1));

        Assert.False(deadline.IsCancellationRequested);
        Assert.Equal(FakeClock.DefaultStart, clock.GetUtcNow());
    }

    [Fact]
    public async Task RunUntilAsync_does_not_fire_a_time_limit_set_just_now_before_its_request_reached_the_fake()
    {
        // The gap the in-flight count cannot see: the caller set its 60 s limit, then its thread stalled (a loaded
        // machine) before the request entered the fake's handler. Played in slow motion by a handler in front of the
        // fake that holds the request for 300 ms of real time.
        var clock = new FakeClock();
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = clock });
        using var http = new HttpClient(new StallingHandler(TimeSpan.FromMilliseconds(300)) { InnerHandler = host.CreateHandler() }) { BaseAddress = host.BaseAddress };
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60), clock);

        using var response = await clock.RunUntilAsync(http.PostAsync("/v1/ping", new StringContent("{}"), limit.Token), TimeSpan.FromMinutes(5));

        Assert.False(limit.IsCancellationRequested);
        Assert.Equal(FakeClock.DefaultStart, clock.GetUtcNow());
    }

    [Fact]
    public async Task RunUntilAsync_still_fires_a_time_limit_whose_request_reached_the_fake()
    {
        // The hold ends once the request reached the host: a limit that should fire still does, in virtual time.
        var clock = new FakeClock();
        await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = clock });
        using var http = new HttpClient(host.CreateHandler()) { BaseAddress = host.BaseAddress };
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60), clock);
        var fired = new TaskCompletionSource();
        limit.Token.Register(() => fired.TrySetResult());
        using (await http.PostAsync("/v1/ping", new StringContent("{}"), limit.Token))
        {
        }

        await clock.RunUntilAsync(fired.Task, TimeSpan.FromMinutes(5));

        Assert.Equal(FakeClock.DefaultStart.AddSeconds(60), clock.GetUtcNow());
    }

    /// <summary>Holds a request for real time before it goes on: a caller's thread stalled between its limit and its send.</summary>
    private sealed class StallingHandler(TimeSpan stall) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(stall, CancellationToken.None); // real time on purpose: the stall the virtual clock must not race
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A request body that takes real time to produce, as a starved thread pool would.</summary>
    private sealed class SlowContent(TimeSpan delay) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await Task.Delay(delay); // real time on purpose: the slowness the virtual clock must not race
            await stream.WriteAsync("{}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
