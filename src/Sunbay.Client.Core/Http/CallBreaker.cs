using Polly;
using Polly.CircuitBreaker;

namespace Sunbay.Client.Http;

/// <summary>
/// A client's circuit breaker. Queries are counted by it (their failures open it: every pending operation polls, so they
/// are what shows first that the provider is failing): an attempt runs through it, or, while it is closed, is sent and
/// then counted (<see cref="RecordAsync"/>); a push is only checked against it, never run through it: an open
/// circuit rejects the push before it is sent, so its outcome is known. Checking instead of running saves a push the
/// breaker's strategy layers (about 600 bytes and three async state machines per call) and changes nothing for it: a
/// push is sent once or not at all either way.
/// </summary>
/// <remarks>
/// The strategy only leaves its open state when an execution passes through it, and pushes never do: a point of sale
/// that only starts payments would be refused for good. So a push reads the break's end, recorded when the circuit
/// opened, on the client's clock: once the break is over, pushes are sent again (the next query is the half-open probe
/// that closes or reopens the circuit for queries).
/// </remarks>
internal sealed class CallBreaker
{
    private readonly TimeProvider _time;
    private long _openUntilTicks;

    /// <param name="pipeline">The breaker strategy the query pipeline runs each attempt through.</param>
    /// <param name="state">The breaker's state, read before a push.</param>
    /// <param name="time">The clock the break is measured on (the strategy's own).</param>
    public CallBreaker(ResiliencePipeline<HttpResponseMessage> pipeline, CircuitBreakerStateProvider state, TimeProvider time)
    {
        Pipeline = pipeline;
        State = state;
        _time = time;
    }

    /// <summary>The breaker strategy the query pipeline runs each attempt through.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>The breaker's state.</summary>
    public CircuitBreakerStateProvider State { get; }

    /// <summary>Whether a push must not be sent now: the circuit is isolated, or open and its break is not over.</summary>
    public bool RejectsPushes => State.CircuitState switch
    {
        CircuitState.Isolated => true,
        CircuitState.Open => _time.GetUtcNow().UtcTicks < Volatile.Read(ref _openUntilTicks),
        _ => false,
    };

    /// <summary>Whether the circuit is closed: a query's attempt may be sent without passing through the strategy (<see cref="RecordAsync"/>).</summary>
    public bool IsClosed => State.CircuitState == CircuitState.Closed;

    /// <summary>
    /// Counts the outcome of a query's attempt that was sent while the circuit was closed, as if the attempt had run
    /// through the strategy: the same pass (the strategy's own check, predicate, counting and opening), with a callback
    /// that hands back the finished outcome. As that completes synchronously, the pass costs none of the strategy's async
    /// state machines (about 700 bytes per query on a socket, issue 22). Running the attempt through the strategy
    /// differs in nothing while the circuit stays closed: a closed circuit's check before the attempt does nothing.
    /// </summary>
    /// <remarks>
    /// When the circuit left the closed state while the attempt was out (other attempts opened it), the outcome is not
    /// counted: the strategy would only add it to figures that are reset when the circuit closes again; the attempt's
    /// outcome stands either way (the strategy does not mask an execution that had started).
    /// </remarks>
    /// <param name="outcome">What the attempt ended with.</param>
    public async ValueTask RecordAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (!IsClosed)
        {
            return;
        }

        var context = ResilienceContextPool.Shared.Get();
        try
        {
            await Pipeline.ExecuteOutcomeAsync(static (_, outcome) => new ValueTask<Outcome<HttpResponseMessage>>(outcome), context, outcome).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Records the end of a break that starts now (the strategy's <c>OnOpened</c>).</summary>
    /// <param name="breakDuration">How long the strategy keeps the circuit open.</param>
    public void Opened(TimeSpan breakDuration) =>
        Volatile.Write(ref _openUntilTicks, (_time.GetUtcNow() + breakDuration).UtcTicks);
}
