using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Sunbay.Client.Http;

/// <summary>
/// The resilience pipeline of every Sunbay HTTP client, outermost first: total timeout, retry (safe methods only),
/// circuit breaker, attempt timeout.
/// </summary>
/// <remarks>
/// A POST (sale, refund, void, batch close, ...) is never retried, whatever the failure: the retry predicate looks at
/// the request's method itself, because <c>DisableForUnsafeHttpMethods</c> alone still retries when the attempt throws
/// (dotnet/extensions#6548). A POST gets one attempt with the long <see cref="SunbayTimeoutOptions.Post"/> limit,
/// never the short GET attempt timeout.
/// </remarks>
internal static class SunbayResilience
{
    public const string PipelineName = "sunbay";

    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SunbayClientOptions options, ILogger logger)
    {
        var timeouts = options.Timeouts;
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "total",
            // A POST has one attempt, so its limit is the attempt timeout below; an infinite value here makes Polly skip
            // this strategy for it (one timer and one linked token less per POST).
            TimeoutGenerator = args => new ValueTask<TimeSpan>(IsSafe(args.Context) ? timeouts.GetTotal : Timeout.InfiniteTimeSpan),
        });

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
                    var request = args.Context.GetRequestMessage();
                    var reason = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    Telemetry.SunbayTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.path", request?.RequestUri?.AbsolutePath));
                    Telemetry.Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, reason);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "breaker",
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "attempt",
            TimeoutGenerator = args => new ValueTask<TimeSpan>(IsSafe(args.Context) ? timeouts.GetAttempt : timeouts.Post),
        });
    }

    /// <summary>Retry only safe methods, and only on transient outcomes (network error, timeout, 408, 429, 5xx).</summary>
    internal static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(IsSafe(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome));

    private static bool IsSafe(ResilienceContext context) =>
        context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);
}
