using Polly;
using Polly.CircuitBreaker;

namespace Sunbay.Client.Http;

/// <summary>
/// A client's circuit breaker. Queries run through it (their failures open it: every pending operation polls, so they
/// are what shows first that SUNBAY is failing); a push is only checked against it, never run through it: an open
/// circuit rejects the push before it is sent, so its outcome is known. Checking instead of running saves a push the
/// breaker's strategy layers (about 600 bytes and three async state machines per call) and changes nothing for it: a
/// push is sent once or not at all either way.
/// </summary>
/// <param name="Pipeline">The breaker strategy the query pipeline runs each attempt through.</param>
/// <param name="State">The breaker's state, read before a push.</param>
internal sealed record SunbayBreaker(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State)
{
    /// <summary>Whether a push must not be sent now.</summary>
    public bool RejectsPushes => State.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
