using System.Collections.Concurrent;
using Polly;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>One circuit breaker per named client, shared by its query and push pipelines.</summary>
internal sealed class SunbayBreakers(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline<HttpResponseMessage>>> _breakers = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> For(string clientName) =>
        _breakers.GetOrAdd(clientName, _ => new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => SunbayResilience.CreateBreaker(time))).Value;
}
