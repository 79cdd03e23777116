using System.Collections.Concurrent;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>One circuit breaker per named client, shared by its query and push pipelines.</summary>
internal sealed class SunbayBreakers(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<SunbayBreaker>> _breakers = new(StringComparer.Ordinal);

    public SunbayBreaker For(string clientName) =>
        _breakers.GetOrAdd(clientName, _ => new Lazy<SunbayBreaker>(() => SunbayResilience.CreateBreaker(time))).Value;
}
