using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Sunbay.Client.Http;

/// <summary>
/// What a call that ended without a usable answer means, whatever the provider: whether the request may have been acted
/// on (<see cref="OutcomeUnknown"/>) and a message that says what happened. Each provider's classifier turns it into its
/// own exception and says how to reconcile. Provider-neutral: every provider package builds on it.
/// </summary>
/// <param name="Kind">What the caller gets: a transport exception, the client's disposed exception, or the cancellation itself.</param>
/// <param name="Message">What happened (for <see cref="TransportFailureKind.Transport"/>).</param>
/// <param name="StatusCode">The HTTP status involved, if any.</param>
/// <param name="OutcomeUnknown">Whether the request may have been acted on.</param>
internal readonly record struct TransportFailure(TransportFailureKind Kind, string Message, int? StatusCode, bool OutcomeUnknown)
{
    /// <summary>What <paramref name="error"/>, raised instead of an answer, means for the call of <paramref name="facts"/>.</summary>
    public static TransportFailure Of(in CallFacts facts, Exception error, ProviderNames names)
    {
        var operation = facts.Operation;
        if (facts.Disposed && !facts.CallerCancelled && error is ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // Disposed under the call: the HTTP client's own exception would say nothing useful.
            return facts.IsPost
                ? Transport($"{operation} was interrupted: the {names.Client} was disposed while the request was on its way.", null, outcomeUnknown: true)
                : new(TransportFailureKind.ClientDisposed, string.Empty, null, OutcomeUnknown: false);
        }

        return error switch
        {
            // Never followed, never retried. A push may have been acted on before it was redirected: only a query can tell.
            RedirectException redirect => Transport(redirect.DescribeFor(names.Provider, names.Options + ".BaseAddress", operation, facts.IsPost), redirect.StatusCode, facts.IsPost),
            // Found while writing the headers: the request never left the process.
            RequestNotSentException => Transport($"{operation} was not sent: {error.Message}", null, outcomeUnknown: false),
            // Rejected before sending: the request certainly did not reach the provider.
            BrokenCircuitException => Transport($"{operation} was not sent: too many recent failures opened the circuit breaker. Try again shortly.", null, outcomeUnknown: false),
            TimeoutRejectedException timeout => Transport($"{operation} timed out after {timeout.Timeout.TotalSeconds:F0} s.", null, facts.IsPost),
            HttpRequestException network => Transport(
                $"{operation} failed on the network ({network.HttpRequestError}): {network.Message}",
                (int?)network.StatusCode,
                facts.IsPost && network.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)),
            // The caller gave up while the push was on its way: it may have been acted on. A query is simply cancelled.
            OperationCanceledException when facts.CallerCancelled => facts.IsPost
                ? Transport($"{operation} was cancelled by the caller after it was sent.", null, outcomeUnknown: true)
                : new(TransportFailureKind.Cancelled, string.Empty, null, OutcomeUnknown: false),
            OperationCanceledException => Transport($"{operation} timed out.", null, facts.IsPost),
            _ => Transport($"{operation} failed: {error.GetType().Name}: {error.Message}", null, facts.IsPost),
        };
    }

    private static TransportFailure Transport(string message, int? status, bool outcomeUnknown) =>
        new(TransportFailureKind.Transport, message, status, outcomeUnknown);
}

/// <summary>What a <see cref="TransportFailure"/> becomes.</summary>
internal enum TransportFailureKind
{
    /// <summary>The provider's transport exception.</summary>
    Transport,

    /// <summary>The client's disposed exception (a query interrupted by the disposal).</summary>
    ClientDisposed,

    /// <summary>The caller's own cancellation, rethrown as it is (a query the caller cancelled).</summary>
    Cancelled,
}
