using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Sunbay.Client.Http;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// The circuit breaker's rules, one by one, on a virtual clock (the promise tests drive it through real HTTP for every
/// provider): ratio and minimum throughput over a rolling window, the break, the half-open probe, and what counts.
/// </summary>
public sealed class CallBreakerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Half_of_twenty_attempts_failing_opens_the_circuit_and_nineteen_do_not()
    {
        var breaker = new CallBreaker(_time);
        Attempts(breaker, failed: false, 10);
        Attempts(breaker, failed: true, 9);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Attempts(breaker, failed: true, 1);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(breaker.RejectsPushes);
        Assert.NotNull(breaker.TryAdmitQuery(out _));
    }

    [Fact]
    public void Fewer_failures_than_half_keep_it_closed_however_many_attempts()
    {
        var breaker = new CallBreaker(_time);
        Attempts(breaker, failed: false, 21);
        Attempts(breaker, failed: true, 20);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.RejectsPushes);
    }

    [Fact]
    public void Attempts_older_than_the_sampling_duration_no_longer_count()
    {
        var breaker = new CallBreaker(_time);
        Attempts(breaker, failed: true, 19);
        _time.Advance(CallBreaker.SamplingDuration + TimeSpan.FromSeconds(3));

        Attempts(breaker, failed: true, 1);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Attempts(breaker, failed: true, 19);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void After_the_break_pushes_go_and_one_query_is_the_probe_whose_success_closes_the_circuit()
    {
        var breaker = Opened();
        _time.Advance(CallBreaker.BreakDuration - TimeSpan.FromSeconds(1));
        Assert.True(breaker.RejectsPushes);
        Assert.NotNull(breaker.TryAdmitQuery(out _));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(breaker.RejectsPushes);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.Null(breaker.TryAdmitQuery(out var probe));
        Assert.True(probe);
        Assert.NotNull(breaker.TryAdmitQuery(out var second));
        Assert.False(second);

        breaker.Record(failed: false, probe: true);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Null(breaker.TryAdmitQuery(out probe));
        Assert.False(probe);
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_break()
    {
        var breaker = Opened();
        _time.Advance(CallBreaker.BreakDuration);
        Assert.Null(breaker.TryAdmitQuery(out var probe));

        breaker.Record(failed: true, probe);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(breaker.RejectsPushes);
        _time.Advance(CallBreaker.BreakDuration);
        Assert.False(breaker.RejectsPushes);
    }

    [Fact]
    public void Closing_forgets_the_failures_before_the_break()
    {
        var breaker = Opened();
        _time.Advance(CallBreaker.BreakDuration);
        Assert.Null(breaker.TryAdmitQuery(out var probe));
        breaker.Record(failed: false, probe);

        Attempts(breaker, failed: true, 19);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void An_attempt_that_ends_after_others_opened_the_circuit_changes_nothing()
    {
        var breaker = new CallBreaker(_time);
        Assert.Null(breaker.TryAdmitQuery(out var late));
        Attempts(breaker, failed: true, 20);
        Assert.Equal(CircuitState.Open, breaker.State);

        breaker.Record(failed: false, late);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(breaker.RejectsPushes);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void Only_transient_outcomes_count_as_failures(HttpStatusCode status, bool failure)
    {
        var breaker = new CallBreaker(_time);
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(breaker.TryAdmitQuery(out var probe));
            using var response = new HttpResponseMessage(status);
            breaker.Record(Outcome.FromResult(response), probe);
        }

        Assert.Equal(failure ? CircuitState.Open : CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void A_transport_error_counts_as_a_failure()
    {
        var breaker = new CallBreaker(_time);
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(breaker.TryAdmitQuery(out var probe));
            breaker.Record(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), probe);
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    private CallBreaker Opened()
    {
        var breaker = new CallBreaker(_time);
        Attempts(breaker, failed: true, 20);
        Assert.Equal(CircuitState.Open, breaker.State);
        return breaker;
    }

    private static void Attempts(CallBreaker breaker, bool failed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Null(breaker.TryAdmitQuery(out var probe));
            breaker.Record(failed, probe);
        }
    }
}
