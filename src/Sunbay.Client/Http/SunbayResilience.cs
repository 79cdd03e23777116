using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Sunbay.Client.Http;

/// <summary>
/// The resilience pipelines of every Sunbay HTTP client, one per kind of request, sharing one circuit breaker.
/// Queries (GET): total timeout, retry, breaker, attempt timeout. Pushes (POST): breaker, one timeout.
/// </summary>
/// <remarks>
/// A POST (sale, refund, void, batch close, ...) is never retried, whatever the failure: its pipeline has no retry
/// strategy at all (a generic handler's <c>DisableForUnsafeHttpMethods</c> alone still retries when the attempt throws,
/// dotnet/extensions#6548). A POST gets
/// one attempt with the long <see cref="SunbayTimeoutOptions.Post"/> limit, never the short GET attempt timeout. Giving
/// POSTs their own pipeline also spares them the strategies they never use (about 1 KB per call).
/// </remarks>
internal static class SunbayResilience
{
    public const string PipelineName = "sunbay";

    /// <summary>Pipeline key of queries; every other method uses <see cref="PushKey"/>.</summary>
    public const string QueryKey = "get";

    public const string PushKey = "post";

    /// <summary>
    /// The circuit breaker shared by both pipelines of a client: a SUNBAY that fails its queries also stops pushes from
    /// being sent (they are rejected before sending, so their outcome is known).
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> CreateBreaker(TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "breaker",
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .Build();

    /// <summary>Adds the strategies of the pipeline named <paramref name="key"/> to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, string key, SunbayClientOptions options, ResiliencePipeline<HttpResponseMessage> breaker, ILogger logger)
    {
        var timeouts = options.Timeouts;
        if (key != QueryKey)
        {
            builder.AddPipeline(breaker);
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "post", Timeout = timeouts.Post });
            return;
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = timeouts.GetTotal });
        if (options.Retry.MaxGetRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "get-retry",
                MaxRetryAttempts = options.Retry.MaxGetRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = true,
                ShouldHandle = ShouldRetry,
                OnRetry = args =>
                {
                    // The context's operation key is the request's path (SunbayPipeline).
                    var path = args.Context.OperationKey;
                    var reason = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    Telemetry.SunbayTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.path", path));
                    Telemetry.Log.Retrying(logger, "GET", path, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, reason);
                    return default;
                },
            });
        }

        builder.AddPipeline(breaker);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = timeouts.GetAttempt });
    }

    /// <summary>
    /// Retry only on transient outcomes (network error, timeout, 408, 429, 5xx, a cut or garbled body). Only the query
    /// pipeline has a retry strategy, and <see cref="SunbayPipeline"/> sends only GETs through it.
    /// </summary>
    internal static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(HttpClientResiliencePredicates.IsTransient(args.Outcome));
}
