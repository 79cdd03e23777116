using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client.Http;

/// <summary>
/// The retry strategy of every client of the SDK (SUNBAY's and CM.com's); their circuit breaker is <see cref="CallBreaker"/>.
/// Queries (GET): total limit, retry, breaker, attempt limit. Pushes (POST): one limit, sent only while the breaker is
/// not open (<see cref="CallBreaker"/>). The limits are
/// <see cref="CallDeadline"/>s of <see cref="ApiPipeline{TOptions}"/>. Provider-neutral: every provider
/// package builds on it.
/// </summary>
/// <remarks>
/// A POST (sale, refund, void, batch close, ...) is never retried, whatever the failure: its pipeline has no retry
/// strategy at all (a generic handler's <c>DisableForUnsafeHttpMethods</c> alone still retries when the attempt throws,
/// dotnet/extensions#6548). A POST gets
/// one attempt with the long <see cref="ClientTimeoutOptions.Post"/> limit, never the short GET attempt limit.
/// </remarks>
internal static class PipelineResilience
{
    /// <summary>
    /// The retry strategy of queries (only transient outcomes, exponential backoff with jitter, <c>Retry-After</c>), or
    /// <see langword="null"/> without retries. It is entered only after a first attempt that failed transiently, which it
    /// is handed as its own first outcome (<see cref="ApiPipeline{TOptions}"/>); each attempt it makes runs through the
    /// shared breaker. Its time limits (total, per attempt) are <see cref="CallDeadline"/>s of
    /// <see cref="ApiPipeline{TOptions}"/>; a push is only checked against the breaker, with one limit.
    /// </summary>
    /// <param name="time">The clock of the delays.</param>
    /// <param name="retry">How many retries, and the base delay.</param>
    /// <param name="telemetry">Where a retry is counted and logged.</param>
    /// <param name="logger">The client's logger.</param>
    public static ResiliencePipeline<HttpResponseMessage>? CreateRetryPipeline(TimeProvider time, ClientRetryOptions retry, CallTelemetry telemetry, ILogger logger)
    {
        if (retry.MaxGetRetries == 0)
        {
            return null;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new HttpRetryStrategyOptions
            {
                Name = "get-retry",
                MaxRetryAttempts = retry.MaxGetRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                ShouldHandle = ShouldRetry,
                OnRetry = args =>
                {
                    // The context's operation key is the request's path (ApiPipeline).
                    var path = args.Context.OperationKey;
                    var reason = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    telemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.path", path));
                    telemetry.LogRetrying(logger, "GET", path, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, reason);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Whether the retry strategy would try again after <paramref name="outcome"/> (its predicate, <see cref="ShouldRetry"/>).</summary>
    internal static bool IsTransient(in Outcome<HttpResponseMessage> outcome) => HttpClientResiliencePredicates.IsTransient(outcome);

    /// <summary>
    /// Retry only on transient outcomes (network error, timeout, 408, 429, 5xx, a cut or garbled body). Only the query
    /// pipeline has a retry strategy, and <see cref="ApiPipeline{TOptions}"/> sends only GETs through it.
    /// </summary>
    internal static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(IsTransient(args.Outcome));
}
