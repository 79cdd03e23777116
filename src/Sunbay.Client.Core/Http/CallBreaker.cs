using Polly;
using Polly.CircuitBreaker;

namespace Sunbay.Client.Http;

/// <summary>
/// A client's circuit breaker, by failure ratio: when at least <see cref="MinimumThroughput"/> query attempts ended in
/// the last <see cref="SamplingDuration"/> and at least <see cref="FailureRatio"/> of them failed transiently (the retry
/// predicate: a transport error, a time limit, 408, 429, 5xx), it opens for <see cref="BreakDuration"/>. While it is
/// open nothing is sent: a push is refused before sending (its outcome is known), and so is a query. Once the break is
/// over, pushes are sent again, and the next query is the probe (half-open): its success closes the circuit, its failure
/// opens it for another break; other queries are refused while the probe is out.
/// </summary>
/// <remarks>
/// <para>
/// The semantics and settings of Polly's ratio circuit breaker as this SDK configured it before (a rolling window of ten
/// buckets over the sampling duration), written here for three reasons: a push is only checked, never run through a
/// strategy, and Polly's strategy leaves its open state only when an execution passes through it (a point of sale that
/// only starts payments would be refused for good); counting an attempt is a few field updates under a lock instead of a
/// strategy pass; and building Polly's breaker was the process's first use of Polly (options validated through
/// DataAnnotations, about 300 methods compiled before the first call, issue 22). Polly's retry strategy stays, built at
/// a query's first transient failure; a refusal is Polly's <see cref="BrokenCircuitException"/>, as before.
/// </para>
/// <para>Queries are counted (every pending operation polls, so they are what shows first that the provider is failing);
/// pushes are not (a push is sent once or not at all, and its failures say the same as the queries').</para>
/// </remarks>
internal sealed class CallBreaker
{
    /// <summary>The share of failed attempts in the window that opens the circuit.</summary>
    public const double FailureRatio = 0.5;

    /// <summary>How many attempts the window must hold before the ratio counts.</summary>
    public const int MinimumThroughput = 20;

    /// <summary>How far back attempts are counted.</summary>
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    private const int Buckets = 10;

    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly long[] _bucketStart = new long[Buckets];
    private readonly int[] _attempts = new int[Buckets];
    private readonly int[] _failures = new int[Buckets];
    private readonly long _bucketTicks = SamplingDuration.Ticks / Buckets;
    private CircuitState _state = CircuitState.Closed;
    private long _openUntilTicks;
    private bool _probeOut;

    /// <param name="time">The clock the window and the break are measured on.</param>
    public CallBreaker(TimeProvider time) => _time = time;

    /// <summary>The circuit's state now: an open circuit whose break is over reads as half-open (its next query is the probe).</summary>
    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Open && NowTicks() >= _openUntilTicks ? CircuitState.HalfOpen : _state;
            }
        }
    }

    /// <summary>Whether a push must not be sent now: the circuit is open and its break is not over.</summary>
    public bool RejectsPushes
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Open && NowTicks() < _openUntilTicks;
            }
        }
    }

    /// <summary>Whether the circuit is closed: a query's attempt is sent at once, then counted (<see cref="Record(in Outcome{HttpResponseMessage}, bool)"/>).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Closed;
            }
        }
    }

    /// <summary>
    /// A query's attempt through the breaker when the circuit may not be closed, or a retry's: refused (not sent, a
    /// <see cref="BrokenCircuitException"/> outcome) while the circuit is open or another probe is out, otherwise made
    /// and counted.
    /// </summary>
    /// <param name="state">What <paramref name="attempt"/> needs.</param>
    /// <param name="attempt">Makes the attempt.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    public async ValueTask<Outcome<HttpResponseMessage>> RunAsync<TState>(TState state, Func<TState, CancellationToken, ValueTask<Outcome<HttpResponseMessage>>> attempt, CancellationToken cancellationToken)
    {
        if (TryAdmitQuery(out var probe) is { } refusal)
        {
            return Outcome.FromException<HttpResponseMessage>(refusal);
        }

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await attempt(state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(ex);
        }

        Record(outcome, probe);
        return outcome;
    }

    /// <summary>
    /// Asks to send a query's attempt: <see langword="null"/> when it may go (then its outcome must be given to
    /// <see cref="Record(bool, bool)"/> with <paramref name="probe"/>), or the refusal when the circuit is open or a probe is out.
    /// </summary>
    /// <param name="probe">Whether this attempt is the half-open probe.</param>
    public BrokenCircuitException? TryAdmitQuery(out bool probe)
    {
        probe = false;
        lock (_gate)
        {
            switch (_state)
            {
                case CircuitState.Closed:
                    return null;
                case CircuitState.Open when NowTicks() >= _openUntilTicks:
                    _state = CircuitState.HalfOpen;
                    _probeOut = probe = true;
                    return null;
                case CircuitState.HalfOpen when !_probeOut:
                    _probeOut = probe = true;
                    return null;
                default:
                    return new BrokenCircuitException(_state == CircuitState.HalfOpen
                        ? "The circuit is half-open: another query is the probe."
                        : "The circuit is open: too many recent attempts failed.");
            }
        }
    }

    /// <summary>Counts the outcome of a query's attempt that <see cref="TryAdmitQuery"/> let go.</summary>
    /// <param name="outcome">What the attempt ended with.</param>
    /// <param name="probe">Whether it was the half-open probe.</param>
    public void Record(in Outcome<HttpResponseMessage> outcome, bool probe) =>
        Record(PipelineResilience.IsTransient(outcome), probe);

    /// <summary>Counts an attempt: failed (transiently) or not.</summary>
    /// <param name="failed">Whether the attempt failed transiently.</param>
    /// <param name="probe">Whether it was the half-open probe.</param>
    public void Record(bool failed, bool probe)
    {
        lock (_gate)
        {
            var now = NowTicks();
            if (probe)
            {
                _probeOut = false;
                if (failed)
                {
                    Open(now);
                }
                else
                {
                    _state = CircuitState.Closed;
                    Array.Clear(_attempts);
                    Array.Clear(_failures);
                }

                return;
            }

            if (_state != CircuitState.Closed)
            {
                // Sent while closed, ended after other attempts opened the circuit: counts that are reset on closing.
                return;
            }

            var slot = (int)((now / _bucketTicks) % Buckets);
            var start = now - (now % _bucketTicks);
            if (_bucketStart[slot] != start)
            {
                (_bucketStart[slot], _attempts[slot], _failures[slot]) = (start, 0, 0);
            }

            _attempts[slot]++;
            if (!failed)
            {
                return;
            }

            _failures[slot]++;
            int attempts = 0, failures = 0;
            for (var i = 0; i < Buckets; i++)
            {
                if (now - _bucketStart[i] < SamplingDuration.Ticks)
                {
                    attempts += _attempts[i];
                    failures += _failures[i];
                }
            }

            if (attempts >= MinimumThroughput && failures >= FailureRatio * attempts)
            {
                Open(now);
            }
        }
    }

    private void Open(long now)
    {
        _state = CircuitState.Open;
        _openUntilTicks = now + BreakDuration.Ticks;
        Array.Clear(_attempts);
        Array.Clear(_failures);
    }

    private long NowTicks() => _time.GetUtcNow().UtcTicks;
}
