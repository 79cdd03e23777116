using System.Collections.Concurrent;
using Sunbay.Client.Http;

namespace Sunbay.Client.DependencyInjection;

/// <summary>One circuit breaker per named client, shared by its query and push pipelines.</summary>
internal sealed class CallBreakers(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<CallBreaker>> _breakers = new(StringComparer.Ordinal);

    public CallBreaker For(string clientName) =>
        _breakers.GetOrAdd(clientName, _ => new Lazy<CallBreaker>(() => new CallBreaker(time))).Value;
}
